// Talk times of the connected calls among a dataset's converted records: the real distributions the pacing bench
// can replay (`bench:pacing -- --talk uci|bank`) instead of its lognormal model.
import type { DurationEstimate } from '@/dialer/pacing/distributions';

/** Seconds from connection to end of every connected call; calls logged with no talk at all are left out. */
export function connectedTalkSeconds(records: readonly Record<string, unknown>[]): number[] {
  const out: number[] = [];
  for (const r of records) {
    if (r.outcome !== 'connected' || typeof r.connected_at !== 'string' || typeof r.ended_at !== 'string') continue;
    const seconds = (Date.parse(r.ended_at) - Date.parse(r.connected_at)) / 1000;
    if (seconds > 0) out.push(seconds);
  }
  return out;
}

export function meanAndSd(xs: readonly number[]): DurationEstimate {
  if (!xs.length) throw new Error('no durations');
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length;
  return { mean, sd: Math.sqrt(variance) };
}
