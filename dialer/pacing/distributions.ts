// Lognormal duration model for the pacing forecast, tabulated so 'ends within s seconds?' is cheap to ask often.
import { lognormalParams } from './random';

/** Mean and standard deviation of a duration in seconds; the shape is taken as lognormal. */
export interface DurationEstimate {
  mean: number;
  sd: number;
}

/** Abramowitz–Stegun 7.1.26; absolute error below 1.5e-7, plenty for probabilities we sum over a few hundred agents. */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * ax);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-ax * ax);
  return sign * y;
}

export function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

export function lognormalCdf(x: number, est: DurationEstimate): number {
  if (x <= 0) return 0;
  if (est.sd <= 0) return x >= est.mean ? 1 : 0;
  const { mu, sigma } = lognormalParams(est.mean, est.sd);
  return normalCdf((Math.log(x) - mu) / sigma);
}

/** Hazard rate far in the upper tail, where survival ~ pdf / (z / (sigma x)). */
function lognormalTailHazard(x: number, est: DurationEstimate): number {
  if (est.sd <= 0) return 1e6;
  const { mu, sigma } = lognormalParams(est.mean, est.sd);
  const z = (Math.log(x) - mu) / sigma;
  return Math.max(z, 1) / (sigma * x);
}

/** CDF sampled on a fixed step; linear interpolation between points, 1 beyond the end. */
export class CdfTable {
  private readonly values: Float64Array;

  constructor(
    readonly est: DurationEstimate,
    readonly step: number,
    readonly end: number,
  ) {
    const n = Math.ceil(end / step) + 1;
    this.values = new Float64Array(n);
    for (let i = 0; i < n; i++) this.values[i] = lognormalCdf(i * step, est);
  }

  cdf(x: number): number {
    if (x <= 0) return 0;
    const pos = x / this.step;
    const i = Math.floor(pos);
    if (i >= this.values.length - 1) return lognormalCdf(x, this.est);
    const a = this.values[i]!;
    return a + (this.values[i + 1]! - a) * (pos - i);
  }

  /** P(X <= x + s | X > x): the chance something already running for x seconds ends within s more. */
  endsWithin(x: number, s: number): number {
    return this.given(x)(s);
  }

  /** endsWithin(x, ·) with the work that depends on x done once, for callers that ask about many s. */
  given(x: number): (s: number) => number {
    const f0 = this.cdf(x);
    const tail = 1 - f0;
    // Deep in the tail the table difference is all rounding error; the lognormal hazard (Mills ratio) is not.
    if (tail < 1e-4) {
      const hazard = lognormalTailHazard(x, this.est);
      return (s) => (s <= 0 ? 0 : 1 - Math.exp(-hazard * s));
    }
    return (s) => (s <= 0 ? 0 : Math.min(1, Math.max(0, (this.cdf(x + s) - f0) / tail)));
  }
}

const cache = new Map<string, CdfTable>();

/** Tables are memoised per (mean, sd, step, end): estimates change slowly, decisions come several times a second. */
export function cdfTable(est: DurationEstimate, step: number, end: number): CdfTable {
  const key = `${est.mean.toFixed(3)}|${est.sd.toFixed(3)}|${step}|${end}`;
  let table = cache.get(key);
  if (!table) {
    if (cache.size > 256) cache.clear();
    table = new CdfTable(est, step, end);
    cache.set(key, table);
  }
  return table;
}
