import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALAW, ULAW, g711Table, mixG711, recordingName, recordingRelativePath, resolveRecording, rmsDbfs, rtpOf, rtpOfPcap, samplesOfWav,
  wavOf, type CapturedRtp,
} from './recording';
import { metadataOf, saveRecording } from './recording-store';
import { encodeAlaw, pcapOf, powerAt, rtpPacket, tone, toneFrames } from './testing/g711';

describe('G.711 decoding', () => {
  it('expands A-law and µ-law codes as the reference does', () => {
    expect(ALAW[0xd5]).toBe(8);
    expect(ALAW[0x55]).toBe(-8);
    expect(ALAW[0xaa]).toBe(32256);
    expect(ALAW[0x2a]).toBe(-32256);
    expect(ULAW[0xff]).toBe(0);
    expect(ULAW[0x7f]).toBe(0);
    expect(ULAW[0x80]).toBe(32124);
    expect(ULAW[0x00]).toBe(-32124);
    expect(g711Table(0)).toBe(ULAW);
    expect(g711Table(8)).toBe(ALAW);
    expect(g711Table(101)).toBeUndefined();
  });

  it('a tone survives A-law within its quantisation', () => {
    const samples = tone(440, 12000, 800);
    const decoded = samples.map((s) => ALAW[encodeAlaw(s)]!);
    samples.forEach((s, i) => expect(Math.abs(decoded[i]! - s)).toBeLessThanOrEqual(Math.max(8, Math.abs(s) / 16)));
  });
});

