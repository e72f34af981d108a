// Pure: KPI rows as CSV (RFC 4180), raw values so spreadsheets can compute on them; empty when no data.
import type { KpiValues } from './report';

export const REPORT_COLUMNS: (keyof KpiValues)[] = [
  'offered', 'connected', 'abandoned', 'attempts', 'service_level', 'asa_seconds', 'abandon_rate', 'outbound_abandon_rate',
  'contact_rate', 'conversion_rate', 'aht_seconds', 'nps', 'nps_responses', 'resolution_seconds_mean',
  'resolution_seconds_median', 'fcr', 'sal', 'occupancy', 'calls_per_agent_hour',
];

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(Math.round(value * 1e6) / 1e6) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function kpiCsv(firstColumn: string, rows: { label: string; values: Partial<KpiValues> }[], columns = REPORT_COLUMNS): string {
  const lines = [[firstColumn, ...columns].map(cell).join(',')];
  for (const row of rows) lines.push([row.label, ...columns.map((c) => row.values[c])].map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
