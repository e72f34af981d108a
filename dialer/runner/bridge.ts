// Third-party call control (RFC 3725) of one answered customer and one agent: the agent's phone is INVITEd
// with the customer's SDP as the offer, then the customer is re-INVITEd with the agent's answer, so media
// flows agent ↔ customer and never through the dialer. Outbound and inbound calls are bridged alike.
// With a media relay (rtpengine, dialer/media) each SDP goes through it first: the agent is offered the
// relay's side for it (WebRTC for a browser) and the customer gets the relay's plain-RTP answer, so media
// flows customer ↔ rtpengine ↔ agent.
import { randomUUID } from 'node:crypto';
import type { AgentKind, Relay } from '@/dialer/media/relay';
import type { AnsweredLeg, DialOptions, DialResult } from '@/dialer/sip/dialer-ua';

export type BridgeResult =
  /** `hold` puts the call on hold or off it, in the media relay (absent without one: a direct bridge cannot hold). */
  | { kind: 'bridged'; agentLeg: AnsweredLeg; hold?: (on: boolean) => Promise<void> }
  /** The agent's phone did not pick up within the ring time. */
  | { kind: 'agent_no_answer' }
  /** The customer hung up (or the re-INVITE failed) while the agent was being put through. */
  | { kind: 'customer_gone' }
  /** The media relay refused or did not answer: nobody was put through (the agent's leg, if any, is hung up). */
  | { kind: 'media_failed'; reason: string };

/** How long an agent's phone may ring: it is logged in and ready, so it answers at once or is not there. */
export const AGENT_RING_MS = 5_000;

/** The relay a bridge goes through and what the agent's phone speaks (a browser: WebRTC; a robot or desk phone: RTP). */
export interface BridgeMedia { relay: Relay; agentKind: AgentKind }

export async function bridgeToAgent(
  dial: (user: string, options?: DialOptions) => Promise<DialResult>,
  customer: AnsweredLeg,
  agentSipUser: string,
  media?: BridgeMedia,
): Promise<BridgeResult> {
  if (!media) return bridgeDirect(dial, customer, agentSipUser);
  const { relay, agentKind } = media;
  // rtpengine's call is the customer's dialog; its participants are the far ends' tags.
  const callId = customer.dialog?.callId ?? randomUUID();
  const customerTag = customer.dialog?.remoteTag ?? 'customer';
  const release = () => relay.end(callId).catch(() => {});
  let agentOffer: string;
  try {
    agentOffer = await relay.toAgent(callId, customerTag, customer.remoteSdp, agentKind);
  } catch (err) {
    await release();
    return { kind: 'media_failed', reason: (err as Error).message };
  }
  const toAgent = await dial(agentSipUser, { ringTimeoutMs: AGENT_RING_MS, offerSdp: agentOffer });
  if (toAgent.outcome !== 'answered') {
    await release();
    return { kind: 'agent_no_answer' };
  }
  let customerOffer: string;
  const agentTag = toAgent.leg.dialog?.remoteTag ?? 'agent';
  try {
    customerOffer = await relay.toCustomer(callId, customerTag, agentTag, toAgent.leg.remoteSdp);
  } catch (err) {
    await toAgent.leg.hangup();
    await release();
    return { kind: 'media_failed', reason: (err as Error).message };
  }
  try {
    await customer.reoffer(customerOffer);
  } catch {
    await toAgent.leg.hangup();
    await release();
    return { kind: 'customer_gone' };
  }
  // The relay's ports are freed as soon as either side hangs up.
  void Promise.race([customer.ended, toAgent.leg.ended]).then(release);
  const hold = relay.hold && ((on: boolean) => relay.hold!(callId, customerTag, agentTag, on));
  return { kind: 'bridged', agentLeg: toAgent.leg, hold };
}

async function bridgeDirect(dial: (user: string, options?: DialOptions) => Promise<DialResult>, customer: AnsweredLeg, agentSipUser: string): Promise<BridgeResult> {
  const toAgent = await dial(agentSipUser, { ringTimeoutMs: AGENT_RING_MS, offerSdp: customer.remoteSdp });
  if (toAgent.outcome !== 'answered') return { kind: 'agent_no_answer' };
  try {
    await customer.reoffer(toAgent.leg.remoteSdp);
  } catch {
    await toAgent.leg.hangup();
    return { kind: 'customer_gone' };
  }
  return { kind: 'bridged', agentLeg: toAgent.leg };
}
