// Test support for calls with audio through rtpengine, as bench:media makes them (scripts/bench-media.ts, whose
// helper this is): SIPp customers streaming speech (scenario media-customer.xml, SIPp's rtp_stream of
// `speech.alaw` in its working directory).
import { readFileSync, writeFileSync } from 'node:fs';

/** G.711 A-law at 8 kHz in 20 ms packets. */
export const FRAME_BYTES = 160;
export const FRAME_MS = 20;

/**
 * `seconds` of raw G.711 A-law (what SIPp's rtp_stream sends, 160 bytes a 20 ms packet): the speech of sip-tester's
 * g711a.pcap (7 s) looped. Returns the number of packets it makes.
 */
export function writeSpeech(file: string, seconds: number): number {
  const source = readFileSync('/usr/share/sip-tester/g711a.pcap');
  const speech: Buffer[] = [];
  for (let o = 24; o + 16 <= source.length;) {
    const incl = source.readUInt32LE(o + 8);
    speech.push(source.subarray(o + 16 + 14 + 20 + 8 + 12, o + 16 + incl)); // past Ethernet, IPv4, UDP, RTP headers
    o += 16 + incl;
  }
  const audio = Buffer.concat(speech);
  const frames = Math.round((seconds * 1000) / FRAME_MS);
  const out = Buffer.alloc(frames * FRAME_BYTES);
  for (let i = 0; i < out.length; i += audio.length) audio.copy(out, i, 0, Math.min(audio.length, out.length - i));
  writeFileSync(file, out);
  return frames;
}
