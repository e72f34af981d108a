// Recording through a real rtpengine (userspace, `--recording-method=pcap`): two plain-RTP endpoints bridged the
// way the dialer bridges a customer and a robot agent, each speaking a tone of its own (customer 440 Hz, agent
// 1000 Hz, PCMA, paced at 20 ms). A recorded call yields ONE WAV under the recordings dir holding both parties,
// measured (RMS, and each party's tone); a call not recorded yields no file; recording started mid-call holds
// what followed.
import { createSocket, type Socket } from 'node:dgram';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRtpengine, recordingSpoolOf, startRtpengine, type Rtpengine } from '@/dialer/sip/local-stack';
import { NgClient } from './ng-client';
import { rmsDbfs, samplesOfWav, SAMPLE_RATE } from './recording';
import type { SavedRecording } from './recording-store';
import { MediaRelay } from './relay';
import { powerAt, toneFrames } from './testing/g711';

const runDir = mkdtempSync(path.join(tmpdir(), 'relais-recording-'));
const recordingsDir = path.join(runDir, 'recordings');
let rtpengine: Rtpengine;
let ng: NgClient;
let relay: MediaRelay;
const problems: string[] = [];
const saved = new Map<string, SavedRecording>();

beforeAll(async () => {
  ensureRtpengine();
  rtpengine = await startRtpengine({ runDir, recordingsDir });
  ng = await NgClient.open(rtpengine.ng);
  relay = new MediaRelay(ng, { recordingsDir: rtpengine.recordingsDir, onRecordingProblem: (id, p) => problems.push(`${id}: ${p}`), onRecordingSaved: (id, s) => saved.set(id, s) });
});
afterAll(async () => {
  ng?.close();
  await rtpengine?.stop();
});

