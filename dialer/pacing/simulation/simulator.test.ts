// Simulator tests: reproducibility, shared traces, bookkeeping, and ours under the cap on a small campaign.
import { describe, expect, it } from 'vitest';
import { ABANDON_CAP } from '../../compliance/abandon-cap';
import { oursKnowingAgentsPolicy, oursKnowingAnswersPolicy } from './oracle-policies';
import { adaptiveBaselinePolicy, allPolicies, clairvoyantPolicy, oursPolicy, progressivePolicy } from './sim-policies';
import { DEFAULT_SCENARIO, simulate, type Scenario } from './simulator';
import { CustomerTrace } from './trace';

const scenario = (over: Partial<Scenario> = {}): Scenario => ({ ...DEFAULT_SCENARIO, agents: 10, answerRate: 0.3, seed: 11, shiftSeconds: 1800, ...over });
// Each simulation takes well under a second alone; the margin is for a machine busy with other work.
const slow = { timeout: 30_000 };

describe('simulator', () => {
  it('replays the same day from the same seed, and another day from another seed', slow, () => {
    const a = simulate(scenario(), oursPolicy());
    const b = simulate(scenario(), oursPolicy());
    expect(b).toEqual(a);
    const c = simulate(scenario({ seed: 12 }), oursPolicy());
    expect(c).not.toEqual(a);
    expect(simulate(scenario(), adaptiveBaselinePolicy('TAPERED'))).toEqual(simulate(scenario(), adaptiveBaselinePolicy('TAPERED')));
  });

  it('gives every policy the same customers in the same order', slow, () => {
    const t1 = new CustomerTrace(scenario());
    const t2 = new CustomerTrace(scenario());
    // Asking in a different order must not change who customer k is.
    const late = t2.get(500);
    for (let k = 0; k <= 500; k++) expect(t1.get(k)).toEqual(k === 500 ? late : t2.get(k));
  });

  it('progressive never drops; the clairvoyant bound neither, at any answer rate, and keeps agents busy', slow, () => {
    for (const answerRate of [0.15, 0.3, 0.6]) {
      const s = scenario({ shiftSeconds: 3600, answerRate });
      const trace = new CustomerTrace(s);
      const prog = simulate(s, progressivePolicy(), trace);
      const bound = simulate(s, clairvoyantPolicy(), trace);
      expect(prog.dropped).toBe(0);
      expect(bound.dropped).toBe(0);
      expect(bound.occupancy).toBeGreaterThan(0.98);
      expect(bound.occupancy).toBeGreaterThan(prog.occupancy);
    }
  });

  it('measures occupancy as PRODUCT §4 does: handling ÷ (handling + available), for every policy', slow, () => {
    const s = scenario({ answerRate: 0.15 });
    const trace = new CustomerTrace(s);
    for (const policy of [...allPolicies(), oursKnowingAgentsPolicy(), oursKnowingAnswersPolicy()]) {
      const r = simulate(s, policy, trace);
      // With no pauses, logged-in time is handling plus available time; available time is the idle time between calls.
      const available = r.mean_wait_seconds * r.connected;
      const handling = r.occupancy * s.agents * s.shiftSeconds;
      expect(handling / (handling + available)).toBeCloseTo(r.occupancy, 9);
    }
  });

  it('keeps its books straight: occupancy in [0, 1], connected = answered − dropped − still waiting', slow, () => {
    const r = simulate(scenario(), oursPolicy());
    expect(r.occupancy).toBeGreaterThan(0);
    expect(r.occupancy).toBeLessThanOrEqual(1);
    expect(r.connected).toBeLessThanOrEqual(r.human_answered - r.dropped);
    expect(r.connected).toBeGreaterThanOrEqual(r.human_answered - r.dropped - 10);
    expect(r.dials).toBeGreaterThanOrEqual(r.human_answered);
  });

  it('ours holds the 3 % abandon cap on a small campaign and beats progressive', slow, () => {
    const s = scenario({ agents: 20, answerRate: 0.2, shiftSeconds: 2 * 3600, seed: 5 });
    const trace = new CustomerTrace(s);
    const ours = simulate(s, oursPolicy(), trace);
    const prog = simulate(s, progressivePolicy(), trace);
    expect(ours.human_answered).toBeGreaterThan(400);
    expect(ours.abandon_rate).toBeLessThanOrEqual(ABANDON_CAP);
    expect(ours.occupancy).toBeGreaterThan(prog.occupancy + 0.1);
  });
});
