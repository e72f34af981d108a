import { describe, expect, it } from 'vitest';
import { ANNOUNCER_TAG, announcerAnswer, answerFromAgent, audioPayloads, offerToAgent } from './flags';

const customerSdp = 'v=0\r\no=customer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 6000 RTP/AVP 8 0\r\n';

describe('rtpengine flags for a bridged call', () => {
  it('offers a browser agent WebRTC: DTLS-SRTP over ICE, rtcp-mux, a=mid, no SDES', () => {
    expect(offerToAgent('c1', 'cust', customerSdp, 'webrtc')).toEqual({
      'call-id': 'c1', 'from-tag': 'cust', sdp: customerSdp, label: 'customer', replace: ['origin', 'session-connection'],
      'transport-protocol': 'UDP/TLS/RTP/SAVPF', ICE: 'force', 'rtcp-mux': ['offer', 'require'], flags: ['SDES-off', 'generate-mid'],
    });
  });

  it('asks rtpengine to record the call from the offer when told to, and only then', () => {
    expect(offerToAgent('c1', 'cust', customerSdp, 'webrtc', { record: true })).toMatchObject({ 'record call': 'yes' });
    expect(offerToAgent('c1', 'cust', customerSdp, 'rtp', { record: true })).toMatchObject({ 'record call': 'yes' });
    expect(offerToAgent('c1', 'cust', customerSdp, 'rtp')).not.toHaveProperty('record call');
  });

  it('offers an RTP agent plain RTP/AVP without ICE or DTLS', () => {
    expect(offerToAgent('c1', 'cust', customerSdp, 'rtp')).toMatchObject({ 'transport-protocol': 'RTP/AVP', ICE: 'remove', DTLS: 'off', 'rtcp-mux': ['demux'] });
  });

  it('answers the customer in plain RTP/AVP whatever the agent speaks', () => {
    expect(answerFromAgent('c1', 'cust', 'agent', 'v=0')).toEqual({
      'call-id': 'c1', 'from-tag': 'cust', 'to-tag': 'agent', sdp: 'v=0', label: 'agent', replace: ['origin', 'session-connection'],
      'transport-protocol': 'RTP/AVP', ICE: 'remove', flags: ['SDES-off'],
    });
  });

  it('reads the audio payload types of an SDP', () => {
    expect(audioPayloads(customerSdp)).toEqual([8, 0]);
    expect(audioPayloads('v=0\r\n')).toEqual([]);
  });

  it('answers a customer nobody takes for a send-only announcer, in the customer\'s first codec, to the discard port', () => {
    const p = announcerAnswer('c1', 'cust', customerSdp);
    expect(p).toMatchObject({ 'call-id': 'c1', 'from-tag': 'cust', 'to-tag': ANNOUNCER_TAG, 'transport-protocol': 'RTP/AVP', ICE: 'remove' });
    expect(p.sdp).toMatch(/^m=audio 9 RTP\/AVP 8\r$/m);
    expect(p.sdp).toMatch(/^a=rtpmap:8 PCMA\/8000\r$/m);
    expect(p.sdp).toMatch(/^a=sendonly\r$/m);
    expect(announcerAnswer('c1', 'cust', customerSdp.replace('RTP/AVP 8 0', 'RTP/AVP 0')).sdp).toMatch(/^a=rtpmap:0 PCMU\/8000\r$/m);
  });
});
