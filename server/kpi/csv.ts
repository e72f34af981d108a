// Pure: KPI rows as CSV (RFC 4180), raw values so spreadsheets can compute on them; empty when no data.
import { csvLine } from '@/server/csv/write';
import type { KpiValues } from './report';

export const REPORT_COLUMNS: (keyof KpiValues)[] = [
  'offered', 'connected', 'abandoned', 'attempts', 'service_level', 'asa_seconds', 'abandon_rate', 'outbound_abandon_rate',
  'contact_rate', 'conversion_rate', 'aht_seconds', 'nps', 'nps_responses', 'resolution_seconds_mean',
  'resolution_seconds_median', 'fcr', 'qa_score', 'qa_evaluations', 'sal', 'sal_attempted', 'sal_contacts', 'sal_window_hours', 'occupancy', 'calls_per_agent_hour',
];

/** The agent comparison's columns: SAL is a campaign's list penetration, it means nothing per agent. */
export const AGENT_COLUMNS = REPORT_COLUMNS.filter((c) => c !== 'sal' && !c.startsWith('sal_'));

export function kpiCsv(firstColumn: string, rows: { label: string; values: Partial<KpiValues> }[], columns = REPORT_COLUMNS): string {
  const round = (v: number | null | undefined) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v);
  return [[firstColumn, ...columns], ...rows.map((row) => [row.label, ...columns.map((c) => round(row.values[c]))])]
    .map((values) => csvLine(values, ','))
    .join('');
}
