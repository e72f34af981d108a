// What the dialer asks rtpengine for each leg of a bridged call (pure). The customer's SDP is the offer
// (third-party call control: the customer answered our hold offer, its SDP is then offered to the agent), the
// agent's SDP the answer; rtpengine rewrites each for the other side. A browser agent gets WebRTC (ICE with
// rtpengine as the only candidate, DTLS-SRTP, rtcp-mux, a=mid); the customer always gets plain RTP/AVP.
import type { NgParams } from './ng-message';

export type AgentKind = 'webrtc' | 'rtp';

/** rtpengine puts its own address in o= and c=, so each side sends to it and never to the other side. */
const REPLACE = ['origin', 'session-connection'];

/**
 * The `offer` that turns the customer's SDP into the agent's; `record` has rtpengine capture the call from its
 * first packet (both parties, `record call: yes`; it needs a `--recording-dir`).
 */
export function offerToAgent(callId: string, customerTag: string, customerSdp: string, agentKind: AgentKind, o: { record?: boolean } = {}): NgParams {
  const common = { 'call-id': callId, 'from-tag': customerTag, sdp: customerSdp, label: 'customer', replace: REPLACE, ...(o.record ? { 'record call': 'yes' } : {}) };
  if (agentKind === 'webrtc') {
    return {
      ...common,
      'transport-protocol': 'UDP/TLS/RTP/SAVPF',
      ICE: 'force',
      // Browsers require RTCP multiplexed on the RTP port (RFC 5761); the customer keeps its own RTCP port.
      'rtcp-mux': ['offer', 'require'],
      // DTLS-SRTP only (SDES keys in SDP are refused by browsers), a=mid for BUNDLE.
      flags: ['SDES-off', 'generate-mid'],
    };
  }
  return { ...common, 'transport-protocol': 'RTP/AVP', ICE: 'remove', DTLS: 'off', 'rtcp-mux': ['demux'], flags: ['SDES-off'] };
}

/** The `answer` that turns the agent's SDP into the customer's: plain RTP/AVP whatever the agent speaks. */
export function answerFromAgent(callId: string, customerTag: string, agentTag: string, agentSdp: string): NgParams {
  return {
    'call-id': callId,
    'from-tag': customerTag,
    'to-tag': agentTag,
    sdp: agentSdp,
    label: 'agent',
    replace: REPLACE,
    'transport-protocol': 'RTP/AVP',
    ICE: 'remove',
    flags: ['SDES-off'],
  };
}

/** The payload types of an SDP's audio stream, in its order. */
export function audioPayloads(sdp: string): number[] {
  const m = /^m=audio \d+ \S+ ([\d ]+)$/m.exec(sdp);
  return m ? m[1]!.trim().split(/\s+/).map(Number) : [];
}

/** The tag rtpengine knows the abandoned-call announcement by: the participant facing the customer is rtpengine itself. */
export const ANNOUNCER_TAG = 'relais-announcer';

/**
 * The `answer` of the abandoned-call message: no agent answers the customer's offer, so the dialer answers it on
 * behalf of an announcer that only sends (`a=sendonly`, discard port 9: rtpengine forwards nothing of the
 * customer's to it) in the customer's first codec. rtpengine's SDP out of it, re-INVITEd to the customer, puts
 * rtpengine in the customer's media path, and `play media` then sends the message there.
 */
export function announcerAnswer(callId: string, customerTag: string, customerSdp: string): NgParams {
  const payload = audioPayloads(customerSdp)[0] ?? 0;
  const rtpmap = new RegExp(`^a=rtpmap:${payload} (\\S+)`, 'm').exec(customerSdp)?.[1] ?? (payload === 8 ? 'PCMA/8000' : 'PCMU/8000');
  const sdp = [
    'v=0', 'o=relais-announcer 1 1 IN IP4 127.0.0.1', 's=relais announcement', 'c=IN IP4 127.0.0.1', 't=0 0',
    `m=audio 9 RTP/AVP ${payload}`, `a=rtpmap:${payload} ${rtpmap}`, 'a=sendonly', '',
  ].join('\r\n');
  return answerFromAgent(callId, customerTag, ANNOUNCER_TAG, sdp);
}
