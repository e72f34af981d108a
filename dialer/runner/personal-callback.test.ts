// Personal callbacks when the dialer dials for whoever is free (progressive, predictive): the callback goes to the
// agent who promised it — reserved at dial time, as in preview — when that agent is free; it waits while that agent
// is on another call; it goes to the team when its agent is paused or logged out.
import { afterEach, describe, expect, it } from 'vitest';
import { LeadHopper, type Lead } from '@/dialer/hopper/lead-hopper';
import type { DialResult } from '@/dialer/sip/dialer-ua';
import { AbandonTally } from './abandon-tally';
import { AgentPool } from './agent-pool';
import { CampaignRunner } from './campaign-runner';
import { settingsWith } from './settings';

const T = Date.UTC(2026, 11, 2, 10, 0); // a Wednesday, 11:00 in Paris: inside French calling hours
const lead = (i: number, extra: Partial<Lead> = {}): Lead => ({
  phone: `+336120003${String(i).padStart(2, '0')}`, name: `Client ${i}`, timeZones: ['Europe/Paris'], attempts: 0, attemptTimes: [], history: {}, nextAt: 0, state: 'waiting', rank: i, ...extra,
});
// A2 promised to call lead 1 back; it is due.
const CALLBACK = lead(1, { attempts: 1, attemptTimes: [T - 3_600_000], nextAt: T - 60_000, callback: { at: T - 60_000, agent: 'A2' }, lastOutcome: 'connected' });

const runners: CampaignRunner[] = [];
afterEach(() => { for (const r of runners.splice(0)) r.close(); });

function rig() {
  const dialled: string[] = [];
  const pool = new AgentPool(() => {}, () => T);
  pool.login('A1', 'agent-a1', ['OUT']);
  pool.login('A2', 'agent-a2', ['OUT']);
  const hopper = new LeadHopper([CALLBACK, lead(2), lead(3)]);
  const runner = new CampaignRunner(
    { id: 'out', code: 'OUT', orgId: 'org', timeZone: 'Europe/Paris', direction: 'outbound', partnershipId: 'p' },
    settingsWith({ mode: 'progressive', status: 'running', callerId: '+33180001001' }),
    hopper,
    {
      telephony: { isConnected: true, dial: (user) => { dialled.push(user); return new Promise<DialResult>(() => {}); } },
      pool, record: () => {}, journal: async () => {}, callback: () => {}, callbackDone: () => {}, removeContact: () => {},
      records: () => ({ numbers: new Set(['+33180001001']), consents: new Map() }),
      dnc: () => ({ numbers: new Set(), listDate: T }), now: () => T,
    },
    new AbandonTally('campaign_day', 'Europe/Paris'),
    3_600_000, // ticks by hand
  );
  runners.push(runner);
  return { runner, pool, hopper, dialled };
}

describe('personal callbacks in progressive', () => {
  it('are dialled for their agent, reserved at once, when that agent is free', async () => {
    const { runner, pool, dialled } = rig();
    await runner.tick();
    expect(dialled).toContain(CALLBACK.phone);
    expect(pool.get('A2')?.state).toBe('ringing');
    // The other agent is claimed only when its own customer answers.
    expect(pool.get('A1')?.state).toBe('available');
  });

  it('wait while their agent is on another call', async () => {
    const { runner, pool, hopper, dialled } = rig();
    pool.set('A2', 'ringing', 'OUT');
    await runner.tick();
    expect(dialled).not.toContain(CALLBACK.phone);
    expect(dialled).toHaveLength(1);
    expect(hopper.get(CALLBACK.phone)?.state).toBe('waiting');
  });

  it('go to the team when their agent is paused or logged out', async () => {
    const paused = rig();
    paused.pool.pause('A2', 'break');
    await paused.runner.tick();
    expect(paused.dialled).toContain(CALLBACK.phone);
    expect(paused.pool.get('A1')?.state).toBe('available');
    const gone = rig();
    gone.pool.logout('A2');
    await gone.runner.tick();
    expect(gone.dialled).toContain(CALLBACK.phone);
  });
});
