// The pacing's start-of-day prior from the campaign's previous days (pure): its customers' answer rate and
// ring time, its agents' talk and wrap times. Without enough history, the weak default prior.
import type { PacingHistoryRow } from '@/clickhouse/queries/dialer';
import { DEFAULT_PRIOR, type EstimatorPrior } from '@/dialer/pacing/estimator';

/** Calls of history needed before they speak for the campaign; and what the prior is then worth, in calls. */
export const MIN_HISTORY = 50;
export const HISTORY_WEIGHT = 20;

const positive = (x: number | null | undefined) => (x !== null && x !== undefined && Number.isFinite(x) && x > 0 ? x : undefined);

function duration(mean: number | null, sd: number | null, fallback: { mean: number; sd: number }) {
  const m = positive(mean);
  // A spread of zero would make the lognormal model certain; keep at least a tenth of the mean.
  return m === undefined ? fallback : { mean: m, sd: Math.max(m / 10, positive(sd) ?? 0) };
}

/**
 * Worth HISTORY_WEIGHT calls, so the day's own calls take over within the first hour: enough to start near the
 * campaign's real answer rate instead of 50 %, not so much that a change of list goes unnoticed.
 */
export function priorFromHistory(row: PacingHistoryRow | undefined): EstimatorPrior {
  const resolved = Number(row?.resolved ?? 0);
  if (!row || resolved < MIN_HISTORY) return { ...DEFAULT_PRIOR, weight: 2 };
  const connected = Number(row.connected);
  return {
    answerProbability: Number(row.answered) / resolved,
    ringSeconds: duration(row.ring_mean, row.ring_sd, DEFAULT_PRIOR.ringSeconds),
    talkSeconds: connected > 0 ? duration(row.talk_mean, row.talk_sd, DEFAULT_PRIOR.talkSeconds) : DEFAULT_PRIOR.talkSeconds,
    wrapSeconds: connected > 0 ? duration(row.wrap_mean, row.wrap_sd, DEFAULT_PRIOR.wrapSeconds) : DEFAULT_PRIOR.wrapSeconds,
    weight: HISTORY_WEIGHT,
  };
}
