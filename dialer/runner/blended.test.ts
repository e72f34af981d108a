// Blending, on the runner's own decision (no SIP): with inbound callers waiting for the agents it shares with
// an inbound line, a blended campaign launches fewer outbound calls than the same campaign in predictive mode.
import { describe, expect, it } from 'vitest';
import { LeadHopper, type Lead } from '@/dialer/hopper/lead-hopper';
import type { DialResult } from '@/dialer/sip/dialer-ua';
import { AgentPool } from './agent-pool';
import { CampaignRunner } from './campaign-runner';
import { AbandonTally } from './abandon-tally';
import { settingsWith, type DialMode } from './settings';

const T = Date.UTC(2026, 11, 2, 10, 0); // a Wednesday, 11:00 in Paris
const lead = (i: number): Lead => ({
  phone: `+336120001${String(i).padStart(2, '0')}`, name: `Client ${i}`, timeZones: ['Europe/Paris'], attempts: 0, attemptTimes: [], history: {}, nextAt: 0, state: 'waiting', rank: i,
});
const prior = { answerProbability: 0.3, ringSeconds: { mean: 8, sd: 4 }, talkSeconds: { mean: 180, sd: 40 }, wrapSeconds: { mean: 10, sd: 3 }, weight: 50 };

/** Calls launched by one tick: two shared agents 3 s from the end of their wrap-up, `callers` inbound callers waiting. */
async function launched(mode: DialMode, callers: number): Promise<number> {
  let now = T - 60_000;
  const pool = new AgentPool(() => {}, () => now);
  for (const a of ['A1', 'A2']) {
    pool.login(a, `agent-${a}`, ['IN', 'OUT']);
    pool.set(a, 'ringing', 'OUT');
    pool.set(a, 'on_call', 'OUT');
  }
  now = T - 7_000;
  for (const a of ['A1', 'A2']) pool.set(a, 'wrapup', 'OUT');
  now = T - 1_000;
  for (let i = 0; i < callers; i++) void pool.claim('IN', 600_000, new Promise(() => {}), true);
  now = T;
  let dials = 0;
  const settings = settingsWith({
    mode, status: 'running', callerId: '+33180001001', wrapSeconds: 10,
    window: { days: [1, 2, 3, 4, 5, 6, 7], ranges: [[0, 1440]], skipFrenchHolidays: false, reason: 'test' },
  });
  const runner = new CampaignRunner(
    { id: 'out', code: 'OUT', orgId: 'org', timeZone: 'Europe/Paris', direction: 'outbound', partnershipId: 'p' },
    settings,
    new LeadHopper(Array.from({ length: 50 }, (_, i) => lead(i))),
    {
      telephony: { isConnected: true, dial: () => { dials++; return new Promise<DialResult>(() => {}); } },
      pool, record: () => {}, journal: async () => {}, callback: () => {}, callbackDone: () => {}, removeContact: () => {},
      records: () => ({ numbers: new Set(['+33180001001']), consents: new Map() }),
      dnc: () => ({ numbers: new Set(), listDate: T }), now: () => now, pacingPrior: prior,
    },
    // A day under way with drops to spare: the pacing may take its usual risk.
    new AbandonTally('campaign_day', 'Europe/Paris', [{ minute: T - 3_600_000, humanAnswered: 400, dropped: 4 }]),
    3_600_000,
  );
  await runner.tick();
  runner.close();
  return dials;
}

describe('a blended campaign', () => {
  it('dials ahead of agents about to end their wrap-up, like predictive, while nobody waits on the inbound line', async () => {
    const predictive = await launched('predictive', 0);
    expect(predictive).toBeGreaterThan(0);
    expect(await launched('blended', 0)).toBe(predictive);
  });

  it('gives way to inbound callers waiting for the same agents', async () => {
    expect(await launched('predictive', 2)).toBe(await launched('predictive', 0)); // predictive ignores the line
    expect(await launched('blended', 2)).toBeLessThan(await launched('predictive', 2));
    expect(await launched('blended', 1)).toBeLessThan(await launched('blended', 0));
  });
});
