// The customers a simulated campaign dials, drawn once from the seed, so every policy dials the very same people.
import type { DurationEstimate } from '../distributions';
import { lognormal, mulberry32, type Rng } from '../random';

export interface TraceParams {
  seed: number;
  answerRate: number;
  /** Ring time of the calls a person answers. */
  ringSeconds: DurationEstimate;
  /** Unanswered calls ring until the dialler gives up. */
  ringTimeoutSeconds: number;
  talkSeconds: DurationEstimate;
  /**
   * Talk times of real calls: when given, each customer's talk time is one of them, drawn uniformly (a bootstrap
   * of the real distribution, tail and all) instead of the lognormal `talkSeconds`, which then only describes it.
   */
  talkSample?: readonly number[];
  wrapSeconds: DurationEstimate;
}

export interface Customer {
  answered: boolean;
  /** When the call resolves: the answer, or the timeout for an unanswered call. */
  ringSeconds: number;
  talkSeconds: number;
  wrapSeconds: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Generated lazily but always with the same number of draws per customer, so customer k never depends on who asked. */
export class CustomerTrace {
  private readonly rng: Rng;
  private readonly customers: Customer[] = [];

  constructor(readonly params: TraceParams) {
    this.rng = mulberry32(params.seed);
  }

  get(index: number): Customer {
    while (this.customers.length <= index) this.customers.push(this.draw());
    return this.customers[index]!;
  }

  private draw(): Customer {
    const p = this.params;
    const answered = this.rng() < p.answerRate;
    const ring = clamp(lognormal(this.rng, p.ringSeconds.mean, p.ringSeconds.sd), 1, p.ringTimeoutSeconds - 0.5);
    // One draw for a sampled talk time, two for a lognormal one: fixed either way within a trace.
    const talk = p.talkSample?.length
      ? p.talkSample[Math.floor(this.rng() * p.talkSample.length)]!
      : clamp(lognormal(this.rng, p.talkSeconds.mean, p.talkSeconds.sd), 5, 3600);
    const wrap = clamp(lognormal(this.rng, p.wrapSeconds.mean, p.wrapSeconds.sd), 1, 300);
    return { answered, ringSeconds: answered ? ring : p.ringTimeoutSeconds, talkSeconds: talk, wrapSeconds: wrap };
  }
}
