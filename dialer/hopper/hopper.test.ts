import { describe, expect, it } from 'vitest';
import { LeadHopper, type Lead } from './lead-hopper';
import { DEFAULT_RETRY_RULES, nextStep } from './retry-rules';

const MIN = 60_000;
const lead = (phone: string, rank: number, extra: Partial<Lead> = {}): Lead => ({
  phone, name: phone, timeZones: ['Europe/Paris'], attempts: 0, attemptTimes: [], history: {}, nextAt: 0, state: 'waiting', rank, ...extra,
});

describe('retry rules', () => {
  it('busy after 10 min, no answer after 2 h, a reached contact is finished', () => {
    expect(nextStep('busy', 0, 1)).toEqual({ kind: 'retry', at: 10 * MIN });
    expect(nextStep('no_answer', 0, 1)).toEqual({ kind: 'retry', at: 120 * MIN });
    expect(nextStep('abandoned', 0, 1)).toEqual({ kind: 'retry', at: 72 * 60 * MIN });
    expect(nextStep('connected', 0, 1)).toEqual({ kind: 'done', reason: 'reached' });
  });

  it('exhausts a lead after its attempts, recycles no-answers once after a week', () => {
    const max = DEFAULT_RETRY_RULES.maxAttempts;
    expect(nextStep('no_answer', 0, max)).toEqual({ kind: 'retry', at: 7 * 1440 * MIN });
    expect(nextStep('no_answer', 0, max + 1)).toEqual({ kind: 'retry', at: 120 * MIN });
    expect(nextStep('no_answer', 0, 2 * max)).toEqual({ kind: 'done', reason: 'exhausted' });
    expect(nextStep('failed', 0, max)).toEqual({ kind: 'done', reason: 'exhausted' }); // failed is not recyclable
  });
});

