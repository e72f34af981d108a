// A call's recording, from rtpengine's raw capture to the file a browser plays (pure). rtpengine records in
// userspace with `--recording-method=pcap`: one pcap a call holding every RTP packet it received from either
// party, already decrypted (SRTP from a browser included), with the time it arrived. Here that capture is
// turned into ONE mono WAV (PCM 16-bit, 8 kHz) mixing both parties: each party's G.711 payload decoded and laid
// on a common time line (the packet's RTP timestamp, anchored at its arrival), then summed.
import path from 'node:path';
import { RECORDING_PATH_PATTERN } from '@/clickhouse/vocabulary';

export const SAMPLE_RATE = 8000;

/** One RTP packet of the capture: who sent it, when it arrived, and its header fields. */
export interface CapturedRtp {
  /** Arrival, µs since the epoch (the pcap record's time stamp). */
  atUs: number;
  /** The sender's `ip:port`: one party's stream. */
  source: string;
  ssrc: number;
  seq: number;
  timestamp: number;
  payloadType: number;
  payload: Uint8Array;
}

// ---- G.711 (ITU-T G.711, the reference expansion: A-law and µ-law bytes to 16-bit linear) ----

function alawSample(byte: number): number {
  const a = byte ^ 0x55;
  const exponent = (a & 0x70) >> 4;
  let magnitude = ((a & 0x0f) << 4) + 8;
  if (exponent !== 0) magnitude = (magnitude + 0x100) << (exponent - 1);
  return a & 0x80 ? magnitude : -magnitude;
}

function ulawSample(byte: number): number {
  const u = ~byte & 0xff;
  const exponent = (u & 0x70) >> 4;
  const magnitude = ((((u & 0x0f) << 3) + 0x84) << exponent) - 0x84;
  return u & 0x80 ? -magnitude : magnitude;
}

export const ALAW = Int16Array.from({ length: 256 }, (_, b) => alawSample(b));
export const ULAW = Int16Array.from({ length: 256 }, (_, b) => ulawSample(b));

/** The decoding table of a static G.711 payload type (0 PCMU, 8 PCMA); other types are not decoded. */
export function g711Table(payloadType: number): Int16Array | undefined {
  return payloadType === 0 ? ULAW : payloadType === 8 ? ALAW : undefined;
}

// ---- pcap ----

/** The RTP packets of a pcap (classic format, either byte order, µs or ns), over raw IP, Ethernet or Linux cooked frames, IPv4 or IPv6. */
export function rtpOfPcap(file: Uint8Array): CapturedRtp[] {
  if (file.length < 24) throw new Error('not a pcap file: shorter than its header');
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const magic = view.getUint32(0, true);
  const little = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  if (!little && view.getUint32(0, false) !== 0xa1b2c3d4 && view.getUint32(0, false) !== 0xa1b23c4d) throw new Error('not a pcap file: bad magic number');
  const nanos = (little ? magic : view.getUint32(0, false)) === 0xa1b23c4d;
  const linkType = view.getUint32(20, little);
  const linkHeader = linkType === 1 ? 14 : linkType === 113 ? 16 : linkType === 101 || linkType === 12 || linkType === 14 ? 0 : -1;
  if (linkHeader < 0) throw new Error(`pcap link type ${linkType} is not read here (raw IP, Ethernet, Linux cooked)`);
  const out: CapturedRtp[] = [];
  let at = 24;
  while (at + 16 <= file.length) {
    const seconds = view.getUint32(at, little);
    const fraction = view.getUint32(at + 4, little);
    const captured = view.getUint32(at + 8, little);
    const start = at + 16;
    at = start + captured;
    if (at > file.length) break; // a record cut short (the file was still being written)
    const packet = udpOf(file.subarray(start + linkHeader, start + captured));
    if (!packet) continue;
    const rtp = rtpOf(packet.payload);
    if (!rtp) continue;
    out.push({ atUs: seconds * 1e6 + (nanos ? Math.floor(fraction / 1000) : fraction), source: packet.source, ...rtp });
  }
  return out;
}

