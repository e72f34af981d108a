// Short-horizon forecast for the predictive policy: agents free vs answers due, and the drop risk of one more call.
import { cdfTable, normalCdf, normalPdf, type CdfTable } from './distributions';
import type { PacingConfig, PacingState } from './state';

/** Checkpoint spacing: half the 2-s grace; finer steps were measured to change nothing but the run time. */
export const FORECAST_STEP_SECONDS = 1;
/** Variance added at every checkpoint for what the model leaves out (wrap spread after a talk, estimate error). */
const VARIANCE_FLOOR = 0.05;

export interface Forecast {
  /** Checkpoint times (seconds from now). */
  h: Float64Array;
  /** Agents free by h + grace, waiting calls already subtracted: mean and variance. */
  freeMean: Float64Array;
  freeVar: Float64Array;
  /** Third cumulant, for the skew of small counts. */
  freeK3: Float64Array;
  /** Answers by h from calls already ringing: mean and variance. */
  answersMean: Float64Array;
  answersVar: Float64Array;
  answersK3: Float64Array;
  /** P(a call dialled now is answered by h). */
  newCallAnswered: Float64Array;
}

/** Answered ring time, renormalised to the timeout: a call that is going to be answered is answered before it. */
function truncatedRing(table: CdfTable, timeout: number): (x: number) => number {
  const mass = Math.max(table.cdf(timeout), 1e-9);
  return (x) => Math.min(1, table.cdf(Math.min(x, timeout)) / mass);
}

export function buildForecast(state: PacingState, config: PacingConfig): Forecast {
  const { estimates } = state;
  const timeout = config.ringTimeoutSeconds;
  const grace = config.dropGraceSeconds;
  const k = Math.ceil((timeout + grace) / FORECAST_STEP_SECONDS);
  const h = new Float64Array(k);
  for (let i = 0; i < k; i++) h[i] = (i + 1) * FORECAST_STEP_SECONDS;

  const p = Math.min(1, Math.max(0, estimates.answerProbability));
  const ringCdf = truncatedRing(cdfTable(estimates.ringSeconds, 0.1, timeout * 2), timeout);
  const talk = cdfTable(estimates.talkSeconds, 1, Math.max(600, estimates.talkSeconds.mean * 12));
  const wrap = cdfTable(estimates.wrapSeconds, 0.25, Math.max(120, estimates.wrapSeconds.mean * 12));
  const wrapMean = estimates.wrapSeconds.mean;

  const freeMean = new Float64Array(k).fill(state.availableAgents - state.waitingCalls);
  const freeVar = new Float64Array(k);
  const freeK3 = new Float64Array(k);
  const addFree = (q: number, i: number) => {
    const v = q * (1 - q);
    freeMean[i] = freeMean[i]! + q;
    freeVar[i] = freeVar[i]! + v;
    freeK3[i] = freeK3[i]! + v * (1 - 2 * q);
  };
  for (const agent of state.wrapUp) {
    const known = agent.remainingSeconds;
    const ends = wrap.given(agent.elapsedSeconds);
    for (let i = 0; i < k; i++) {
      const t = h[i]! + grace;
      addFree(known !== undefined ? (t >= known ? 1 : 0) : ends(t), i);
    }
  }
  for (const agent of state.onCall) {
    // The wrap that follows the talk is taken at its mean: over a ~20-s horizon its spread matters far less
    // than whether the talk ends at all.
    const ends = talk.given(agent.talkSeconds);
    for (let i = 0; i < k; i++) {
      const s = h[i]! + grace - wrapMean;
      if (s > 0) addFree(ends(s), i);
    }
  }

  const answersMean = new Float64Array(k);
  const answersVar = new Float64Array(k);
  const answersK3 = new Float64Array(k);
  for (const call of state.ringing) {
    const a = call.ringSeconds;
    if (a >= timeout) continue;
    const f0 = ringCdf(a);
    // Bayes: having rung a seconds without an answer lowers the chance this one is a person.
    const denom = p * (1 - f0) + (1 - p);
    if (denom <= 0) continue;
    for (let i = 0; i < k; i++) {
      const q = (p * (ringCdf(a + h[i]!) - f0)) / denom;
      const v = q * (1 - q);
      answersMean[i] = answersMean[i]! + q;
      answersVar[i] = answersVar[i]! + v;
      answersK3[i] = answersK3[i]! + v * (1 - 2 * q);
    }
  }

  const newCallAnswered = new Float64Array(k);
  for (let i = 0; i < k; i++) newCallAnswered[i] = p * ringCdf(h[i]!);

  return { h, freeMean, freeVar, freeK3, answersMean, answersVar, answersK3, newCallAnswered };
}

/**
 * P(Z <= x) for an integer sum of independent Bernoulli terms, x already continuity-corrected: the refined normal
 * approximation (normal plus a skewness term), which matters when a few agents face a few likely answers.
 */
export function skewedNormalCdf(x: number, variance: number, k3: number): number {
  const sd = Math.sqrt(variance);
  const z = x / sd;
  const gamma = k3 / (variance * sd);
  const p = normalCdf(z) + (gamma * (1 - z * z) * normalPdf(z)) / 6;
  return Math.min(1, Math.max(0, p));
}

/**
 * Probability that one more call dialled now, if a person answers it, finds no agent within the grace, when n
 * other new calls go out with it: a person answering at h is dropped when the answers before them already
 * claim every agent free by h + grace.
 */
export function marginalDropProbability(f: Forecast, n: number): number {
  let total = 0;
  let prev = 0;
  const last = f.newCallAnswered[f.h.length - 1]!;
  if (last <= 0) return 0;
  for (let i = 0; i < f.h.length; i++) {
    const q = f.newCallAnswered[i]!;
    const weight = (q - prev) / last;
    prev = q;
    if (weight <= 0) continue;
    const v = q * (1 - q);
    const mu = f.answersMean[i]! + n * q - f.freeMean[i]!;
    const variance = f.answersVar[i]! + n * v + f.freeVar[i]! + VARIANCE_FLOOR;
    // Z = answers − free agents: the free agents enter with a minus sign, and so does their skew.
    const k3 = f.answersK3[i]! + n * v * (1 - 2 * q) - f.freeK3[i]!;
    // The call is dropped when the claims reach the free agents: P(Z >= 0) = 1 − P(Z <= −1).
    total += weight * (1 - skewedNormalCdf(-0.5 - mu, variance, k3));
  }
  return Math.min(1, total);
}
