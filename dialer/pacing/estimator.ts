// Running estimates of answer rate and ring/talk/wrap times, corrected for what is still running early in a day.
import { cdfTable, type DurationEstimate } from './distributions';
import type { PacingEstimates, PacingState } from './state';

/** Welford mean/variance with a prior worth `weight` observations. */
class RunningDuration {
  n: number;
  sum: number;
  private mean: number;
  private m2: number;

  constructor(prior: DurationEstimate, readonly weight: number) {
    this.n = weight;
    this.sum = prior.mean * weight;
    this.mean = prior.mean;
    this.m2 = prior.sd * prior.sd * weight;
  }

  add(x: number): void {
    this.n += 1;
    this.sum += x;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
  }

  value(): DurationEstimate {
    return { mean: this.mean, sd: Math.sqrt(this.m2 / this.n) };
  }

  /**
   * The mean counting durations still running (the exponential MLE under right-censoring): early in a day the
   * finished ones are the short ones, and a talk-time estimate built on them alone would free agents far too
   * soon. The spread keeps the finished ones' coefficient of variation.
   */
  withRunning(elapsed: readonly number[]): DurationEstimate {
    const plain = this.value();
    if (!elapsed.length) return plain;
    let open = 0;
    for (const e of elapsed) open += e;
    const mean = Math.max(plain.mean, (this.sum + open) / this.n);
    return { mean, sd: (plain.sd / plain.mean) * mean };
  }
}

export interface EstimatorPrior extends PacingEstimates {
  /** How many observations the prior is worth. */
  weight: number;
}

/** A weak prior: a handful of observations, so the day's own calls take over within minutes. */
export const DEFAULT_PRIOR: EstimatorPrior = {
  answerProbability: 0.5,
  ringSeconds: { mean: 10, sd: 5 },
  talkSeconds: { mean: 180, sd: 120 },
  wrapSeconds: { mean: 10, sd: 3 },
  weight: 4,
};

/** Wilson score interval, upper end. */
export function wilsonUpper(successes: number, trials: number, z: number): number {
  if (trials <= 0) return 1;
  const phat = successes / trials;
  const z2 = z * z;
  const centre = phat + z2 / (2 * trials);
  const margin = z * Math.sqrt((phat * (1 - phat)) / trials + z2 / (4 * trials * trials));
  return Math.min(1, (centre + margin) / (1 + z2 / trials));
}

export class PacingEstimator {
  private answered: number;
  private resolved: number;
  private readonly ring: RunningDuration;
  private readonly talk: RunningDuration;
  private readonly wrap: RunningDuration;
  /** Answered ring times waiting for their launch cohort to be complete (see callResolved). */
  private readonly pendingRings: { launchedAt: number; ringSeconds: number }[] = [];
  private pendingHead = 0;

  /**
   * The answer rate is reported at the upper end of its confidence interval (z standard errors): over-estimating
   * it only makes us dial fewer calls, under-estimating it at the start of a day floods every agent at once.
   */
  constructor(
    prior: EstimatorPrior = DEFAULT_PRIOR,
    private readonly z = 2,
    private readonly ringTimeoutSeconds = 20,
  ) {
    this.answered = prior.answerProbability * prior.weight;
    this.resolved = prior.weight;
    this.ring = new RunningDuration(prior.ringSeconds, prior.weight);
    this.talk = new RunningDuration(prior.talkSeconds, prior.weight);
    this.wrap = new RunningDuration(prior.wrapSeconds, prior.weight);
  }

  /**
   * A dialled call ended its ringing at time `at`: answered by a person after `ringSeconds`, or not at all.
   * Its ring time is only learnt once every call launched with it has had its full ring: before that only the
   * quick answers of the cohort are in, which would make answers look faster than they are.
   */
  callResolved(answered: boolean, ringSeconds: number, at: number): void {
    this.resolved += 1;
    if (answered) {
      this.answered += 1;
      this.pendingRings.push({ launchedAt: at - ringSeconds, ringSeconds });
    }
  }

  talkEnded(seconds: number): void {
    this.talk.add(seconds);
  }

  wrapEnded(seconds: number): void {
    this.wrap.add(seconds);
  }

  private learnCompleteCohorts(now: number): void {
    // Launch times are not quite in resolution order, so the cut is approximate by a ring time at most.
    while (this.pendingHead < this.pendingRings.length && this.pendingRings[this.pendingHead]!.launchedAt + this.ringTimeoutSeconds <= now) {
      this.ring.add(this.pendingRings[this.pendingHead++]!.ringSeconds);
    }
    if (this.pendingHead > 4096) {
      this.pendingRings.splice(0, this.pendingHead);
      this.pendingHead = 0;
    }
  }

  /**
   * Answer rate counting the calls still ringing too: a call that has rung for a while without an answer is
   * evidence of a no-answer well before its timeout; without this the first minutes only see the quick answers.
   * Each ringing call counts as the share of its answer chance already used up, with the current posterior.
   */
  private answerRate(ringing: readonly { ringSeconds: number }[]): number {
    const ring = cdfTable(this.ring.value(), 0.1, 60);
    let p = this.answered / this.resolved;
    let used = 0;
    const f: number[] = ringing.map((c) => ring.cdf(c.ringSeconds));
    for (const x of f) used += x;
    if (used <= 0) return wilsonUpper(this.answered, this.resolved, this.z);
    // A few fixed-point steps: the answers we still expect from ringing calls depend on p itself.
    for (let it = 0; it < 4; it++) {
      let stillExpected = 0;
      for (const x of f) stillExpected += (p * (1 - x)) / (p * (1 - x) + (1 - p));
      const trials = this.resolved + ringing.length;
      p = Math.min(1, Math.max(1e-4, (this.answered + stillExpected) / trials));
    }
    // Information: resolved calls count fully, ringing ones by how much of their answer chance has elapsed.
    const n = this.resolved + used;
    return wilsonUpper(p * n, n, this.z);
  }

  /**
   * Estimates at time `now`, given what is still running. Rounded so that estimates which barely moved map onto
   * the same memoised distribution tables; the rounding is far below the estimates' own sampling error.
   */
  estimates(now: number, live: Pick<PacingState, 'ringing' | 'onCall' | 'wrapUp'> = { ringing: [], onCall: [], wrapUp: [] }): PacingEstimates {
    this.learnCompleteCohorts(now);
    const round = (d: DurationEstimate, unit: number): DurationEstimate => ({
      mean: Math.round(d.mean / unit) * unit,
      sd: Math.max(unit, Math.round(d.sd / unit) * unit),
    });
    return {
      answerProbability: Math.round(this.answerRate(live.ringing) * 1000) / 1000,
      ringSeconds: round(this.ring.value(), 0.1),
      talkSeconds: round(this.talk.withRunning(live.onCall.map((a) => a.talkSeconds)), 1),
      wrapSeconds: round(this.wrap.withRunning(live.wrapUp.map((a) => a.elapsedSeconds)), 0.1),
    };
  }
}
