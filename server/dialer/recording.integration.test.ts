// A recorded campaign's call, for real: a progressive runner dials a SIPp customer through Kamailio (it streams
// speech once bridged, scenario media-customer.xml), bridges it through rtpengine to an agent's phone (a sip.js
// endpoint registered with its credentials, plain RTP); the campaign records, so rtpengine captures the call and
// the bridge's end writes its WAV; the call's record names it and is
// stored through the portal's record sink like every dialer record. The stored call's `recording_path` resolves
// (resolveRecording) to a WAV that is not silent. A campaign that does not record stores no path and writes no file.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/clickhouse/queries/rows';
import type { Campaign } from '@/clickhouse/queries/tenancy';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { campaignInfo } from '@/dialer/campaigns';
import { LeadHopper, type Lead } from '@/dialer/hopper/lead-hopper';
import { writeHoldMusic } from '@/dialer/media/hold-music';
import { NgClient } from '@/dialer/media/ng-client';
import { resolveRecording, rmsDbfs, samplesOfWav, SAMPLE_RATE } from '@/dialer/media/recording';
import { MediaRelay } from '@/dialer/media/relay';
import { writeSpeech } from '@/dialer/media/testing/sipp-media';
import { AbandonTally } from '@/dialer/runner/abandon-tally';
import { AgentPool } from '@/dialer/runner/agent-pool';
import { CampaignRunner } from '@/dialer/runner/campaign-runner';
import { settingsWith } from '@/dialer/runner/settings';
import { AgentEndpoint } from '@/dialer/sip/agent-endpoint';
import { DialerUserAgent } from '@/dialer/sip/dialer-ua';
import { ensureRtpengine, ensureSipTools, startKamailio, startRtpengine, startSipp, type Running } from '@/dialer/sip/local-stack';
import { ingestSink } from './record-sink';
import { seededCampaign, until } from './testing/rig';

const runDir = mkdtempSync(path.join(tmpdir(), 'relais-recorded-'));
const recordingsDir = path.join(runDir, 'recordings');
const stacks: Running[] = [];
let engine: TestEngine;
let campaign: Campaign;
let ua: DialerUserAgent;
let ng: NgClient;
let relay: MediaRelay;
const problems: string[] = [];

beforeAll(async () => {
  ensureSipTools();
  ensureRtpengine();
  engine = await openTestEngine();
  campaign = await seededCampaign(engine.ch, 'ACME-OUT');
  writeSpeech(path.join(runDir, 'speech.alaw'), 10); // SIPp streams it from its working directory, the run dir
  const rtpengine = await startRtpengine({ runDir, recordingsDir });
  stacks.push(rtpengine);
  const customers = await startSipp({ runDir, scenario: 'media-customer' });
  stacks.push(customers);
  const kamailio = await startKamailio({ runDir, trunk: `127.0.0.1:${customers.port}` });
  stacks.push(kamailio);
  const auth = { secret: kamailio.secret };
  const phone = await AgentEndpoint.register(kamailio.ws, 'agent-1', { mediaPort: 43_100, auth });
  stacks.push({ stop: () => phone.stop() } as Running);
  ua = await DialerUserAgent.connect(kamailio.ws, { keepalive: null, auth });
  ng = await NgClient.open(rtpengine.ng);
  relay = new MediaRelay(ng, { recordingsDir: rtpengine.recordingsDir, onRecordingProblem: (id, p) => problems.push(`${id}: ${p}`), holdMusic: writeHoldMusic(runDir) });
}, 90_000);
afterAll(async () => {
  ng?.close();
  await ua?.stop();
  for (const s of stacks.reverse()) await s.stop();
  await engine?.close();
});

const CALLER_ID = '+33180001001';
const lead = (phone: string): Lead => ({ phone, name: 'Client enregistré', timeZones: ['Europe/Paris'], attempts: 0, attemptTimes: [], history: {}, nextAt: 0, state: 'waiting', rank: 0 });
const wavs = () => (existsSync(recordingsDir) ? readdirSync(recordingsDir).filter((d) => d !== '.spool').flatMap((d) => readdirSync(path.join(recordingsDir, d))) : []);

