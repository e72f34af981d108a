// The survey inbox's export as an Excel workbook: real dates and numbers (Excel sorts and filters them), the
// header row frozen and bold. exceljs is loaded on demand: the inbox does not carry it until someone exports.
import type { CsvAnswer } from './survey-csv';

export async function surveyXlsx(header: readonly string[], rows: readonly CsvAnswer[], sheetName: string, timeZone = 'Europe/Paris'): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...header]).font = { bold: true };
  // Excel has no time zones: a date cell shows the wall-clock time of the campaign's zone.
  const wall = (ms: number) => {
    const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(ms).map((x) => [x.type, x.value]));
    return new Date(Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!));
  };
  for (const r of rows) sheet.addRow([wall(r.answered_at), r.campaign, r.agent, r.call_id, r.score, r.resolved, r.comment, r.source, r.status, r.owner, r.note]);
  sheet.getColumn(1).numFmt = 'dd/mm/yyyy hh:mm';
  sheet.columns.forEach((c, i) => { c.width = [17, 12, 16, 22, 6, 9, 60, 14, 12, 18, 40][i] ?? 14; });
  sheet.getColumn(7).alignment = { wrapText: true, vertical: 'top' };
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
