// Rejected rows as a CSV the client opens in Excel: BOM, `;`, reason first; cells through the one CSV writer.
import { csvLine, UTF8_BOM } from '@/server/csv/write';
import type { RejectedRow } from './accumulator';

export function rejectedCsvHeader(headers: string[]): string {
  return UTF8_BOM + csvLine(['row', 'reason', 'detail', ...headers]);
}

export function rejectedCsvLine(r: RejectedRow): string {
  return csvLine([String(r.row), r.reason, r.detail, ...r.cells]);
}
