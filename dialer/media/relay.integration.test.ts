// The relay against a real rtpengine (userspace, on reserved ports): two plain-RTP endpoints (UDP sockets in
// the test) bridged the way the dialer bridges a customer and a robot agent; packets cross both ways through
// rtpengine, `query` counts them, `play media` sends a file's audio to one side, `delete` frees the call; the
// agent's DTMF (RFC 4733 telephone-events) reaches the customer.
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRtpengine, startRtpengine, type Rtpengine } from '@/dialer/sip/local-stack';
import { audioPayloads } from './flags';
import { writeHoldMusic } from './hold-music';
import { NgClient, NgError } from './ng-client';
import { MediaRelay } from './relay';

const runDir = mkdtempSync(path.join(tmpdir(), 'relais-relay-'));
let rtpengine: Rtpengine;
let ng: NgClient;
let relay: MediaRelay;

beforeAll(async () => {
  ensureRtpengine();
  rtpengine = await startRtpengine({ runDir });
  ng = await NgClient.open(rtpengine.ng);
  relay = new MediaRelay(ng);
});
afterAll(async () => {
  ng?.close();
  await rtpengine?.stop();
});

const sdp = (who: string, port: number, payloads: number[]) => [
  'v=0', `o=${who} 1 1 IN IP4 127.0.0.1`, 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', `m=audio ${port} RTP/AVP ${payloads.join(' ')}`,
  ...payloads.map((p) => `a=rtpmap:${p} ${p === 0 ? 'PCMU' : 'PCMA'}/8000`), 'a=sendrecv', '',
].join('\r\n');

const bound = () => new Promise<Socket>((resolve) => { const s = createSocket('udp4'); s.bind(0, '127.0.0.1', () => resolve(s)); });
const portOf = (s: Socket) => s.address().port;
const mediaPort = (text: string) => Number(/^m=audio (\d+)/m.exec(text)![1]);
const rtp = (seq: number, pt: number) => Buffer.concat([Buffer.from([0x80, pt, seq >> 8, seq & 255, 0, 0, 0, seq * 160 & 255, 0x12, 0x34, 0x56, 0x78]), Buffer.alloc(160, 0xff)]);
const received = (s: Socket, count: number, ms = 3000) => new Promise<Buffer[]>((resolve, reject) => {
  const got: Buffer[] = [];
  const timer = setTimeout(() => { s.off('message', on); reject(new Error(`${got.length} of ${count} packets in ${ms} ms`)); }, ms);
  const on = (m: Buffer) => { got.push(m); if (got.length === count) { clearTimeout(timer); s.off('message', on); resolve(got); } };
  s.on('message', on);
});

/** A second of a 440 Hz tone, 8 kHz 16-bit mono WAV: an announcement to play. */
function toneWav(file: string): void {
  const samples = 8000;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 8000)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0); header.writeUInt32LE(36 + data.length, 4); header.write('WAVE', 8); header.write('fmt ', 12);
  header.writeUInt32LE(16, 16); header.writeUInt16LE(1, 20); header.writeUInt16LE(1, 22); header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28); header.writeUInt16LE(2, 32); header.writeUInt16LE(16, 34); header.write('data', 36); header.writeUInt32LE(data.length, 40);
  writeFileSync(file, Buffer.concat([header, data]));
}

