// Preview mode on the runner's own decisions (no SIP): the agent sees a lead the rules allow before dialing it,
// skips it or dials it; a lead the rules refuse meanwhile is recorded and never dialled.
import { describe, expect, it } from 'vitest';
import { LeadHopper, type Lead } from '@/dialer/hopper/lead-hopper';
import type { DialResult } from '@/dialer/sip/dialer-ua';
import { AbandonTally } from './abandon-tally';
import { AgentPool } from './agent-pool';
import { CampaignRunner } from './campaign-runner';
import { settingsWith } from './settings';

const T = Date.UTC(2026, 11, 2, 10, 0); // a Wednesday, 11:00 in Paris: inside French calling hours
const lead = (i: number): Lead => ({
  phone: `+336120002${String(i).padStart(2, '0')}`, name: `Client ${i}`, timeZones: ['Europe/Paris'], attempts: 0, attemptTimes: [], history: {}, nextAt: 0, state: 'waiting', rank: i,
});

function previewRig(inventory: { numbers: Set<string> } = { numbers: new Set(['+33180001001']) }) {
  let now = T;
  const records: Record<string, unknown>[] = [];
  const dialled: string[] = [];
  const journal: string[] = [];
  const pool = new AgentPool(() => {}, () => now);
  pool.login('A1', 'agent-a1', ['OUT']);
  const hopper = new LeadHopper([lead(0), lead(1), lead(2)]);
  const runner = new CampaignRunner(
    { id: 'out', code: 'OUT', orgId: 'org', timeZone: 'Europe/Paris', direction: 'outbound', partnershipId: 'p' },
    settingsWith({ mode: 'preview', status: 'stopped', callerId: '+33180001001' }),
    hopper,
    {
      telephony: { isConnected: true, dial: (user) => { dialled.push(user); return new Promise<DialResult>(() => {}); } },
      pool, record: (r) => records.push(r), journal: async (a) => { journal.push(...a.map((x) => x.phone)); }, callback: () => {}, callbackDone: () => {}, removeContact: () => {},
      records: () => ({ numbers: inventory.numbers, consents: new Map() }),
      // The first lead is on the organization's do-not-call list.
      dnc: () => ({ numbers: new Set([lead(0).phone]), listDate: T }), now: () => now,
    },
    new AbandonTally('campaign_day', 'Europe/Paris'),
  );
  return { runner, pool, hopper, records, dialled, journal, setNow: (t: number) => (now = t) };
}

describe('preview mode', () => {
  it('shows the agent the first lead the rules allow, and keeps showing it', () => {
    const { runner, pool, records } = previewRig();
    const shown = runner.preview.take('A1');
    expect(shown?.phone).toBe(lead(1).phone);
    expect(pool.get('A1')?.state).toBe('ringing');
    expect(records).toMatchObject([{ outcome: 'rejected_compliance', rule: 'dnc', phone: lead(0).phone }]);
    expect(runner.preview.take('A1')?.phone).toBe(lead(1).phone);
  });

  it('gives a skipped lead back and frees the agent', () => {
    const { runner, pool, hopper } = previewRig();
    const shown = runner.preview.take('A1')!;
    runner.preview.skip('A1');
    expect(pool.get('A1')?.state).toBe('available');
    expect(hopper.get(shown.phone)?.state).toBe('waiting');
    // « Fiche suivante » then shows another record: the one passed on went behind the others.
    const next = runner.preview.take('A1')!;
    expect(next.phone).not.toBe(shown.phone);
  });

  it('journals then dials the lead shown, with the agent', async () => {
    const { runner, dialled, journal } = previewRig();
    const shown = runner.preview.take('A1')!;
    await runner.preview.dial('A1');
    expect(journal).toEqual([shown.phone]);
    expect(dialled).toEqual([shown.phone]);
    expect(runner.snapshot()).toMatchObject({ ringing: 1, linesInUse: 1 });
  });

  it('checks the rules again at dial time: past calling hours the lead is recorded as refused, never dialled', async () => {
    const { runner, pool, records, dialled, setNow } = previewRig();
    runner.preview.take('A1');
    setNow(Date.UTC(2026, 11, 2, 19, 30)); // 20:30 in Paris
    await runner.preview.dial('A1');
    expect(dialled).toEqual([]);
    expect(records.at(-1)).toMatchObject({ outcome: 'rejected_compliance', rule: 'calling_hours', phone: lead(1).phone });
    expect(pool.get('A1')?.state).toBe('available');
  });

  it('refuses to dial for an agent who took no lead', async () => {
    const { runner } = previewRig();
    await expect(runner.preview.dial('A1')).rejects.toThrow(/no record taken in preview/);
  });

  it('refuses every lead while the caller ID is not in the inventory: recorded once, the leads kept, dialing again once it is', () => {
    const inventory = { numbers: new Set<string>() };
    const { runner, records, hopper } = previewRig(inventory);
    expect(runner.preview.take('A1')).toBeUndefined();
    expect(runner.preview.take('A1')).toBeUndefined();
    expect(records).toMatchObject([{ outcome: 'rejected_compliance', rule: 'caller_id_not_owned', phone: lead(0).phone }]);
    expect(hopper.counts(T)).toMatchObject({ done: 0 });
    inventory.numbers.add('+33180001001');
    expect(runner.preview.take('A1')?.phone).toBe(lead(1).phone);
  });
});
