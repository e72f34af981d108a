import { describe, expect, it } from 'vitest';
import { OK, step, type RuleState } from './evaluate';
import { alertValueOf, breaches, LEGAL_RULE, thresholdFromInput, thresholdToInput, type RuleCondition } from './kpis';
import type { KpiValues } from '@/server/kpi/report';

const MIN = 60_000;
const T0 = Date.parse('2026-12-07T09:00:00Z');
const slBelow70 = (duration_minutes: number) => ({ comparison: 'below' as const, threshold: 0.7, duration_minutes });

/** Feeds readings [minutes after T0, value] to the rule, returning each step's transition and the last state. */
function run(rule: Pick<RuleCondition, 'comparison' | 'threshold' | 'duration_minutes'>, readings: [number, number | null][], from: RuleState = OK) {
  let state = from;
  const transitions: string[] = [];
  let nextCheckAt: number | null = null;
  for (const [minute, value] of readings) {
    const s = step(rule, state, value, T0 + minute * MIN);
    state = s.state;
    nextCheckAt = s.nextCheckAt;
    transitions.push(s.transition.kind);
  }
  return { state, transitions, nextCheckAt };
}

describe('an alert rule, one reading at a time', () => {
  it('opens at once for a duration of 0, and clears at once when the value is back', () => {
    const r = run(slBelow70(0), [[0, 0.8], [1, 0.62], [2, 0.55], [3, 0.6], [4, 0.71]]);
    expect(r.transitions).toEqual(['none', 'open', 'worse', 'none', 'clear']);
    expect(r.state).toEqual(OK);
  });

  it('keeps the value at opening and the worst one, with when', () => {
    const r = run(slBelow70(0), [[1, 0.62], [2, 0.55], [3, 0.6]]);
    expect(r.state).toEqual({ phase: 'open', since: T0 + MIN, openedAt: T0 + MIN, value: 0.62, worst: 0.55, worstAt: T0 + 2 * MIN, recoveringSince: null });
  });

  it('opens a duration rule only once the breach has lasted it, counted from the first reading in breach', () => {
    const r = run(slBelow70(15), [[0, 0.65], [5, 0.6], [14, 0.6]]);
    expect(r.transitions).toEqual(['pending', 'none', 'none']);
    expect(r.state).toEqual({ phase: 'pending', since: T0 });
    // The evaluator is told when to look again without any new call.
    expect(r.nextCheckAt).toBe(T0 + 15 * MIN);
    const at = step(slBelow70(15), r.state, 0.6, T0 + 15 * MIN);
    expect(at.transition.kind).toBe('open');
    expect(at.state).toMatchObject({ phase: 'open', since: T0, openedAt: T0 + 15 * MIN, value: 0.6 });
  });

  it('never opens for a KPI flapping around its threshold faster than the duration: each return starts the count again', () => {
    const r = run(slBelow70(15), [[0, 0.65], [10, 0.72], [12, 0.66], [20, 0.71], [24, 0.69], [38, 0.7], [40, 0.6]]);
    expect(r.transitions).toEqual(['pending', 'reset', 'pending', 'reset', 'pending', 'reset', 'pending']);
    expect(r.state).toEqual({ phase: 'pending', since: T0 + 40 * MIN });
  });

  it('keeps one alert open while the KPI flaps after opening, and clears it once back for the duration', () => {
    const r = run(slBelow70(15), [[0, 0.6], [15, 0.6], [20, 0.75], [30, 0.65], [31, 0.8], [40, 0.8], [45, 0.9], [46, 0.9]]);
    expect(r.transitions).toEqual(['pending', 'open', 'recovering', 'relapse', 'recovering', 'none', 'none', 'clear']);
    expect(r.state).toEqual(OK);
  });

  it('tells when the recovery will be over', () => {
    const r = run(slBelow70(15), [[0, 0.6], [15, 0.6], [20, 0.75]]);
    expect(r.state).toMatchObject({ phase: 'open', recoveringSince: T0 + 20 * MIN });
    expect(r.nextCheckAt).toBe(T0 + 35 * MIN);
  });

  it('reads no data as no breach: nothing opens on an empty day, an open alert recovers', () => {
    expect(run(slBelow70(0), [[0, null]]).transitions).toEqual(['none']);
    expect(run(slBelow70(0), [[0, 0.5], [1, null]]).transitions).toEqual(['open', 'clear']);
  });

  it('is strict at the threshold, in both directions', () => {
    expect(breaches({ comparison: 'below', threshold: 0.7 }, 0.7)).toBe(false);
    expect(breaches({ comparison: 'below', threshold: 0.7 }, 0.6999)).toBe(true);
    expect(breaches(LEGAL_RULE, 0.03)).toBe(false);
    expect(breaches(LEGAL_RULE, 0.0301)).toBe(true);
    const above = run({ comparison: 'above', threshold: 30, duration_minutes: 0 }, [[0, 25], [1, 40], [2, 50], [3, 45], [4, 30]]);
    expect(above.transitions).toEqual(['none', 'open', 'worse', 'none', 'clear']);
  });
});

describe('what a rule reads and how its threshold is typed', () => {
  const kpis = { service_level: 0.624, outbound_abandon_rate: 0.041 } as KpiValues;
  it('reads the live figures, and the queue from the dialer when there is one', () => {
    expect(alertValueOf('service_level', { kpis, queue: null })).toBe(0.624);
    expect(alertValueOf('callers_waiting', { kpis, queue: null })).toBeNull();
    expect(alertValueOf('longest_wait_seconds', { kpis, queue: { waiting: 3, longestWaitSeconds: 95 } })).toBe(95);
  });
  it('types percentages in %, stores them as fractions; seconds as they are', () => {
    expect(thresholdFromInput('service_level', 70)).toBe(0.7);
    expect(thresholdToInput('service_level', 0.7)).toBe(70);
    expect(thresholdToInput('abandon_rate', 0.035)).toBe(3.5);
    expect(thresholdFromInput('asa_seconds', 30)).toBe(30);
  });
});
