import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { surveyXlsx } from './survey-xlsx';

describe('surveyXlsx', () => {
  it('writes dates as Paris wall-clock dates and scores as numbers, under a bold header', async () => {
    const header = ['Date', 'Campagne', 'Agent', 'Appel', 'Note', 'Résolu', 'Verbatim', 'Source', 'Suivi', 'Responsable', 'Note de suivi'];
    const row = { answered_at: Date.UTC(2026, 11, 5, 13, 26), campaign: 'ACME-IN', agent: 'Agent 2', call_id: 'c-1', score: 3, resolved: 'Non',
      comment: '« Trois transferts ; et toujours rien »', source: 'Outil du client', status: 'Nouveau', owner: '', note: '' };
    const buffer = await surveyXlsx(header, [row], 'Enquêtes');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer);
    const sheet = book.getWorksheet('Enquêtes')!;
    expect(sheet.getRow(1).getCell(7).value).toBe('Verbatim');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    // 13:26 UTC is 14:26 in Paris in December.
    expect((sheet.getRow(2).getCell(1).value as Date).toISOString()).toBe('2026-12-05T14:26:00.000Z');
    expect(sheet.getRow(2).getCell(5).value).toBe(3);
    expect(sheet.getRow(2).getCell(7).value).toBe(row.comment);
    expect(sheet.rowCount).toBe(2);
  });
});