const sdp = (who: string, port: number) => [
  'v=0', `o=${who} 1 1 IN IP4 127.0.0.1`, 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', `m=audio ${port} RTP/AVP 8`, 'a=rtpmap:8 PCMA/8000', 'a=sendrecv', '',
].join('\r\n');
const bound = () => new Promise<Socket>((resolve) => { const s = createSocket('udp4'); s.bind(0, '127.0.0.1', () => resolve(s)); });
const mediaPort = (text: string) => Number(/^m=audio (\d+)/m.exec(text)![1]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends the frames 20 ms apart, as a phone would. */
async function speak(from: Socket, to: number, frames: Buffer[]): Promise<void> {
  const start = Date.now();
  for (let i = 0; i < frames.length; i++) {
    from.send(frames[i]!, to, '127.0.0.1');
    const next = start + (i + 1) * 20;
    await sleep(Math.max(0, next - Date.now()));
  }
}

/** A customer and an agent bridged through rtpengine, each socket sending to the port rtpengine gave it. */
async function bridge(callId: string, record: boolean) {
  const [customer, agent] = await Promise.all([bound(), bound()]);
  const toAgentSdp = await relay.toAgent(callId, `c-${callId}`, sdp('customer', customer.address().port), 'rtp', { record });
  const toCustomerSdp = await relay.toCustomer(callId, `c-${callId}`, `a-${callId}`, sdp('agent', agent.address().port));
  return {
    customerSays: (frames: Buffer[]) => speak(customer, mediaPort(toCustomerSdp), frames),
    agentSays: (frames: Buffer[]) => speak(agent, mediaPort(toAgentSdp), frames),
    close: () => { customer.close(); agent.close(); },
  };
}

const pcaps = () => readdirSync(path.join(recordingSpoolOf(recordingsDir), 'pcaps'));

describe('recording a call through rtpengine', { timeout: 60_000 }, () => {
  it('a recorded call is one WAV with both parties, linked by its relative path; the capture is gone', async () => {
    const callId = `rec-${Date.now()}@relais.test`;
    await relay.record(callId); // what the runner does before the bridge when the campaign records
    const call = await bridge(callId, false);
    try {
      // The customer speaks for 1.2 s; the agent answers from 0.6 s to 1.8 s (both at once in the middle).
      await Promise.all([
        call.customerSays(toneFrames({ hz: 440, amplitude: 8000, ms: 1200, payloadType: 8, ssrc: 0x1111 })),
        sleep(600).then(() => call.agentSays(toneFrames({ hz: 1000, amplitude: 8000, ms: 1200, payloadType: 8, ssrc: 0x2222 }))),
      ]);
    } finally {
      call.close();
    }
    const relative = await relay.end(callId);
    expect(relative).toMatch(/^\d{4}-\d{2}-\d{2}\/rec-\d+_relais\.test\.wav$/);
    expect(await relay.recordingOf(callId)).toBe(relative);
    expect(saved.get(callId)).toMatchObject({ path: relative, streams: 2 });
    const file = path.join(recordingsDir, relative!);
    expect(existsSync(file)).toBe(true);

    const { rate, samples } = samplesOfWav(readFileSync(file));
    expect(rate).toBe(SAMPLE_RATE);
    const seconds = samples.length / SAMPLE_RATE;
    const loudness = rmsDbfs(samples);
    const second = (from: number, to: number) => [Math.round(from * SAMPLE_RATE), Math.round(to * SAMPLE_RATE)] as const;
    const [customerAlone, both, agentAlone] = [second(0.1, 0.5), second(0.8, 1.1), second(1.4, 1.7)];
    console.log(`recording ${relative}: ${seconds.toFixed(2)} s, RMS ${loudness.toFixed(1)} dBFS; 440 Hz power alone/both/agent ${[customerAlone, both, agentAlone].map(([a, b]) => powerAt(samples, 440, a, b).toExponential(1)).join(' ')}; 1000 Hz ${[customerAlone, both, agentAlone].map(([a, b]) => powerAt(samples, 1000, a, b).toExponential(1)).join(' ')}`);
    expect(seconds).toBeGreaterThan(1.6);
    expect(seconds).toBeLessThan(2.2);
    // A tone of amplitude 8000 is -15.3 dBFS RMS; silence would be -Infinity.
    expect(loudness).toBeGreaterThan(-25);
    // Both parties are in the one file, each where it spoke.
    expect(powerAt(samples, 440, ...customerAlone)).toBeGreaterThan(1e6);
    expect(powerAt(samples, 1000, ...customerAlone)).toBeLessThan(1e5);
    expect(powerAt(samples, 440, ...both)).toBeGreaterThan(1e6);
    expect(powerAt(samples, 1000, ...both)).toBeGreaterThan(1e6);
    expect(powerAt(samples, 1000, ...agentAlone)).toBeGreaterThan(1e6);
    expect(powerAt(samples, 440, ...agentAlone)).toBeLessThan(1e5);
    expect(pcaps()).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('a call not recorded (the campaign turned recording off) leaves no file', async () => {
    const before = readdirSync(recordingsDir).flatMap((d) => (d === '.spool' ? [] : readdirSync(path.join(recordingsDir, d))));
    const callId = `norec-${Date.now()}`;
    const call = await bridge(callId, false);
    try {
      await Promise.all([
        call.customerSays(toneFrames({ hz: 440, amplitude: 8000, ms: 400, payloadType: 8, ssrc: 0x3333 })),
        call.agentSays(toneFrames({ hz: 1000, amplitude: 8000, ms: 400, payloadType: 8, ssrc: 0x4444 })),
      ]);
    } finally {
      call.close();
    }
    expect(await relay.end(callId)).toBeUndefined();
    expect(await relay.recordingOf(callId)).toBeUndefined();
    const after = readdirSync(recordingsDir).flatMap((d) => (d === '.spool' ? [] : readdirSync(path.join(recordingsDir, d))));
    expect(after).toEqual(before);
    expect(pcaps()).toEqual([]);
  });

  it('a call bridged again after its relay call ended (an inbound retry) is recorded afresh', async () => {
    const callId = `again-${Date.now()}`;
    await relay.record(callId);
    const first = await bridge(callId, false);
    first.close();
    expect(await relay.end(callId)).toBeUndefined(); // the agent did not answer: nobody was heard
    await relay.record(callId);
    const second = await bridge(callId, false);
    try {
      await second.customerSays(toneFrames({ hz: 440, amplitude: 8000, ms: 400, payloadType: 8, ssrc: 0x7777 }));
    } finally {
      second.close();
    }
    const relative = await relay.end(callId);
    expect(relative).toBeDefined();
    expect(await relay.recordingOf(callId)).toBe(relative);
    expect(existsSync(path.join(recordingsDir, relative!))).toBe(true);
  });

  it('recording started mid-call (`start recording`) holds what followed', async () => {
    const callId = `mid-${Date.now()}`;
    const call = await bridge(callId, false);
    try {
      await call.customerSays(toneFrames({ hz: 440, amplitude: 8000, ms: 400, payloadType: 8, ssrc: 0x5555 }));
      await relay.record(callId);
      await call.agentSays(toneFrames({ hz: 1000, amplitude: 8000, ms: 600, payloadType: 8, ssrc: 0x6666 }));
    } finally {
      call.close();
    }
    const relative = await relay.end(callId);
    expect(relative).toBeDefined();
    const { samples } = samplesOfWav(readFileSync(path.join(recordingsDir, relative!)));
    expect(samples.length / SAMPLE_RATE).toBeGreaterThan(0.5);
    expect(samples.length / SAMPLE_RATE).toBeLessThan(0.8);
    expect(powerAt(samples, 1000)).toBeGreaterThan(1e6);
    expect(powerAt(samples, 440)).toBeLessThan(1e5);
  });
});
