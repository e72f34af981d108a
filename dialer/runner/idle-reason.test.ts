import { describe, expect, it } from 'vitest';
import { idleReason, type IdleInput, type IdleSnapshot } from './idle-reason';

const PARIS = 'Europe/Paris';
/** Tuesday 10 March 2026, 11:00 in Paris (UTC+1): inside the French calling hours. */
const OPEN = Date.UTC(2026, 2, 10, 10, 0);
const live = (over: Partial<IdleSnapshot> = {}): IdleSnapshot => ({
  sipConnected: true, blocked: null, linesInUse: 0,
  agents: { available: 1, ringing: 0, on_call: 0, wrapup: 0, paused: 0 },
  leads: { total: 10, due: 5, inFlight: 0, scheduled: 0 },
  ...over,
});
const input = (over: Partial<IdleInput> = {}): IdleInput => ({
  now: OPEN, direction: 'outbound', timeZone: PARIS, noDialer: null, live: live(),
  settings: { status: 'running', mode: 'progressive', profile: 'france', window: null, callerId: '+33180001001' },
  ...over,
});

describe('why a running campaign does not dial', () => {
  it('says nothing of a campaign that is not set to run, or that dials', () => {
    expect(idleReason(input({ settings: { ...input().settings, status: 'paused' } }))).toBeNull();
    expect(idleReason(input())).toBeNull();
    expect(idleReason(input({ live: live({ linesInUse: 3, leads: { total: 10, due: 0, inFlight: 3, scheduled: 7 } }) }))).toBeNull();
  });

  it('names the missing dialer, the SIP proxy down, the missing number and a compliance block, in that order', () => {
    expect(idleReason(input({ noDialer: 'no SIP proxy configured', live: null }))).toEqual({ kind: 'no_dialer', detail: 'no SIP proxy configured' });
    expect(idleReason(input({ live: live({ sipConnected: false }), settings: { ...input().settings, callerId: null } }))).toEqual({ kind: 'sip_down' });
    expect(idleReason(input({ settings: { ...input().settings, callerId: null } }))).toEqual({ kind: 'no_caller_id' });
    expect(idleReason(input({ live: live({ blocked: 'do-not-call list is 40 days old' }) }))).toEqual({ kind: 'blocked', detail: 'do-not-call list is 40 days old' });
  });

  it('outside the calling hours, says when they open again in the campaign’s zone', () => {
    // Saturday 7 March 2026, 15:00 in Paris: Monday 9 March, 10:00 Paris (09:00 UTC).
    expect(idleReason(input({ now: Date.UTC(2026, 2, 7, 14, 0) }))).toEqual({ kind: 'outside_hours', resumesAt: Date.UTC(2026, 2, 9, 9, 0) });
    // Tuesday's lunch break, 13:30: 14:00 the same day.
    expect(idleReason(input({ now: Date.UTC(2026, 2, 10, 12, 30) }))).toEqual({ kind: 'outside_hours', resumesAt: Date.UTC(2026, 2, 10, 13, 0) });
    // Friday 3 April 2026 after 20:00: Easter Monday (6 April) is a public holiday, Tuesday 7 April 10:00 (UTC+2).
    expect(idleReason(input({ now: Date.UTC(2026, 3, 3, 18, 30) }))).toEqual({ kind: 'outside_hours', resumesAt: Date.UTC(2026, 3, 7, 8, 0) });
    // Calling hours widened to every day 08:00–22:00: Saturday afternoon dials.
    const widened = { days: [1, 2, 3, 4, 5, 6, 7], ranges: [[480, 1320]] as [number, number][], skipFrenchHolidays: false, reason: 'consent' };
    expect(idleReason(input({ now: Date.UTC(2026, 2, 7, 14, 0), settings: { ...input().settings, window: widened } }))).toBeNull();
    // The hours are an outbound rule: an inbound line open on Saturday takes calls.
    expect(idleReason(input({ direction: 'inbound', now: Date.UTC(2026, 2, 7, 14, 0) }))).toBeNull();
  });

  it('says when nobody can take a call', () => {
    expect(idleReason(input({ live: live({ agents: { available: 0, ringing: 0, on_call: 0, wrapup: 0, paused: 0 } }) }))).toEqual({ kind: 'no_agent' });
    expect(idleReason(input({ live: live({ agents: { available: 0, ringing: 0, on_call: 0, wrapup: 0, paused: 2 } }) }))).toEqual({ kind: 'all_paused' });
    // Busy agents are not a reason: the campaign dials as they free up.
    expect(idleReason(input({ live: live({ agents: { available: 0, ringing: 0, on_call: 2, wrapup: 1, paused: 1 } }) }))).toBeNull();
  });

  it('says when there is nothing to dial, and when the next lead falls due', () => {
    expect(idleReason(input({ live: live({ leads: { total: 0, due: 0, inFlight: 0, scheduled: 0 } }) }))).toEqual({ kind: 'no_leads' });
    expect(idleReason(input({ live: live({ leads: { total: 4, due: 0, inFlight: 0, scheduled: 0 } }) }))).toEqual({ kind: 'no_leads' });
    // Leads held by a rule (the 72-h rest after an abandoned call) are not "nothing left".
    expect(idleReason(input({ live: live({ leads: { total: 4, due: 0, inFlight: 0, scheduled: 0, held: 2 } }), nextDueAt: OPEN + 60_000 }))).toEqual({ kind: 'no_lead_due', nextDueAt: OPEN + 60_000 });
    const next = OPEN + 3_600_000;
    expect(idleReason(input({ live: live({ leads: { total: 4, due: 0, inFlight: 0, scheduled: 2 } }), nextDueAt: next }))).toEqual({ kind: 'no_lead_due', nextDueAt: next });
    expect(idleReason(input({ live: live({ leads: { total: 4, due: 0, inFlight: 0, scheduled: 2 } }), nextDueAt: Infinity }))).toEqual({ kind: 'no_lead_due', nextDueAt: null });
  });
});
