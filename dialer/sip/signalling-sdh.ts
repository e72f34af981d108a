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

/**
 * A placeholder offer (inactive, no address) until an agent's SDP replaces it by re-INVITE. It offers RFC 4733
 * telephone-event so that the customer may answer with it: rtpengine passes the customer's codecs on to the agent,
 * whose browser sends DTMF only when telephone-event was negotiated.
 */
export function holdSdp(sessionId = Date.now()): string {
  return ['v=0', `o=relais ${sessionId} 1 IN IP4 127.0.0.1`, 's=relais', 'c=IN IP4 0.0.0.0', 't=0 0', 'm=audio 9 RTP/AVP 0 101', 'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:101 telephone-event/8000', 'a=fmtp:101 0-16', 'a=inactive', ''].join('\r\n');
}