describe('RTP in a capture', () => {
  it('reads the header and payload, past CSRCs, an extension and padding', () => {
    const payload = Uint8Array.from([1, 2, 3, 4]);
    const plain = rtpOf(rtpPacket({ payloadType: 8, seq: 7, timestamp: 0xfffffff0, ssrc: 0xdeadbeef, payload }))!;
    expect(plain).toMatchObject({ payloadType: 8, seq: 7, timestamp: 0xfffffff0, ssrc: 0xdeadbeef });
    expect([...plain.payload]).toEqual([1, 2, 3, 4]);
    // V=2, P=1, X=1, CC=1; one CSRC, a one-word extension, two bytes of padding.
    const fancy = Buffer.from([0xb1, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 9, 1, 1, 1, 1, 0xbe, 0xde, 0, 1, 5, 5, 5, 5, 9, 8, 0, 2]);
    expect([...rtpOf(fancy)!.payload]).toEqual([9, 8]);
  });

  it('skips RTCP (multiplexed or not), STUN and DTLS', () => {
    expect(rtpOf(Buffer.from([0x80, 200, 0, 6, ...new Array(24).fill(0)]))).toBeUndefined(); // sender report
    expect(rtpOf(Buffer.from([0x81, 201, 0, 7, ...new Array(28).fill(0)]))).toBeUndefined(); // receiver report
    expect(rtpOf(Buffer.from([0x00, 0x01, 0, 0, 0x21, 0x12, 0xa4, 0x42, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toBeUndefined(); // STUN
    expect(rtpOf(Buffer.from([22, 0xfe, 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toBeUndefined(); // DTLS
  });

  it('reads a raw-IP pcap and an Ethernet one, with each packet its arrival and sender', () => {
    const data = rtpPacket({ payloadType: 0, seq: 1, timestamp: 160, ssrc: 5, payload: new Uint8Array(160).fill(0xff) });
    const records = [
      { atUs: 1_700_000_000_123_456, from: ['127.0.0.1', 4000] as [string, number], to: ['127.0.0.1', 30000] as [string, number], data },
      { atUs: 1_700_000_000_143_456, from: ['127.0.0.1', 4002] as [string, number], to: ['127.0.0.1', 30002] as [string, number], data: Buffer.from([0x80, 200, 0, 0]) },
    ];
    for (const linkType of [101, 1]) {
      const rtp = rtpOfPcap(pcapOf(records, linkType));
      expect(rtp).toHaveLength(1);
      expect(rtp[0]).toMatchObject({ atUs: 1_700_000_000_123_456, source: '127.0.0.1:4000', ssrc: 5, seq: 1, timestamp: 160, payloadType: 0 });
      expect(rtp[0]!.payload).toHaveLength(160);
    }
    expect(() => rtpOfPcap(Buffer.from('not a pcap at all, clearly'))).toThrow(/magic/);
  });

  it('keeps the complete records of a capture cut short', () => {
    const data = rtpPacket({ payloadType: 8, seq: 1, timestamp: 0, ssrc: 1, payload: new Uint8Array(160) });
    const file = pcapOf([0, 1].map((i) => ({ atUs: 1e15 + i * 20_000, from: ['10.0.0.1', 1000] as [string, number], to: ['10.0.0.2', 2000] as [string, number], data })));
    expect(rtpOfPcap(file.subarray(0, file.length - 10))).toHaveLength(1);
  });
});

const T0 = 1_800_000_000_000_000;
function packets(o: { source: string; ssrc: number; hz: number; amplitude: number; ms: number; startMs: number; payloadType?: 0 | 8; jitterMs?: (i: number) => number }): CapturedRtp[] {
  return toneFrames({ hz: o.hz, amplitude: o.amplitude, ms: o.ms, payloadType: o.payloadType ?? 8, ssrc: o.ssrc, firstTimestamp: 1234 }).map((b, i) => ({
    atUs: T0 + (o.startMs + i * 20 + (o.jitterMs?.(i) ?? 0)) * 1000, source: o.source, ...rtpOf(b)!,
  }));
}

describe('mixing both parties', () => {
  it('lays each party on the common time line and sums them', () => {
    const customer = packets({ source: 'c:1', ssrc: 1, hz: 440, amplitude: 8000, ms: 1000, startMs: 0 });
    const agent = packets({ source: 'a:2', ssrc: 2, hz: 1000, amplitude: 8000, ms: 1000, startMs: 500, payloadType: 0 });
    const mixed = mixG711([...agent, ...customer]);
    expect(mixed.startUs).toBe(T0);
    expect(mixed.streams).toBe(2);
    expect(mixed.samples.length).toBe(8000 * 1.5);
    const s = mixed.samples;
    // First half second: the customer alone; then both; the last half second: the agent alone.
    expect(powerAt(s, 440, 0, 4000)).toBeGreaterThan(1e7);
    expect(powerAt(s, 1000, 0, 4000)).toBeLessThan(1e5);
    expect(powerAt(s, 440, 4000, 8000)).toBeGreaterThan(1e7);
    expect(powerAt(s, 1000, 4000, 8000)).toBeGreaterThan(1e7);
    expect(powerAt(s, 440, 8000, 12000)).toBeLessThan(1e5);
    expect(powerAt(s, 1000, 8000, 12000)).toBeGreaterThan(1e7);
    expect(rmsDbfs(s)).toBeGreaterThan(-20);
  });

  it('places packets by their RTP timestamp: jitter does not move them, a repeat is written once, a loss stays silent', () => {
    const steady = packets({ source: 'c:1', ssrc: 1, hz: 440, amplitude: 8000, ms: 400, startMs: 0 });
    const jittery = packets({ source: 'c:1', ssrc: 1, hz: 440, amplitude: 8000, ms: 400, startMs: 0, jitterMs: (i) => (i === 0 ? 0 : (i * 7) % 30) });
    const repeated = [...jittery, jittery[3]!, jittery[4]!];
    expect([...mixG711(repeated).samples]).toEqual([...mixG711(steady).samples]);
    const lost = mixG711(steady.filter((_, i) => i !== 5));
    expect(rmsDbfs(lost.samples, 800, 960)).toBe(-Infinity);
    expect(rmsDbfs(lost.samples, 960, 1120)).toBeGreaterThan(-20);
  });

  it('places a stream anew after a jump in its timestamps', () => {
    const before = packets({ source: 'c:1', ssrc: 1, hz: 440, amplitude: 8000, ms: 200, startMs: 0 });
    const after = packets({ source: 'c:1', ssrc: 1, hz: 440, amplitude: 8000, ms: 200, startMs: 1000 }).map((p) => ({ ...p, timestamp: (p.timestamp + 3_000_000_000) >>> 0 }));
    const mixed = mixG711([...before, ...after]);
    expect(mixed.samples.length).toBe(8000 * 1.2);
    expect(rmsDbfs(mixed.samples, 8000, 9600)).toBeGreaterThan(-20);
  });

  it('decodes only G.711: other payload types are counted, no audio is no samples', () => {
    const dtmf = { ...packets({ source: 'c:1', ssrc: 1, hz: 440, amplitude: 8000, ms: 20, startMs: 0 })[0]!, payloadType: 101 };
    expect(mixG711([dtmf])).toEqual({ samples: new Int16Array(0), streams: 0, skipped: 1 });
  });

  it('saturates instead of wrapping', () => {
    const loud = (source: string, ssrc: number) => ({ atUs: T0, source, ssrc, seq: 1, timestamp: 0, payloadType: 8, payload: new Uint8Array(160).fill(0xaa) });
    expect(mixG711([loud('a', 1), loud('b', 2)]).samples[0]).toBe(32767);
  });
});

describe('the WAV file', () => {
  it('is mono 16-bit PCM at 8 kHz and reads back', () => {
    const samples = Int16Array.from(tone(440, 10000, 800));
    const file = wavOf(samples);
    expect(file.toString('ascii', 0, 4)).toBe('RIFF');
    expect(file.readUInt32LE(4)).toBe(file.length - 8);
    expect(file.readUInt16LE(20)).toBe(1);
    expect(file.readUInt16LE(22)).toBe(1);
    expect(file.readUInt32LE(24)).toBe(8000);
    const back = samplesOfWav(file);
    expect(back.rate).toBe(8000);
    expect([...back.samples]).toEqual([...samples]);
    expect(rmsDbfs(back.samples)).toBeCloseTo(20 * Math.log10(10000 / Math.SQRT2 / 32768), 1);
    expect(rmsDbfs(new Int16Array(100))).toBe(-Infinity);
  });
});

describe('where a recording lives', () => {
  it('names it after the call, by the UTC day its audio started', () => {
    expect(recordingRelativePath('a84b4c76e66710@pc33.example.com', new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-01/a84b4c76e66710_pc33.example.com.wav');
    expect(recordingRelativePath('x', new Date('2026-03-01T00:00:00Z'), '-2')).toBe('2026-03-01/x-2.wav');
    expect(recordingName('../../etc/passwd')).toBe('etc_passwd');
    expect(recordingName('////')).toBe('call');
    expect(recordingName('a'.repeat(300))).toHaveLength(120);
  });

  it('resolves only the paths it writes, inside the recordings dir', () => {
    expect(resolveRecording('/data/recordings', '2026-03-01/abc.wav')).toBe('/data/recordings/2026-03-01/abc.wav');
    for (const bad of ['../secret.wav', '2026-03-01/../../x.wav', '/etc/passwd', '2026-03-01/abc.pcap', '.spool/pcaps/x.wav', '2026-03-01/.hidden.wav', '2026-03-01/a/b.wav', '']) {
      expect(resolveRecording('/data/recordings', bad), bad).toBeUndefined();
    }
  });
});

describe('saveRecording', () => {
  const spoolWith = (pcapName: string, file: Buffer) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'relais-rec-unit-'));
    const spool = path.join(dir, '.spool');
    for (const d of ['pcaps', 'metadata', 'tmp']) mkdirSync(path.join(spool, d), { recursive: true });
    const pcap = path.join(spool, 'pcaps', `${pcapName}.pcap`);
    writeFileSync(pcap, file);
    writeFileSync(metadataOf(pcap), 'done\n');
    return { dir, pcap };
  };
  const call = (startMs: number) => pcapOf(toneFrames({ hz: 440, amplitude: 8000, ms: 600, payloadType: 8, ssrc: 9 }).map((data, i) => ({
    atUs: T0 + (startMs + i * 20) * 1000, from: ['127.0.0.1', 5000] as [string, number], to: ['127.0.0.1', 30000] as [string, number], data,
  })));

  it('writes the WAV under the day, removes the capture, never overwrites an earlier one', async () => {
    const { dir, pcap } = spoolWith('call-1-abcdef', call(0));
    const saved = await saveRecording({ pcap, recordingsDir: dir, callId: 'call-1' });
    const day = new Date(T0 / 1000).toISOString().slice(0, 10);
    expect(saved).toEqual({ path: `${day}/call-1.wav`, seconds: 0.6, streams: 1 });
    expect(rmsDbfs(samplesOfWav(readFileSync(path.join(dir, saved!.path))).samples)).toBeGreaterThan(-20);
    expect(existsSync(pcap)).toBe(false);
    expect(existsSync(metadataOf(pcap))).toBe(false);
    expect(readdirSync(path.join(dir, day))).toEqual(['call-1.wav']);

    const again = spoolWith('call-1-012345', call(0));
    writeFileSync(path.join(again.dir, 'marker'), '');
    mkdirSync(path.join(again.dir, day));
    writeFileSync(path.join(again.dir, day, 'call-1.wav'), 'earlier');
    expect((await saveRecording({ pcap: again.pcap, recordingsDir: again.dir, callId: 'call-1' }))?.path).toBe(`${day}/call-1-2.wav`);
    expect(readFileSync(path.join(again.dir, day, 'call-1.wav'), 'utf8')).toBe('earlier');
  });

  it('writes nothing when nobody was heard', async () => {
    const { dir, pcap } = spoolWith('silent-1', pcapOf([]));
    expect(await saveRecording({ pcap, recordingsDir: dir, callId: 'silent' })).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['.spool']);
    expect(existsSync(pcap)).toBe(false);
  });
});

describe('finding a capture in the spool', () => {
  it('escapes the Call-ID as rtpengine (glib) does', async () => {
    const { escapedCallId, findCapture } = await import('./recording-store');
    expect(escapedCallId('a84b4c76e66710@pc33.example.com')).toBe('a84b4c76e66710%40pc33.example.com');
    expect(escapedCallId('x y/é~')).toBe('x%20y%2F%C3%A9~');
    const spool = mkdtempSync(path.join(tmpdir(), 'relais-rec-spool-'));
    mkdirSync(path.join(spool, 'pcaps'));
    for (const n of ['abc%40host-0123456789abcdef.pcap', 'abc%40host2-0123456789abcdef.pcap', 'abc%40host-xyz.pcap']) writeFileSync(path.join(spool, 'pcaps', n), '');
    expect(await findCapture(spool, 'abc@host')).toBe(path.join(spool, 'pcaps', 'abc%40host-0123456789abcdef.pcap'));
    expect(await findCapture(spool, 'other')).toBeUndefined();
    expect(await findCapture(path.join(spool, 'missing'), 'abc@host')).toBeUndefined();
  });
});
