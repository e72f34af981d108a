// KPI rows as an Excel workbook: the same columns and raw values as the CSV (server/kpi/csv.ts), but typed — rates
// as percentages Excel computes on, days as real dates — with the header row frozen and bold. exceljs is loaded on
// demand: a page does not carry it until someone exports.
import type { KpiValues } from '@/server/kpi/report';
import { DURATION_KPIS, PERCENT_KPIS, type KpiKey } from './format';

export interface KpiSheetRow {
  /** A day (a real date cell, dd/mm/yyyy) or a name (the total, an agent). */
  label: Date | string;
  values: Partial<KpiValues>;
  /** The total's row, in bold. */
  bold?: boolean;
}

export async function kpiXlsx(sheetName: string, firstColumn: string, rows: readonly KpiSheetRow[], columns: readonly KpiKey[], header: (c: KpiKey) => string): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  sheet.addRow([firstColumn, ...columns.map(header)]).font = { bold: true };
  for (const r of rows) {
    const row = sheet.addRow([r.label, ...columns.map((c) => (typeof r.values[c] === 'number' ? r.values[c] : null))]);
    if (r.bold) row.font = { bold: true };
  }
  sheet.getColumn(1).numFmt = 'dd/mm/yyyy';
  sheet.getColumn(1).width = 22;
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 2);
    column.width = Math.max(10, Math.min(28, header(c).length + 2));
    if (PERCENT_KPIS.includes(c)) column.numFmt = '0.0%';
    else if (c === 'calls_per_agent_hour') column.numFmt = '0.0';
    else if (DURATION_KPIS.includes(c)) column.numFmt = '0';
  });
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

/** A campaign day (yyyy-mm-dd of its calendar) as the date cell Excel shows for it: Excel has no time zones. */
export const excelDay = (isoDay: string): Date => new Date(`${isoDay}T00:00:00Z`);