describe('the lead hopper', () => {
  it('never hands out a lead twice at once, and gives fresh leads in list order', () => {
    const h = new LeadHopper([lead('+2', 2), lead('+1', 1), lead('+3', 3)]);
    expect([h.take(0)?.phone, h.take(0)?.phone, h.take(0)?.phone, h.take(0)]).toEqual(['+1', '+2', '+3', undefined]);
    expect(h.counts(0)).toMatchObject({ inFlight: 3, due: 0 });
  });

  it('schedules the next attempt by outcome and counts attempts for the 30-day cap', () => {
    const h = new LeadHopper([lead('+1', 1)]);
    h.take(0);
    const l = h.settle('+1', 'busy', 1000);
    expect(l).toMatchObject({ attempts: 1, attemptTimes: [1000], nextAt: 1000 + 10 * MIN, state: 'waiting' });
    expect(h.take(1000 + 10 * MIN - 1)).toBeUndefined();
    expect(h.take(1000 + 10 * MIN)?.phone).toBe('+1');
  });

  it('puts due callbacks first, and keeps a personal callback for its agent', () => {
    const h = new LeadHopper([lead('+1', 1), lead('+2', 2)]);
    h.take(0);
    h.settle('+1', 'connected', 0, { callbackAt: 5 * MIN, agent: 'A2' });
    expect(h.take(5 * MIN, 'A1')?.phone).toBe('+2'); // A1 does not get A2's callback
    h.putBack('+2');
    expect(h.take(5 * MIN, 'A2')?.phone).toBe('+1');
  });

  it('a lead skipped in preview goes behind the other due leads; a callback keeps its place', () => {
    const h = new LeadHopper([lead('+1', 1), lead('+2', 2), lead('+3', 3)]);
    expect(h.take(0)?.phone).toBe('+1');
    h.skip('+1', 0);
    expect([h.take(0)?.phone, h.take(0)?.phone, h.take(0)?.phone]).toEqual(['+2', '+3', '+1']);
    // A retry skipped goes behind the retries due by now.
    const r = new LeadHopper([lead('+4', 4, { attempts: 1, nextAt: 10 }), lead('+5', 5, { attempts: 1, nextAt: 20 })]);
    expect(r.take(100)?.phone).toBe('+4');
    r.skip('+4', 100);
    expect(r.take(100)?.phone).toBe('+5');
    // A personal callback stays first for its agent.
    const c = new LeadHopper([lead('+6', 6), lead('+7', 7)]);
    c.take(0);
    c.settle('+6', 'connected', 0, { callbackAt: MIN, agent: 'A1' });
    expect(c.take(MIN, 'A1')?.phone).toBe('+6');
    c.skip('+6', MIN);
    expect(c.take(MIN, 'A1')?.phone).toBe('+6');
  });

  it('an abandoned call rests the number 72 h; a refusal removes it', () => {
    const h = new LeadHopper([lead('+1', 1), lead('+2', 2)]);
    h.take(0);
    h.take(0);
    expect(h.settle('+1', 'abandoned', 0).history.lastAbandonedAt).toBe(0);
    expect(h.settle('+2', 'connected', 0, { remove: 'not_interested' })).toMatchObject({ state: 'done', doneReason: 'not_interested' });
  });

  it('a compliance refusal defers to when the rule allows, or ends the lead', () => {
    const h = new LeadHopper([lead('+1', 1), lead('+2', 2)]);
    h.take(0);
    h.take(0);
    expect(h.defer('+1', 3600_000, 'calling_hours')).toMatchObject({ state: 'waiting', nextAt: 3600_000, attempts: 0 });
    expect(h.defer('+2', undefined, 'opt_out')).toMatchObject({ state: 'done', doneReason: 'opt_out' });
    expect(h.nextDueAt()).toBe(3600_000);
  });

  it('counts a lead deferred by a rule as held, not scheduled, and a stop puts it back as it was', () => {
    const h = new LeadHopper([lead('+1', 1), lead('+2', 2), lead('+3', 3)]);
    h.take(0);
    h.settle('+1', 'busy', 0); // a retry the campaign scheduled, in 10 min
    h.take(0);
    h.defer('+2', 3600_000, 'calling_hours'); // outside calling hours until 01:00
    expect(h.counts(MIN)).toMatchObject({ due: 1, scheduled: 1, held: 1 });
    // Refused again (another rule, later): still held, and still due from where it was before the first hold.
    expect(h.take(3600_000)?.phone).toBe('+2');
    h.defer('+2', 7200_000, 'abandon_rest');
    expect(h.counts(3600_000)).toMatchObject({ held: 1, due: 2 });
    // The campaign stops: the held lead is due as before the rule held it; the retry keeps its time.
    expect(h.releaseHolds()).toBe(1);
    expect(h.counts(MIN)).toMatchObject({ due: 2, scheduled: 1, held: 0 });
    expect(h.get('+2')).toMatchObject({ nextAt: 0, hold: undefined });
    // An attempt made ends the hold: what follows is the retry rules' schedule.
    h.defer('+2', 3600_000, 'calling_hours');
    h.take(3600_000);
    expect(h.settle('+2', 'no_answer', 3600_000).hold).toBeUndefined();
  });

  it('a lead in flight when the state was saved is waiting again after a rebuild', () => {
    const h = new LeadHopper([lead('+1', 1, { state: 'in_flight' })]);
    expect(h.take(0)?.phone).toBe('+1');
  });

  it('takes in a list imported while the campaign runs, and drops waiting leads taken out of it', () => {
    const h = new LeadHopper([lead('+1', 1), lead('+2', 2), lead('+3', 3)]);
    h.take(0); // +1 in flight
    h.settle(h.take(0)!.phone, 'busy', 0); // +2 retried later
    expect(h.merge([lead('+2', 2, { attempts: 0 }), lead('+4', 4)])).toEqual({ added: 1, removed: 1 });
    expect(h.get('+1')?.state).toBe('in_flight'); // an attempt in progress keeps its own ending
    expect(h.get('+2')).toMatchObject({ attempts: 1, state: 'waiting' }); // what the hopper knew is kept
    expect(h.get('+3')).toMatchObject({ state: 'done', doneReason: 'removed' });
    expect(h.take(0)?.phone).toBe('+4');
  });

  it('counts what the client\'s other campaigns did with a number', () => {
    const h = new LeadHopper([lead('+1', 1, { attemptTimes: [5], history: { refusedAt: 10 } })]);
    h.noteElsewhere('+1', { attemptAt: 20, refusedAt: 7, optedOutAt: 30, abandonedAt: 25 });
    expect(h.get('+1')).toMatchObject({ attemptTimes: [5, 20], history: { refusedAt: 10, optedOutAt: 30, lastAbandonedAt: 25 } });
    h.noteElsewhere('+9', { attemptAt: 1 }); // not a lead here: nothing to do
    expect(h.get('+9')).toBeUndefined();
  });

  it('a contact who calls back and reaches an agent is done; a callback they asked for is kept; a refusal ends the lead', () => {
    const h = new LeadHopper([lead('+1', 1), lead('+2', 2), lead('+3', 3), lead('+4', 4)]);
    expect(h.calledIn('+1', 100, { reached: true })).toMatchObject({ state: 'done', doneReason: 'called_in', lastOutcome: 'connected' });
    expect(h.calledIn('+2', 100, { reached: true, callbackAt: 5_000, agent: 'A1' })).toMatchObject({ state: 'waiting', callback: { at: 5_000, agent: 'A1' } });
    expect(h.calledIn('+3', 100, { reached: true, remove: 'not_interested' })).toMatchObject({ state: 'done', doneReason: 'not_interested' });
    expect(h.calledIn('+4', 100, { reached: false })).toMatchObject({ state: 'waiting' }); // hung up in the queue
    expect(h.take(0)?.phone).toBe('+4');
    expect(h.calledIn('+4', 200, { reached: true })?.state).toBe('in_flight'); // being dialled: the attempt decides
  });
});
