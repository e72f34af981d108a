// Test helpers: G.711 encoding (the nearest code of recording.ts's decoding tables), tones, RTP packets, and the
// pcap rtpengine writes (raw IPv4 + UDP, µs time stamps), to build captures and calls with known audio.
import { ALAW, SAMPLE_RATE, ULAW } from '../recording';

function encoder(table: Int16Array): (sample: number) => number {
  const sorted = Array.from(table, (value, code) => ({ value, code })).sort((a, b) => a.value - b.value);
  return (sample) => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.value <= sample) lo = mid;
      else hi = mid;
    }
    return Math.abs(sorted[lo]!.value - sample) <= Math.abs(sorted[hi]!.value - sample) ? sorted[lo]!.code : sorted[hi]!.code;
  };
}

export const encodeAlaw = encoder(ALAW);
export const encodeUlaw = encoder(ULAW);

/** `count` samples of a sine at `hz`, amplitude `amplitude` (of 32767), starting at sample `from` (phase continuous). */
export function tone(hz: number, amplitude: number, count: number, from = 0): number[] {
  return Array.from({ length: count }, (_, i) => Math.round(amplitude * Math.sin((2 * Math.PI * hz * (from + i)) / SAMPLE_RATE)));
}

/** An RTP packet (no CSRC, no extension) carrying `payload`. */
export function rtpPacket(o: { payloadType: number; seq: number; timestamp: number; ssrc: number; payload: Uint8Array; marker?: boolean }): Buffer {
  const h = Buffer.alloc(12);
  h[0] = 0x80;
  h[1] = (o.marker ? 0x80 : 0) | o.payloadType;
  h.writeUInt16BE(o.seq & 0xffff, 2);
  h.writeUInt32BE(o.timestamp >>> 0, 4);
  h.writeUInt32BE(o.ssrc >>> 0, 8);
  return Buffer.concat([h, Buffer.from(o.payload)]);
}

/** 20-ms G.711 frames of a tone, as RTP packets with their sample offsets. */
export function toneFrames(o: { hz: number; amplitude: number; ms: number; payloadType: 0 | 8; ssrc: number; firstSeq?: number; firstTimestamp?: number }): Buffer[] {
  const encode = o.payloadType === 8 ? encodeAlaw : encodeUlaw;
  const frames: Buffer[] = [];
  for (let f = 0; f < o.ms / 20; f++) {
    const payload = Uint8Array.from(tone(o.hz, o.amplitude, 160, f * 160), encode);
    frames.push(rtpPacket({ payloadType: o.payloadType, seq: (o.firstSeq ?? 1) + f, timestamp: (o.firstTimestamp ?? 0) + f * 160, ssrc: o.ssrc, payload }));
  }
  return frames;
}

/** A pcap (little-endian, µs, raw IP) of UDP datagrams between IPv4 endpoints, as rtpengine writes it. */
export function pcapOf(records: { atUs: number; from: [string, number]; to: [string, number]; data: Uint8Array }[], linkType = 101): Buffer {
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0);
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeUInt32LE(65535, 16);
  header.writeUInt32LE(linkType, 20);
  const parts: Buffer[] = [header];
  const ip4 = (a: string) => Buffer.from(a.split('.').map(Number));
  for (const r of records) {
    const udp = Buffer.alloc(8);
    udp.writeUInt16BE(r.from[1], 0);
    udp.writeUInt16BE(r.to[1], 2);
    udp.writeUInt16BE(8 + r.data.length, 4);
    const ip = Buffer.alloc(20);
    ip[0] = 0x45;
    ip.writeUInt16BE(20 + 8 + r.data.length, 2);
    ip[8] = 64;
    ip[9] = 17;
    ip4(r.from[0]).copy(ip, 12);
    ip4(r.to[0]).copy(ip, 16);
    const link = linkType === 1 ? Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x08, 0x00]) : Buffer.alloc(0);
    const packet = Buffer.concat([link, ip, udp, Buffer.from(r.data)]);
    const rec = Buffer.alloc(16);
    rec.writeUInt32LE(Math.floor(r.atUs / 1e6), 0);
    rec.writeUInt32LE(r.atUs % 1e6, 4);
    rec.writeUInt32LE(packet.length, 8);
    rec.writeUInt32LE(packet.length, 12);
    parts.push(rec, packet);
  }
  return Buffer.concat(parts);
}

/** The power of `hz` in the samples (Goertzel), normalised: about (amplitude/2)² for a pure tone of that frequency. */
export function powerAt(samples: Int16Array, hz: number, from = 0, to = samples.length): number {
  const k = 2 * Math.cos((2 * Math.PI * hz) / SAMPLE_RATE);
  let s1 = 0;
  let s2 = 0;
  for (let i = from; i < to; i++) {
    const s0 = samples[i]! + k * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const n = Math.max(1, to - from);
  return (s1 * s1 + s2 * s2 - k * s1 * s2) / (n * n);
}
