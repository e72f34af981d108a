// Campaigns dialled for real: the dialer (sip.js in Node) through Kamailio to the SIPp customer mix, agents'
// phones registered as sip.js endpoints, every record written through the ingest service into chDB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenancy, type Campaign } from '@/clickhouse/queries/tenancy';
import { addContacts, addDncList, agentStates, journalIds, openRig, storedCalls, until, type Rig } from './testing/rig';
import { windowOpenInParisNow } from './testing/test-window';

let rig: Rig;

// The mix's last digit: 0-3 answer and talk 2 s once bridged, 4 busy, 5 never answers, 6 rejects (503), 7 hangs up at once.
const num = (i: number, digit: number) => `+3361${String(i).padStart(6, '0')}${digit}`;
const retry = { delayMinutes: { busy: 0.05, no_answer: null, failed: null, voicemail: null, abandoned: 72 * 60, connected: null }, maxAttempts: 2, recycleOutcomes: [], recycleAfterDays: null };
const fast = { ringTimeoutSeconds: 15, wrapSeconds: 1, messageSeconds: 1, window: windowOpenInParisNow(), retry };

beforeAll(async () => { rig = await openRig(['ACME-OUT', 'HORIZON-OUT'], ['A1', 'A2', 'A3', 'A4']); }, 60_000);
afterAll(() => rig?.close());

const settled = async (campaign: Campaign) => {
  const r = await rig.dialer.runner(campaign.id);
  const c = r.hopper.counts(Date.now());
  // Nothing left to dial within the next minute (the calling-hours deferral reaches further).
  return c.due === 0 && c.inFlight === 0 && r.idle && r.hopper.nextDueAt() > Date.now() + 60_000;
};

describe('a progressive campaign against the customer mix', { timeout: 120_000 }, () => {
  const leads = [0, 1, 2, 3, 4, 5, 6, 7].map((d) => num(1, d));
  const dnc = num(2, 0);
  const abroad = '+64211234560';

  it('writes one record per attempt with the outcome and durations the customer produced', async () => {
    const { engine, dialer } = rig;
    const acmeOut = rig.campaigns['ACME-OUT']!;
    await addContacts(engine.ch, acmeOut, [...leads.map((phone) => ({ phone })), { phone: dnc }, { phone: abroad, country: 'NZ' }]);
    const orgId = (await tenancy.organizationsOfKind(engine.ch, 'outsourcer'))[0]!.id;
    await addDncList(engine.ch, orgId, [dnc]);
    await dialer.configure(acmeOut.id, { ...fast, mode: 'progressive', status: 'running' }, 'test');
    await until(() => settled(acmeOut), 90_000, 'the campaign to work its list');
    await dialer.configure(acmeOut.id, { status: 'paused' }, 'test');
    await dialer.flush();

    const calls = await storedCalls(engine.ch, acmeOut.id);
    const of = (phone: string) => calls.filter((c) => c.phone === phone);
    // Exactly one record per dialled attempt, and a record for each refused dial.
    const dialled = calls.filter((c) => c.outcome !== 'rejected_compliance');
    expect(new Set(dialled.map((c) => c.id))).toEqual(new Set(await journalIds(engine.ch, acmeOut.id)));

    for (const d of [0, 1, 2, 3]) {
      const [c, ...more] = of(num(1, d));
      expect(more).toHaveLength(0);
      expect(c).toMatchObject({ outcome: 'connected', dropped: 0 });
      expect(['A1', 'A2']).toContain(c!.agent);
      expect(c!.answered_at! - c!.started_at).toBeGreaterThanOrEqual(900); // rings 1 s
      expect(c!.connected_at! - c!.answered_at!).toBeLessThan(2000); // the 2-s rule
      expect(c!.ended_at - c!.connected_at!).toBeGreaterThanOrEqual(1900); // talks 2 s once bridged
      expect(c!.wrap_seconds).toBeGreaterThanOrEqual(0.9);
    }
    const busy = of(num(1, 4));
    expect(busy.map((c) => c.outcome)).toEqual(['busy', 'busy']);
    expect(busy[1]!.started_at - busy[0]!.ended_at).toBeGreaterThanOrEqual(3000); // busy: retried after the rule's delay
    const [silent] = of(num(1, 5));
    expect(silent).toMatchObject({ outcome: 'no_answer', answered_at: null });
    expect(silent!.ended_at - silent!.started_at).toBeGreaterThanOrEqual(15_000); // never less than 15 s of ringing
    expect(of(num(1, 6)).map((c) => c.outcome)).toEqual(['failed']);
    expect(of(num(1, 7))[0]).toMatchObject({ outcome: 'connected' });
    // Blocks are recorded with their rule, no call placed.
    expect(of(dnc)).toEqual([expect.objectContaining({ outcome: 'rejected_compliance', rule: 'dnc' })]);
    expect(of(abroad)).toEqual([expect.objectContaining({ outcome: 'rejected_compliance', rule: 'calling_hours' })]);
    // The calling-hours block is a deferral, not an end: the contact is tried when its hours open.
    const lead = (await dialer.runner(acmeOut.id)).hopper.get(abroad)!;
    expect(lead.state).toBe('waiting');
    expect(lead.nextAt).toBeGreaterThan(Date.now());

    // Agents' states were recorded as they moved.
    const states = await agentStates(engine.ch, 'A1');
    expect(states.slice(0, 5)).toEqual(['available', 'ringing', 'on_call', 'wrapup', 'available']);
  });
});

