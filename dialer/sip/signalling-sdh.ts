// A SessionDescriptionHandler that only carries SDP text: the dialer signals calls but never touches
// media, which flows between the agent's browser and the customer (third-party call control).
import type { BodyAndContentType, SessionDescriptionHandler } from 'sip.js';

export class SignallingSdh implements SessionDescriptionHandler {
  remoteSdp: string | undefined;
  /** What the next offer or answer carries: the 3PCC bridge swaps in the other leg's SDP before a re-INVITE. */
  constructor(public localSdp: string) {}
  close(): void {}
  async getDescription(): Promise<BodyAndContentType> {
    return { body: this.localSdp, contentType: 'application/sdp' };
  }
  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }
  async setDescription(sdp: string): Promise<void> {
    this.remoteSdp = sdp;
  }
  sendDtmf(): boolean {
    return false;
  }
}

/** A placeholder offer (inactive, no address) until an agent's SDP replaces it by re-INVITE. */
export function holdSdp(sessionId = Date.now()): string {
  return ['v=0', `o=relais ${sessionId} 1 IN IP4 127.0.0.1`, 's=relais', 'c=IN IP4 0.0.0.0', 't=0 0', 'm=audio 9 RTP/AVP 0', 'a=rtpmap:0 PCMU/8000', 'a=inactive', ''].join('\r\n');
}
