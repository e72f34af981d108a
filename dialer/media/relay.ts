// The media of a bridged call through rtpengine, driven over ng by the dialer, which places both legs
// (third-party call control) and so sees both SDPs and knows which one is a browser. Media goes customer ↔
// rtpengine ↔ agent; Node only carries SDP.
import { announcerAnswer, answerFromAgent, offerToAgent, type AgentKind } from './flags';
import type { NgClient, NgReply } from './ng-client';

/** What the 3PCC bridge needs of a relay (dialer/runner/bridge.ts). */
export interface Relay {
  toAgent(callId: string, customerTag: string, customerSdp: string, agentKind: AgentKind): Promise<string>;
  toCustomer(callId: string, customerTag: string, agentTag: string, agentSdp: string): Promise<string>;
  end(callId: string): Promise<void>;
}

const sdpOf = (command: string, reply: NgReply): string => {
  if (typeof reply.sdp !== 'string') throw new Error(`rtpengine's reply to '${command}' has no SDP`);
  return reply.sdp;
};

export class MediaRelay implements Relay {
  /** The customer's tag of each call this relay set up: `delete` and `query` name a participant. */
  private readonly customers = new Map<string, string>();

  constructor(readonly ng: NgClient) {}

  /** The SDP to offer the agent, from the customer's: WebRTC for a browser, plain RTP for a desk phone or robot. */
  async toAgent(callId: string, customerTag: string, customerSdp: string, agentKind: AgentKind): Promise<string> {
    const reply = await this.ng.offer(offerToAgent(callId, customerTag, customerSdp, agentKind));
    this.customers.set(callId, customerTag);
    return sdpOf('offer', reply);
  }

  /** The SDP to re-INVITE the customer with, from the agent's answer: RTP/AVP, the G.711 codec the agent chose. */
  async toCustomer(callId: string, customerTag: string, agentTag: string, agentSdp: string): Promise<string> {
    return sdpOf('answer', await this.ng.answer(answerFromAgent(callId, customerTag, agentTag, agentSdp)));
  }

  /**
   * The SDP to re-INVITE a customer nobody answers with, so that rtpengine is in its media path and `play` can send
   * it the abandoned-call message: the customer's SDP offered as to an RTP agent, answered by an announcer that only
   * sends (flags.ts `announcerAnswer`). `end` frees it like a bridged call.
   */
  async toAnnouncement(callId: string, customerTag: string, customerSdp: string): Promise<string> {
    await this.toAgent(callId, customerTag, customerSdp, 'rtp');
    return sdpOf('answer', await this.ng.answer(announcerAnswer(callId, customerTag, customerSdp)));
  }

  /** Plays a media file (any format ffmpeg reads; rtpengine transcodes it) to the participant `tag`; its duration in ms when known. */
  async play(callId: string, tag: string, file: string, repeatTimes?: number): Promise<number | undefined> {
    const reply = await this.ng.playMedia({ 'call-id': callId, 'from-tag': tag, file, 'repeat-times': repeatTimes });
    return typeof reply.duration === 'number' ? reply.duration : undefined;
  }

  async stopPlaying(callId: string, tag: string): Promise<void> {
    await this.ng.stopMedia({ 'call-id': callId, 'from-tag': tag });
  }

  /** rtpengine's account of the call: its tags, their streams and packet counts. */
  query(callId: string): Promise<NgReply> {
    return this.ng.query({ 'call-id': callId, 'from-tag': this.customers.get(callId) });
  }

  /** Frees the call's ports at once (no `delete delay`); a call rtpengine no longer knows is not an error. */
  async end(callId: string): Promise<void> {
    const customerTag = this.customers.get(callId);
    this.customers.delete(callId);
    await this.ng.delete({ 'call-id': callId, 'from-tag': customerTag, 'delete delay': 0 });
  }
}

export type { AgentKind };