describe('a predictive campaign against the customer mix', { timeout: 150_000 }, () => {
  it('dials ahead of agents, drops stay answered-and-released, and every attempt has exactly one record', async () => {
    const { engine, dialer } = rig;
    const horizonOut = rig.campaigns['HORIZON-OUT']!;
    const leads = Array.from({ length: 40 }, (_, i) => num(100 + i, [0, 4, 6, 1, 5, 6, 4, 2, 6, 7][i % 10]!));
    await addContacts(engine.ch, horizonOut, leads.map((phone) => ({ phone })));
    await dialer.configure(horizonOut.id, { ...fast, mode: 'predictive', status: 'running' }, 'test');
    await until(() => settled(horizonOut), 140_000, 'the predictive campaign to finish');
    await dialer.flush();
    const calls = await storedCalls(engine.ch, horizonOut.id);
    expect(new Set(calls.map((c) => c.id))).toEqual(new Set(await journalIds(engine.ch, horizonOut.id)));
    expect(calls.length).toBe(new Set(calls.map((c) => c.id)).size);
    // Predictive means more calls at once than the 2 agents at some point: read from the records, not sampled
    // from the runner (a loaded machine polls too seldom to catch a short peak).
    expect(mostAtOnce(calls)).toBeGreaterThan(2);
    for (const c of calls) {
      const digit = Number(c.phone.at(-1));
      if (digit === 4) expect(c.outcome).toBe('busy');
      else if (digit === 6) expect(c.outcome).toBe('failed');
      else if (digit === 5) expect(c.outcome).toBe('no_answer');
      else {
        expect(['connected', 'abandoned']).toContain(c.outcome);
        if (c.outcome === 'abandoned') {
          // Answered, nobody free within 2 s: the message leg, released by the dialer about 1 s later.
          expect(c.agent).toBe('');
          expect(c.dropped).toBe(1);
          expect(c.ended_at - c.answered_at!).toBeLessThan(digit === 7 ? 1500 : 2000 + 1000 + 1500);
        } else expect(['A3', 'A4']).toContain(c.agent);
      }
    }
    // Never two attempts on one number at once.
    const byPhone = new Map<string, typeof calls>();
    for (const c of calls) byPhone.set(c.phone, [...(byPhone.get(c.phone) ?? []), c]);
    for (const attempts of byPhone.values()) {
      for (let i = 1; i < attempts.length; i++) expect(attempts[i]!.started_at).toBeGreaterThanOrEqual(attempts[i - 1]!.ended_at);
    }
    // The dialer's own tally is the KPI engine's: drops over calls answered by a person.
    const snap = (await dialer.runner(horizonOut.id)).snapshot();
    expect(snap.dropped).toBe(calls.filter((c) => c.dropped === 1).length);
  });
});

/** The most calls in progress at one instant (an end and a start at the same millisecond do not overlap). */
function mostAtOnce(calls: { started_at: number; ended_at: number }[]): number {
  const edges = calls.flatMap((c) => [[c.started_at, 1], [c.ended_at, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, step] of edges) most = Math.max(most, (now += step));
  return most;
}
