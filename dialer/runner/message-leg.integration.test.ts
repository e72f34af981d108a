// The abandoned-call message heard, for real: a progressive campaign's runner dials through Kamailio two SIPp
// customers (a French number and a British one, scenarios/announce.xml) who answer when no agent is free; each call
// becomes an abandoned call, the customer is re-INVITEd through rtpengine, which plays the campaign's message spoken
// by espeak-ng (French, English); the customer's own media socket (the port of its SDP, a UDP socket of this test)
// counts the RTP, and the dialer's BYE comes after the message, within `messageSeconds`.
import { createSocket, type Socket } from 'node:dgram';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DROP_SECONDS } from '@/clickhouse/vocabulary';
import { LeadHopper, type Lead } from '@/dialer/hopper/lead-hopper';
import { MessageAudio } from '@/dialer/media/message-audio';
import { messageText } from '@/dialer/media/message-text';
import { NgClient } from '@/dialer/media/ng-client';
import { MediaRelay } from '@/dialer/media/relay';
import { DialerUserAgent } from '@/dialer/sip/dialer-ua';
import { ensureEspeak, ensureRtpengine, ensureSipTools, startKamailio, startRtpengine, startSipp, type Running } from '@/dialer/sip/local-stack';
import { AbandonTally } from './abandon-tally';
import { AgentPool } from './agent-pool';
import { CampaignRunner } from './campaign-runner';
import { announcer } from './message-leg';
import { settingsWith } from './settings';

const runDir = mkdtempSync(path.join(tmpdir(), 'relais-message-'));
const stacks: Running[] = [];
let ua: DialerUserAgent;
let ng: NgClient;
let relay: MediaRelay;
let ear: Socket;

/** RTP as the customer's media socket received it. */
interface Heard { at: number; ssrc: number; payloadType: number; payload: Buffer }
const heard: Heard[] = [];

beforeAll(async () => {
  ensureSipTools();
  ensureRtpengine();
  ensureEspeak();
  ear = await new Promise<Socket>((resolve) => { const s = createSocket('udp4'); s.bind(0, '127.0.0.1', () => resolve(s)); });
  ear.on('message', (m: Buffer) => {
    if (m.length > 12 && m[0]! >> 6 === 2) heard.push({ at: Date.now(), ssrc: m.readUInt32BE(8), payloadType: m[1]! & 0x7f, payload: m.subarray(12) });
  });
  const sipp = await startSipp({ runDir, scenario: 'announce', keys: { customer_rtp: String(ear.address().port) } });
  stacks.push(sipp);
  const kamailio = await startKamailio({ runDir, trunk: `127.0.0.1:${sipp.port}` });
  stacks.push(kamailio);
  const rtpengine = await startRtpengine({ runDir });
  stacks.push(rtpengine);
  ng = await NgClient.open(rtpengine.ng);
  relay = new MediaRelay(ng);
  ua = await DialerUserAgent.connect(kamailio.ws, { auth: { secret: kamailio.secret } });
}, 60_000);
afterAll(async () => {
  ear?.close();
  ng?.close();
  await ua?.stop();
  for (const s of stacks.reverse()) await s.stop();
});

const CALLER_ID = '+33180001001';
const FACTS = { outsourcer: 'Acme Centre d’appels', client: 'Horizon Énergie' };
const lead = (phone: string, rank: number): Lead => ({ phone, name: `Client ${rank}`, timeZones: ['Europe/Paris'], attempts: 0, attemptTimes: [], history: {}, nextAt: 0, state: 'waiting', rank });

/** The A-law sample's magnitude (G.711, ITU-T): enough to tell speech from the silence of an idle stream. */
function alawMagnitude(byte: number): number {
  const a = byte ^ 0x55;
  const exponent = (a >> 4) & 7;
  const mantissa = a & 15;
  return exponent === 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
}

const sippErrors = () => {
  const file = path.join(runDir, 'sipp-announce-errors.log');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
};

