// The simulator replaying real talk times (the UCI outbound campaign), and ours holding the cap on them although
// its forecast models talk as lognormal: real calls are more skewed (median 181 s, mean 257 s, sd 255 s).
import { describe, expect, it } from 'vitest';
import { readTalkSample } from '@/scripts/datasets/talk-sample';
import { ABANDON_CAP } from '../../compliance/abandon-cap';
import { DEFAULT_PRIOR } from '../estimator';
import { adaptiveBaselinePolicy, oursPolicy, progressivePolicy } from './sim-policies';
import { DEFAULT_SCENARIO, simulate, type Scenario } from './simulator';
import { CustomerTrace } from './trace';

const slow = { timeout: 60_000 };
const uci = readTalkSample('uci');
const scenario = (over: Partial<Scenario> = {}): Scenario => ({
  ...DEFAULT_SCENARIO, agents: 10, answerRate: 0.3, seed: 21, shiftSeconds: 2 * 3600,
  talkSeconds: uci.seconds, talkSample: uci.sample, ...over,
});

describe('pacing on real talk times', () => {
  it('gives every customer one of the real talk times, spread over the whole sample', () => {
    const trace = new CustomerTrace(scenario());
    const real = new Set(uci.sample);
    const drawn = Array.from({ length: 20_000 }, (_, k) => trace.get(k).talkSeconds);
    expect(drawn.every((t) => real.has(t))).toBe(true);
    const mean = drawn.reduce((a, t) => a + t, 0) / drawn.length;
    // 20,000 draws: the standard error of the mean is under 2 s.
    expect(Math.abs(mean - uci.seconds.mean)).toBeLessThan(8);
    expect(Math.max(...drawn)).toBeGreaterThan(2000);
  });

  it('ours stays under 3 % abandon, above progressive, and above the adaptive baseline at low answer rates', slow, () => {
    for (const answerRate of [0.15, 0.3, 0.6]) {
      const s = scenario({ answerRate });
      const trace = new CustomerTrace(s);
      const ours = simulate(s, oursPolicy({ prior: { ...DEFAULT_PRIOR, talkSeconds: uci.seconds } }), trace);
      const prog = simulate(s, progressivePolicy(), trace);
      const adaptive = simulate(s, adaptiveBaselinePolicy('HARD_LIMIT'), trace);
      expect(ours.human_answered).toBeGreaterThan(200);
      expect(ours.abandon_rate).toBeLessThanOrEqual(ABANDON_CAP);
      expect(ours.occupancy).toBeGreaterThan(prog.occupancy);
      // At 60 % the baseline's occupancy comes close to ours on a short day, but at several times the cap.
      if (answerRate < 0.5) expect(ours.occupancy).toBeGreaterThan(adaptive.occupancy);
      else expect(adaptive.abandon_rate).toBeGreaterThan(ABANDON_CAP);
    }
  });
});