function udpOf(ip: Uint8Array): { source: string; payload: Uint8Array } | undefined {
  if (ip.length < 1) return undefined;
  const version = ip[0]! >> 4;
  let udp: Uint8Array;
  let address: string;
  if (version === 4) {
    const headerLength = (ip[0]! & 0x0f) * 4;
    if (ip.length < headerLength + 8 || ip[9] !== 17) return undefined;
    address = `${ip[12]}.${ip[13]}.${ip[14]}.${ip[15]}`;
    udp = ip.subarray(headerLength);
  } else if (version === 6) {
    if (ip.length < 48 || ip[6] !== 17) return undefined; // no extension headers in rtpengine's packets
    const words: string[] = [];
    for (let i = 8; i < 24; i += 2) words.push(((ip[i]! << 8) | ip[i + 1]!).toString(16));
    address = `[${words.join(':')}]`;
    udp = ip.subarray(40);
  } else {
    return undefined;
  }
  const port = (udp[0]! << 8) | udp[1]!;
  const length = (udp[4]! << 8) | udp[5]!;
  return { source: `${address}:${port}`, payload: udp.subarray(8, Math.min(udp.length, Math.max(8, length))) };
}

/** An RTP packet's header and payload; undefined for anything else (RTCP, STUN, DTLS). */
export function rtpOf(b: Uint8Array): Omit<CapturedRtp, 'atUs' | 'source'> | undefined {
  if (b.length < 12 || b[0]! >> 6 !== 2) return undefined;
  const payloadType = b[1]! & 0x7f;
  // RTCP multiplexed on the RTP port: packet types 192-223 read as payload types 64-95 (RFC 5761 §4).
  if (payloadType >= 64 && payloadType <= 95) return undefined;
  const csrc = b[0]! & 0x0f;
  let start = 12 + 4 * csrc;
  if (b[0]! & 0x10) {
    if (b.length < start + 4) return undefined;
    start += 4 + 4 * ((b[start + 2]! << 8) | b[start + 3]!);
  }
  let end = b.length;
  if (b[0]! & 0x20 && end > start) end -= b[end - 1]!;
  if (end < start) return undefined;
  const u32 = (i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
  return { ssrc: u32(8), seq: (b[2]! << 8) | b[3]!, timestamp: u32(4), payloadType, payload: b.subarray(start, end) };
}

// ---- mixing ----

export interface Mixed {
  /** The mix, 16-bit at 8 kHz, from the first packet of either party. */
  samples: Int16Array;
  /** When the first packet arrived, µs since the epoch; undefined when there was no audio. */
  startUs?: number;
  /** Streams (a sender and its SSRC) that were decoded. */
  streams: number;
  /** Packets of a payload type not decoded here (not G.711: comfort noise, telephone events, a dynamic type). */
  skipped: number;
}

/** A party's packets more than this far from where their RTP timestamp puts them are placed anew (a jump in the timestamps). */
const REANCHOR_SAMPLES = SAMPLE_RATE / 2;

/**
 * Both parties' G.711 audio on one time line, summed (saturating). Within a stream a packet goes where its RTP
 * timestamp puts it relative to the stream's anchor (its first packet, placed at its arrival): network jitter
 * does not move it, a repeated packet is written once, a gap stays silent.
 */
export function mixG711(packets: readonly CapturedRtp[]): Mixed {
  const audio = packets.filter((p) => g711Table(p.payloadType));
  const skipped = packets.length - audio.length;
  if (audio.length === 0) return { samples: new Int16Array(0), streams: 0, skipped };
  const startUs = audio.reduce((m, p) => Math.min(m, p.atUs), Infinity);
  const arrival = (p: CapturedRtp) => Math.round(((p.atUs - startUs) * SAMPLE_RATE) / 1e6);

  interface Stream { anchorPosition: number; anchorTimestamp: number; written: Set<number> }
  const streams = new Map<string, Stream>();
  const placed: { position: number; packet: CapturedRtp }[] = [];
  let length = 0;
  for (const p of [...audio].sort((a, b) => a.atUs - b.atUs)) {
    const key = `${p.source}/${p.ssrc}`;
    let s = streams.get(key);
    if (!s) streams.set(key, (s = { anchorPosition: arrival(p), anchorTimestamp: p.timestamp, written: new Set() }));
    let position = s.anchorPosition + ((p.timestamp - s.anchorTimestamp) | 0);
    if (Math.abs(position - arrival(p)) > REANCHOR_SAMPLES || position < 0) {
      s.anchorPosition = position = arrival(p);
      s.anchorTimestamp = p.timestamp;
    }
    if (s.written.has(position)) continue;
    s.written.add(position);
    placed.push({ position, packet: p });
    length = Math.max(length, position + p.payload.length);
  }
  const samples = new Int16Array(length);
  for (const { position, packet } of placed) {
    const table = g711Table(packet.payloadType)!;
    const { payload } = packet;
    for (let i = 0; i < payload.length; i++) {
      const v = samples[position + i]! + table[payload[i]!]!;
      samples[position + i] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
    }
  }
  return { samples, startUs, streams: streams.size, skipped };
}

// ---- WAV ----

/** A mono 16-bit PCM WAV (RIFF) file of the samples: every browser plays it in an <audio> element. */
export function wavOf(samples: Int16Array, rate = SAMPLE_RATE): Buffer {
  const data = samples.length * 2;
  const file = Buffer.alloc(44 + data);
  file.write('RIFF', 0, 'ascii');
  file.writeUInt32LE(36 + data, 4);
  file.write('WAVE', 8, 'ascii');
  file.write('fmt ', 12, 'ascii');
  file.writeUInt32LE(16, 16);
  file.writeUInt16LE(1, 20); // PCM
  file.writeUInt16LE(1, 22); // mono
  file.writeUInt32LE(rate, 24);
  file.writeUInt32LE(rate * 2, 28);
  file.writeUInt16LE(2, 32);
  file.writeUInt16LE(16, 34);
  file.write('data', 36, 'ascii');
  file.writeUInt32LE(data, 40);
  for (let i = 0; i < samples.length; i++) file.writeInt16LE(samples[i]!, 44 + i * 2);
  return file;
}

/** The samples of a mono 16-bit PCM WAV written by `wavOf` (or any with a plain `fmt ` then `data` chunk). */
export function samplesOfWav(file: Uint8Array): { rate: number; samples: Int16Array } {
  const b = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (b.toString('ascii', 0, 4) !== 'RIFF' || b.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV file');
  let at = 12;
  let rate = 0;
  while (at + 8 <= b.length) {
    const id = b.toString('ascii', at, at + 4);
    const size = b.readUInt32LE(at + 4);
    if (id === 'fmt ') {
      if (b.readUInt16LE(at + 8) !== 1 || b.readUInt16LE(at + 10) !== 1 || b.readUInt16LE(at + 22) !== 16) throw new Error('not mono 16-bit PCM');
      rate = b.readUInt32LE(at + 12);
    }
    if (id === 'data') {
      const count = Math.floor(Math.min(size, b.length - at - 8) / 2);
      const samples = new Int16Array(count);
      for (let i = 0; i < count; i++) samples[i] = b.readInt16LE(at + 8 + i * 2);
      return { rate, samples };
    }
    at += 8 + size + (size & 1);
  }
  throw new Error('WAV file without data');
}

/** Root mean square of the samples, in dBFS (full scale 32768); -Infinity for silence. */
export function rmsDbfs(samples: Int16Array, from = 0, to = samples.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += samples[i]! * samples[i]!;
  const n = Math.max(0, to - from);
  return n === 0 || sum === 0 ? -Infinity : 20 * Math.log10(Math.sqrt(sum / n) / 32768);
}

// ---- where a recording lives ----

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const RELATIVE = RECORDING_PATH_PATTERN;

/** A file name from a call's id (a SIP Call-ID may hold `@`, `/` and more): safe characters kept, the rest `_`. */
export function recordingName(callId: string): string {
  const name = callId.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[._-]+/, '').slice(0, 120);
  return SAFE_NAME.test(name) ? name : 'call';
}

/** `<yyyy-mm-dd>/<name>.wav`, the UTC day the call's audio started: the path the call record keeps, relative to the recordings dir. */
export function recordingRelativePath(callId: string, startedAt: Date, suffix = ''): string {
  return `${startedAt.toISOString().slice(0, 10)}/${recordingName(callId)}${suffix}.wav`;
}

/**
 * The absolute file of a call record's recording path, or undefined when the path is not one this module
 * writes (a traversal, an absolute path, another extension): whoever serves recordings resolves through here.
 */
export function resolveRecording(recordingsDir: string, relativePath: string): string | undefined {
  if (!RELATIVE.test(relativePath)) return undefined;
  const root = path.resolve(recordingsDir);
  const file = path.resolve(root, relativePath);
  return file.startsWith(root + path.sep) ? file : undefined;
}