describe('MediaRelay through rtpengine (plain RTP both sides)', { timeout: 30_000 }, () => {
  it('relays RTP both ways, counts it, plays a file, and delete frees the call', async () => {
    const [customer, agent] = await Promise.all([bound(), bound()]);
    const callId = `relay-${Date.now()}`;
    try {
      const agentOffer = await relay.toAgent(callId, 'cust-tag', sdp('customer', portOf(customer), [0, 8]), 'rtp');
      expect(agentOffer).toMatch(/^m=audio \d+ RTP\/AVP 0 8/m);
      expect(agentOffer).not.toMatch(/ice-ufrag|fingerprint|crypto/);
      const toAgentPort = mediaPort(agentOffer);
      expect(toAgentPort).toBeGreaterThanOrEqual(rtpengine.media.min);
      expect(toAgentPort).toBeLessThanOrEqual(rtpengine.media.max);

      const customerSdp = await relay.toCustomer(callId, 'cust-tag', 'agent-tag', sdp('agent', portOf(agent), [0]));
      expect(customerSdp).toMatch(/^m=audio \d+ RTP\/AVP/m);
      expect(audioPayloads(customerSdp)).toEqual([0]);
      expect(customerSdp).toMatch(/^c=IN IP4 127\.0\.0\.1/m);
      const toCustomerPort = mediaPort(customerSdp);

      // The customer sends to the port rtpengine gave it; the agent gets it, and the other way round.
      const atAgent = received(agent, 5);
      for (let i = 0; i < 5; i++) customer.send(rtp(i, 0), toCustomerPort, '127.0.0.1');
      expect((await atAgent).every((p) => p.length === 172)).toBe(true);
      const atCustomer = received(customer, 5);
      for (let i = 0; i < 5; i++) agent.send(rtp(100 + i, 0), toAgentPort, '127.0.0.1');
      await atCustomer;

      const q = await relay.query(callId);
      const tags = q.tags as Record<string, { medias: { streams: { stats: { packets: number } }[] }[] }>;
      expect(Object.keys(tags).sort()).toEqual(['agent-tag', 'cust-tag']);
      for (const tag of ['agent-tag', 'cust-tag']) {
        const packets = tags[tag]!.medias.flatMap((m) => m.streams).reduce((n, s) => n + s.stats.packets, 0);
        expect(packets, tag).toBeGreaterThanOrEqual(5);
      }

      // An announcement to the customer: rtpengine encodes the file to the customer's codec and sends it.
      const wav = path.join(runDir, 'tone.wav');
      toneWav(wav);
      const played = received(customer, 10);
      const duration = await relay.play(callId, 'cust-tag', wav);
      expect(duration).toBeGreaterThanOrEqual(900);
      expect((await played).every((p) => (p[1]! & 0x7f) === 0)).toBe(true);
      await relay.stopPlaying(callId, 'cust-tag');

      await relay.end(callId);
      await expect(relay.query(callId)).rejects.toThrow(NgError);
      await expect(relay.query(callId)).rejects.toThrow(/Unknown call-id/);
    } finally {
      customer.close();
      agent.close();
    }
  });

  it('puts rtpengine in a customer\'s media path with no agent, and plays the announcement to it', async () => {
    const customer = await bound();
    const callId = `announce-${Date.now()}`;
    try {
      const customerSdp = await relay.toAnnouncement(callId, 'cust-tag', sdp('customer', portOf(customer), [8, 0]));
      expect(customerSdp).toMatch(/^m=audio \d+ RTP\/AVP 8$/m);
      expect(customerSdp).toMatch(/^c=IN IP4 127\.0\.0\.1/m);
      expect(customerSdp).toMatch(/^a=sendonly/m);
      const toCustomerPort = mediaPort(customerSdp);
      expect(toCustomerPort).toBeGreaterThanOrEqual(rtpengine.media.min);

      const wav = path.join(runDir, 'tone.wav');
      toneWav(wav);
      const played = received(customer, 40);
      expect(await relay.play(callId, 'cust-tag', wav)).toBeGreaterThanOrEqual(900);
      // 20-ms PCMA packets from rtpengine's port for the customer.
      expect((await played).every((p) => (p[1]! & 0x7f) === 8 && p.length === 172)).toBe(true);
      await relay.end(callId);
      await expect(relay.query(callId)).rejects.toThrow(/Unknown call-id/);
    } finally {
      customer.close();
    }
  });

  it('relays the agent\'s DTMF (RFC 4733 telephone-event) to the customer when both sides negotiated it', async () => {
    const [customer, agent] = await Promise.all([bound(), bound()]);
    const callId = `dtmf-${Date.now()}`;
    // As the demo customers answer (demo-scenario.ts) and a browser answers them: PCMA and telephone-event 101.
    const withEvents = (who: string, port: number) => [
      'v=0', `o=${who} 1 1 IN IP4 127.0.0.1`, 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', `m=audio ${port} RTP/AVP 8 101`,
      'a=rtpmap:8 PCMA/8000', 'a=rtpmap:101 telephone-event/8000', 'a=fmtp:101 0-16', 'a=sendrecv', '',
    ].join('\r\n');
    // One RFC 4733 packet: event, end bit and volume, duration (in timestamp units).
    const event = (seq: number, digit: number, end: boolean) => Buffer.concat([
      Buffer.from([0x80, 101, seq >> 8, seq & 255, 0, 0, 0x10, 0, 0x12, 0x34, 0x56, 0x78]), Buffer.from([digit, (end ? 0x80 : 0) | 10, 0, 160 * (seq % 8 + 1)]),
    ]);
    try {
      const agentOffer = await relay.toAgent(callId, 'cust-tag', withEvents('customer', portOf(customer)), 'rtp');
      expect(agentOffer).toMatch(/^a=rtpmap:101 telephone-event\/8000/m);
      const customerSdp = await relay.toCustomer(callId, 'cust-tag', 'agent-tag', withEvents('agent', portOf(agent)));
      expect(audioPayloads(customerSdp)).toEqual([8, 101]);
      const atCustomer = received(customer, 4);
      for (let i = 0; i < 4; i++) agent.send(event(i, 5, i === 3), mediaPort(agentOffer), '127.0.0.1');
      const got = await atCustomer;
      // Telephone-events for the digit 5, the last one ending it.
      expect(got.map((p) => [p[1]! & 0x7f, p[12]])).toEqual([[101, 5], [101, 5], [101, 5], [101, 5]]);
      expect(got[3]![13]! & 0x80).toBe(0x80);
      await relay.end(callId);
    } finally {
      customer.close();
      agent.close();
    }
  });

  it('holds a bridged call: neither party hears the other, the customer hears the music; off hold, both again', async () => {
    const [customer, agent] = await Promise.all([bound(), bound()]);
    const callId = `hold-${Date.now()}`;
    const withMusic = new MediaRelay(ng, { holdMusic: writeHoldMusic(runDir) });
    // The test's parties mark their packets with SSRC 12345678; rtpengine's music has its own.
    const ours = (p: Buffer) => p.readUInt32BE(8) === 0x12345678;
    const collect = (s: Socket) => { const got: Buffer[] = []; const on = (m: Buffer) => got.push(m); s.on('message', on); return () => { s.off('message', on); return got; }; };
    const talk = async (ms: number) => {
      for (let i = 0; i < ms / 20; i++) {
        customer.send(rtp(i, 0), toCustomerPort, '127.0.0.1');
        agent.send(rtp(500 + i, 0), toAgentPort, '127.0.0.1');
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    let toAgentPort = 0;
    let toCustomerPort = 0;
    try {
      toAgentPort = mediaPort(await withMusic.toAgent(callId, 'cust-tag', sdp('customer', portOf(customer), [0, 8]), 'rtp'));
      toCustomerPort = mediaPort(await withMusic.toCustomer(callId, 'cust-tag', 'agent-tag', sdp('agent', portOf(agent), [0])));
      let atCustomer = collect(customer);
      let atAgent = collect(agent);
      await talk(400);
      expect(atCustomer().filter(ours).length).toBeGreaterThan(10);
      expect(atAgent().filter(ours).length).toBeGreaterThan(10);

      await withMusic.hold(callId, 'cust-tag', 'agent-tag', true);
      atCustomer = collect(customer);
      atAgent = collect(agent);
      await talk(1000);
      const heldCustomer = atCustomer();
      expect(heldCustomer.filter(ours)).toHaveLength(0);
      expect(atAgent().filter(ours)).toHaveLength(0);
      // The music: 20-ms PCMU packets from rtpengine, about 50 a second, not silence (0xff is PCMU silence).
      const music = heldCustomer.filter((p) => !ours(p) && (p[1]! & 0x7f) === 0);
      expect(music.length).toBeGreaterThan(30);
      expect(music.some((p) => p.subarray(12).some((b) => b !== 0xff && b !== 0x7f))).toBe(true);

      await withMusic.hold(callId, 'cust-tag', 'agent-tag', false);
      await new Promise((r) => setTimeout(r, 100));
      atCustomer = collect(customer);
      atAgent = collect(agent);
      await talk(400);
      const afterCustomer = atCustomer();
      expect(afterCustomer.filter(ours).length).toBeGreaterThan(10);
      expect(atAgent().filter(ours).length).toBeGreaterThan(10);
      expect(afterCustomer.filter((p) => !ours(p)).length).toBeLessThan(3);
      await withMusic.end(callId);
    } finally {
      customer.close();
      agent.close();
    }
  });

  it('a refused command is an NgError naming it', async () => {
    await expect(relay.toCustomer('never-offered', 'a', 'b', sdp('agent', 9, [0]))).rejects.toThrow(/rtpengine refused 'answer'/);
  });
});