describe('the abandoned-call message through rtpengine', { timeout: 90_000 }, () => {
  it('is heard by the customer, in its language, and the dialer hangs up after it, within messageSeconds', async () => {
    const settings = settingsWith({
      mode: 'progressive', status: 'running', callerId: CALLER_ID, maxLines: 2, ringTimeoutSeconds: 15,
      window: { days: [1, 2, 3, 4, 5, 6, 7], ranges: [[0, 1440]], skipFrenchHolidays: false, reason: 'test: any hour' },
    });
    const boundMs = settings.messageSeconds * 1000;
    const audio = new MessageAudio(runDir);
    // The files the campaign will play, spoken before (the runner finds them in the cache): their durations.
    const fr = await audio.file(messageText({ ...FACTS, callbackNumber: CALLER_ID }, 'fr'), 'fr');
    const en = await audio.file(messageText({ ...FACTS, callbackNumber: CALLER_ID }, 'en'), 'en');
    console.log(`message durations: fr ${fr.durationMs} ms, en ${en.durationMs} ms; messageSeconds ${settings.messageSeconds}`);
    expect(fr.durationMs + 500).toBeLessThan(boundMs);
    expect(en.durationMs + 500).toBeLessThan(boundMs);

    // Two agents logged in: the runner dials two customers; both agents go on a break while they ring, so the
    // customers answer with nobody free and the 2-s rule makes them abandoned calls.
    const pool = new AgentPool(() => {});
    pool.login('A1', 'agent-a1', ['OUT']);
    pool.login('A2', 'agent-a2', ['OUT']);
    const records: Record<string, unknown>[] = [];
    const relayCalls: string[] = [];
    const play = announcer({ relay, audio, facts: () => FACTS });
    const runner = new CampaignRunner(
      { id: 'out', code: 'OUT', orgId: 'org', timeZone: 'Europe/Paris', direction: 'outbound', partnershipId: 'p' },
      settings,
      new LeadHopper([lead('+33612000001', 0), lead('+447700900123', 1)]),
      {
        telephony: {
          get isConnected() { return ua.isConnected; },
          dial: (user, o) => {
            for (const a of pool.list()) if (a.state === 'available') pool.set(a.code, 'paused');
            return ua.dial(user, o);
          },
        },
        pool, record: (r) => records.push(r), journal: async () => {}, callback: () => {}, callbackDone: () => {}, removeContact: () => {},
        dnc: () => ({ numbers: new Set(), listDate: Date.now() }),
        records: () => ({ numbers: new Set([CALLER_ID]), consents: new Map() }),
        announce: async (leg, call) => { relayCalls.push(leg.dialog!.callId); return play(leg, call); },
      },
      new AbandonTally('campaign_day', 'Europe/Paris'),
      100,
    );
    try {
      const until = Date.now() + 60_000;
      while (records.length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    } finally {
      runner.close();
    }
    expect(records).toHaveLength(2);
    expect(relayCalls).toHaveLength(2);

    // Each customer's stream (one SSRC per call) goes to the call that ended just after its last packet.
    const streams = new Map<number, Heard[]>();
    for (const h of heard) streams.set(h.ssrc, [...(streams.get(h.ssrc) ?? []), h]);
    expect(streams.size).toBe(2);
    const calls = records.map((r) => ({
      phone: r.phone as string, outcome: r.outcome, agent: r.agent,
      answeredAt: Date.parse(r.answered_at as string), endedAt: Date.parse(r.ended_at as string),
    }));
    for (const packets of streams.values()) {
      const last = packets.at(-1)!.at;
      const call = calls.reduce((best, c) => (Math.abs(c.endedAt - last) < Math.abs(best.endedAt - last) ? c : best));
      const message = call.phone.startsWith('+33') ? fr : en;
      const first = packets[0]!.at;
      const loud = packets.filter((p) => p.payload.some((b) => alawMagnitude(b) > 500)).length;
      console.log(`${call.phone}: ${packets.length} RTP packets (PCMA, ${loud} with speech) heard at the customer from ${first - call.answeredAt} ms to ${last - call.answeredAt} ms after the answer; BYE ${call.endedAt - call.answeredAt} ms after it (message ${message.durationMs} ms)`);
      expect(call).toMatchObject({ outcome: 'abandoned' });
      expect(call.agent).toBeUndefined();
      // The customer's codec (PCMA, first in its SDP), 20-ms packets: as many as the message lasts (rtpengine's
      // player may round the last one or two), and speech in them, not an idle stream.
      expect(packets.every((p) => p.payloadType === 8 && p.payload.length === 160)).toBe(true);
      expect(packets.length * 20).toBeGreaterThanOrEqual(message.durationMs - 100);
      expect(packets.length * 20).toBeLessThanOrEqual(message.durationMs + 200);
      expect(loud).toBeGreaterThan(packets.length / 3);
      // Heard after the 2-s rule ran out, all of it before the BYE, which comes within messageSeconds (+ margin).
      expect(first - call.answeredAt).toBeGreaterThanOrEqual(DROP_SECONDS * 1000 - 100);
      expect(last).toBeLessThanOrEqual(call.endedAt);
      expect(call.endedAt - first).toBeGreaterThanOrEqual(message.durationMs - 200);
      expect(call.endedAt - call.answeredAt).toBeLessThanOrEqual(DROP_SECONDS * 1000 + boundMs + 1500);
    }
    // rtpengine forgot both calls once they ended (`delete`).
    await new Promise((r) => setTimeout(r, 200));
    for (const callId of relayCalls) await expect(relay.query(callId)).rejects.toThrow(/Unknown call-id/);
    expect(sippErrors()).not.toMatch(/unexpected|Aborting/i);
  });
});
