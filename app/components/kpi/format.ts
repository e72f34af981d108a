// How KPI values read on screen: percentages, durations, counts, in the user's language.
import type { KpiValues } from '@/server/kpi/report';

export type KpiKey = keyof KpiValues;

export const PERCENT_KPIS: readonly KpiKey[] = ['service_level', 'abandon_rate', 'outbound_abandon_rate', 'contact_rate', 'conversion_rate', 'fcr', 'sal', 'occupancy', 'qa_score'];
export const DURATION_KPIS: readonly KpiKey[] = ['asa_seconds', 'aht_seconds', 'resolution_seconds_mean', 'resolution_seconds_median'];

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')}`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;
}

/**
 * `against`: the target or cap the value is read against. A value on the other side of it by less than the shown
 * precision gets the digits that tell them apart: 3.02 % over a 3 % cap reads « 3,02 % », not « 3 % » in red.
 */
export function formatKpi(key: KpiKey, value: number | null | undefined, locale: string, against?: number | null): string {
  if (value === null || value === undefined) return '—';
  if (PERCENT_KPIS.includes(key)) return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digitsApart(value * 100, against == null ? against : against * 100, 1) }).format(value);
  if (DURATION_KPIS.includes(key)) return formatDuration(value);
  if (key === 'nps') return new Intl.NumberFormat(locale, { maximumFractionDigits: digitsApart(value, against, 0), signDisplay: 'exceptZero' }).format(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: key === 'calls_per_agent_hour' ? 1 : 0 }).format(value);
}

/** The fraction digits (from `digits`, at most 3) at which `shown` and `against`, on the same scale, read apart. */
function digitsApart(shown: number, against: number | null | undefined, digits: number): number {
  if (against === null || against === undefined || shown === against) return digits;
  let d = digits;
  const rounded = (x: number) => Math.round(x * 10 ** d) / 10 ** d;
  while (d < 3 && rounded(shown) === rounded(against)) d++;
  return d;
}

/** A number of hours as the user's language writes it (a SAL window: 8, 7,5). */
export const formatHours = (hours: number, locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(hours);

/** Lower is better for these: a value at or under the target meets it. */
const LOWER_IS_BETTER: KpiKey[] = ['abandon_rate', 'outbound_abandon_rate', 'aht_seconds', 'asa_seconds', 'resolution_seconds_median', 'resolution_seconds_mean'];

export function meetsTarget(key: KpiKey, value: number | null, target: number | null | undefined): boolean | null {
  if (value === null || target === null || target === undefined) return null;
  return LOWER_IS_BETTER.includes(key) ? value <= target : value >= target;
}
