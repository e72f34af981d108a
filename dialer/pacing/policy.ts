// How many calls to launch now: ours (predictive, under the abandon cap) and progressive (the floor); see README.md.
import { ABANDON_CAP } from '../compliance/abandon-cap';
import { buildForecast, marginalDropProbability } from './forecast';
import { DEFAULT_PACING_CONFIG, type PacingConfig, type PacingState } from './state';

export type { PacingState, PacingConfig, PacingEstimates } from './state';
export { DEFAULT_PACING_CONFIG } from './state';

/** One call per idle agent not already covered by a ringing call: never more answers than idle agents. */
export function progressiveCallsToLaunch(state: Pick<PacingState, 'availableAgents' | 'ringing' | 'waitingCalls'>): number {
  return progressiveCount(state.availableAgents, state.waitingCalls, state.ringing.length);
}

export function progressiveCount(availableAgents: number, waitingCalls: number, ringingCalls: number): number {
  return Math.max(0, availableAgents - waitingCalls - ringingCalls);
}

const allowedDrops = (state: PacingState) => (state.abandonCap ?? ABANDON_CAP) * state.today.humanAnswered;

/** Drops still allowed today (cap × answered − dropped) beyond the reserve kept against the day's noise. */
export function spendableBudget(state: PacingState, config: PacingConfig): number {
  const allowed = allowedDrops(state);
  const reserve = config.reserveDrops + config.reserveSqrt * Math.sqrt(allowed);
  return allowed - state.today.dropped - reserve;
}

/**
 * The drop risk we accept for the last call of a decision: unspent budget raises it, overspend lowers it
 * exponentially, so the day's rate is pulled back to the target whichever way it drifts.
 */
export function acceptedDropRisk(state: PacingState, config: PacingConfig): number {
  const scale = config.budgetScaleDrops + config.budgetScaleSqrt * Math.sqrt(allowedDrops(state));
  const risk = config.baseDropRisk * Math.exp(spendableBudget(state, config) / scale);
  return Math.min(config.maxDropRisk, risk);
}

/**
 * Ours: the largest n such that the n-th new call, if answered, would be dropped with probability at most the
 * accepted risk, given the agents forecast free and the calls already ringing; never below the progressive floor.
 */
export function callsToLaunch(state: PacingState, config: PacingConfig = DEFAULT_PACING_CONFIG): number {
  const floor = progressiveCallsToLaunch(state);
  if (state.estimates.answerProbability <= 0) return floor;
  const accepted = acceptedDropRisk(state, config);
  const f = buildForecast(state, config);
  // marginalDropProbability(f, k) is the risk of call k + 1 given k others: it only grows with k, so bisect
  // for the last k whose risk is acceptable.
  const ok = (k: number) => marginalDropProbability(f, k) <= accepted;
  if (!ok(0)) return floor;
  let lo = 0;
  let hi = 1;
  while (hi < config.maxLaunchPerDecision && ok(hi)) {
    lo = hi;
    hi *= 2;
  }
  hi = Math.min(hi, config.maxLaunchPerDecision);
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  // ok(lo) means call lo + 1 is acceptable, hence lo + 1 calls.
  return Math.max(floor, Math.min(lo + 1, config.maxLaunchPerDecision));
}
