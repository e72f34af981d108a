// Pure: KPI rows as CSV (RFC 4180), raw values so spreadsheets can compute on them; empty when no data. In French
// (the default for people) as French Excel opens it: `;` between cells and a decimal comma; in English `,` and a point.
import { csvCell, csvLine } from '@/server/csv/write';
import type { KpiValues } from './report';

export const REPORT_COLUMNS: (keyof KpiValues)[] = [
  'offered', 'connected', 'abandoned', 'attempts', 'service_level', 'asa_seconds', 'abandon_rate', 'outbound_abandon_rate',
  'contact_rate', 'conversion_rate', 'aht_seconds', 'nps', 'nps_responses', 'resolution_seconds_mean',
  'resolution_seconds_median', 'fcr', 'qa_score', 'qa_evaluations', 'sal', 'sal_attempted', 'sal_contacts', 'sal_window_hours', 'occupancy', 'calls_per_agent_hour',
];

/**
 * The agent comparison's columns, on the page and in its exports. A queue's or a list's measures mean nothing per
 * agent and are left out: a caller who abandons, waits or is dropped by the dialer reached no agent (service level,
 * ASA, abandon rates), contact rate is the list's and the dialer's, SAL the list's penetration.
 */
export const AGENT_COLUMNS: (keyof KpiValues)[] = [
  'connected', 'aht_seconds', 'conversion_rate', 'nps', 'nps_responses', 'qa_score', 'qa_evaluations',
  // Cases credited to the agent whose call resolved them (docs/kpis.md).
  'resolution_seconds_mean', 'resolution_seconds_median', 'fcr',
  'occupancy', 'calls_per_agent_hour', 'offered', 'attempts',
];

export interface CsvFormat {
  locale: 'fr' | 'en';
  /** A column's header in the reader's language (the KPI's key when not given). */
  header?: (column: keyof KpiValues) => string;
}

export function kpiCsv(firstColumn: string, rows: { label: string; values: Partial<KpiValues> }[], columns = REPORT_COLUMNS, format: CsvFormat = { locale: 'fr' }): string {
  const separator = format.locale === 'fr' ? ';' : ',';
  // A number stays a number to Excel (never quoted nor neutralized): in French its decimal point becomes a comma.
  const figure = (v: number | null | undefined) => {
    if (typeof v !== 'number') return '';
    const rounded = String(Math.round(v * 1e6) / 1e6);
    return format.locale === 'fr' ? rounded.replace('.', ',') : rounded;
  };
  const header = csvLine([firstColumn, ...columns.map((c) => format.header?.(c) ?? c)], separator);
  const lines = rows.map((row) => `${[csvCell(row.label, separator), ...columns.map((c) => figure(row.values[c]))].join(separator)}\r\n`);
  return [header, ...lines].join('');
}
