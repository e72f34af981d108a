// Rejected rows as a CSV the client opens in Excel: BOM, `;`, RFC 4180 quoting, reason first.
import type { RejectedRow } from './accumulator';

const quote = (v: string) => (/[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function rejectedCsvHeader(headers: string[]): string {
  return '\uFEFF' + ['row', 'reason', 'detail', ...headers].map(quote).join(';') + '\r\n';
}

export function rejectedCsvLine(r: RejectedRow): string {
  return [String(r.row), r.reason, r.detail, ...r.cells].map(quote).join(';') + '\r\n';
}