/** One call of the campaign, talked `talkMs` (or through `during`) then hung up by the agent's side: its record, as stored. */
async function oneCall(phone: string, recording: boolean, talkMs: number, during?: (runner: CampaignRunner) => Promise<void>) {
  const info = { ...(await campaignInfo(engine.ch, campaign)), recording };
  const settings = settingsWith({
    mode: 'progressive', status: 'running', callerId: CALLER_ID, maxLines: 1, ringTimeoutSeconds: 15, wrapSeconds: 1,
    window: { days: [1, 2, 3, 4, 5, 6, 7], ranges: [[0, 1440]], skipFrenchHolidays: false, reason: 'test: any hour' },
  });
  const pool = new AgentPool(() => {});
  pool.login('A1', 'agent-1', [info.code]);
  const records: Record<string, unknown>[] = [];
  const runner = new CampaignRunner(info, settings, new LeadHopper([lead(phone)]), {
    telephony: { get isConnected() { return ua.isConnected; }, dial: (user, o) => ua.dial(user, o) },
    pool, record: (r) => records.push(r), journal: async () => {}, callback: () => {}, callbackDone: () => {}, removeContact: () => {},
    dnc: () => ({ numbers: new Set(), listDate: Date.now() }),
    records: () => ({ numbers: new Set([CALLER_ID]), consents: new Map() }),
    media: () => ({ relay, agentKind: 'rtp' }),
  }, new AbandonTally('campaign_day', 'Europe/Paris'), 100);
  try {
    await until(() => pool.get('A1')?.state === 'on_call', 30_000, 'the agent on the call');
    runner.close();
    await new Promise((r) => setTimeout(r, talkMs));
    await during?.(runner);
    await runner.dropAgent('A1');
    await until(() => records.length === 1, 15_000, 'the call record');
  } finally {
    runner.close();
  }
  const refused = await ingestSink(engine.ch).write(info.orgId, records);
  expect(refused).toEqual([]);
  const [stored] = await selectRows<{ outcome: string; agent: string; recording_path: string; hold_seconds: number }>(engine.ch,
    'SELECT toString(outcome) AS outcome, agent, recording_path, hold_seconds FROM calls FINAL WHERE campaign_id = {c:String} AND id = {id:String} AND sign = 1',
    { c: campaign.id, id: records[0]!.id as string });
  return { record: records[0]!, stored: stored! };
}

describe('recording a campaign’s calls', { timeout: 120_000 }, () => {
  it('a recorded campaign’s call is stored with the path of its WAV, which holds the conversation', async () => {
    const { record, stored } = await oneCall('+33612000101', true, 3_000);
    expect(stored).toMatchObject({ outcome: 'connected', agent: 'A1' });
    expect(stored.recording_path).toMatch(/^\d{4}-\d{2}-\d{2}\/[A-Za-z0-9][A-Za-z0-9._-]*\.wav$/);
    expect(record.recording_path).toBe(stored.recording_path);
    const file = resolveRecording(recordingsDir, stored.recording_path)!;
    expect(existsSync(file)).toBe(true);
    const { rate, samples } = samplesOfWav(readFileSync(file));
    const seconds = samples.length / SAMPLE_RATE;
    const loudness = rmsDbfs(samples);
    console.log(`recorded call ${stored.recording_path}: ${seconds.toFixed(2)} s, RMS ${loudness.toFixed(1)} dBFS`);
    expect(rate).toBe(SAMPLE_RATE);
    expect(seconds).toBeGreaterThan(2);
    expect(seconds).toBeLessThan(8);
    expect(loudness).toBeGreaterThan(-45); // speech both ways; silence is -Infinity
    expect(problems).toEqual([]);
  });

  it('a call put on hold through the relay counts its time on hold in hold_seconds', async () => {
    const { stored } = await oneCall('+33612000103', false, 500, async (runner) => {
      expect(runner.agentCall('A1')).toMatchObject({ canHold: true, heldSince: null, holdSeconds: 0 });
      expect(await runner.hold('A9', true)).toBe('no_call');
      expect(await runner.hold('A1', true)).toBe('held');
      expect(runner.agentCall('A1')?.heldSince).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await runner.hold('A1', false)).toBe('resumed');
      expect(runner.agentCall('A1')).toMatchObject({ heldSince: null });
      // A second spell, still running when the call ends: it counts until the end.
      expect(await runner.hold('A1', true)).toBe('held');
      await new Promise((r) => setTimeout(r, 500));
    });
    expect(stored).toMatchObject({ outcome: 'connected', agent: 'A1' });
    expect(stored.hold_seconds).toBeGreaterThanOrEqual(1.9);
    expect(stored.hold_seconds).toBeLessThan(3);
  });

  it('a campaign that does not record stores no path and writes no file', async () => {
    const before = wavs();
    const { stored } = await oneCall('+33612000102', false, 1_000);
    expect(stored).toMatchObject({ outcome: 'connected', recording_path: '' });
    expect(wavs()).toEqual(before);
  });
});
