// Third-party call control (RFC 3725) of one answered customer and one agent: the agent's phone is INVITEd
// with the customer's SDP as the offer, then the customer is re-INVITEd with the agent's answer, so media
// flows agent ↔ customer and never through the dialer. Outbound and inbound calls are bridged alike.
import type { AnsweredLeg, DialOptions, DialResult } from '@/dialer/sip/dialer-ua';

export type BridgeResult =
  | { kind: 'bridged'; agentLeg: AnsweredLeg }
  /** The agent's phone did not pick up within the ring time. */
  | { kind: 'agent_no_answer' }
  /** The customer hung up (or the re-INVITE failed) while the agent was being put through. */
  | { kind: 'customer_gone' };

/** How long an agent's phone may ring: it is logged in and ready, so it answers at once or is not there. */
export const AGENT_RING_MS = 5_000;

export async function bridgeToAgent(
  dial: (user: string, options?: DialOptions) => Promise<DialResult>,
  customer: AnsweredLeg,
  agentSipUser: string,
): Promise<BridgeResult> {
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
