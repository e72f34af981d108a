// Settings → API keys end to end, and the report and agent comparison pages with their CSV exports.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay, subDays } from 'date-fns';
import { E2E_API_KEY } from './playwright.config';
import { screenshotPath, signInAndWaitHome, pickCampaign } from './helpers';

test('an admin creates a key, the key works on the API once shown, and revoking it shuts it out', async ({ page, request }) => {
  await signInAndWaitHome(page, 'admin@callpro.test');
  await page.goto('/settings');
  await page.getByTestId('key-name').fill('CTI e2e');
  await page.getByRole('button', { name: 'Créer une clé' }).click();
  const key = (await page.getByTestId('new-key').textContent())!.trim();
  expect(key).toMatch(/^rk_/);
  const call = { kind: 'call', id: `key-${Date.now()}`, campaign: 'HORIZON-OUT', direction: 'outbound', started_at: new Date(Date.now() - 60_000).toISOString(), ended_at: new Date().toISOString(), outcome: 'no_answer' };
  const ok = await request.post('/api/v1/ingest', { headers: { authorization: `Bearer ${key}` }, data: JSON.stringify(call) });
  expect(await ok.json()).toEqual({ accepted: 1, rejected: [] });
  await page.reload();
  const row = page.getByTestId('key-table').locator('tr', { hasText: 'CTI e2e' });
  await expect(row).not.toContainText('Jamais');
  await expect(page.getByText(key)).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('settings-api-keys'), fullPage: true });
  await row.getByRole('button', { name: 'Révoquer' }).click();
  await expect(row).toContainText('Révoquée');
  const refused = await request.post('/api/v1/ingest', { headers: { authorization: `Bearer ${key}` }, data: JSON.stringify(call) });
  expect(refused.status()).toBe(401);
});

test('the manager reads the campaign report and the agent comparison, and exports both', async ({ page, request }) => {
  await signInAndWaitHome(page, 'manager@callpro.test');
  await page.goto('/report');
  await pickCampaign(page, 'ACME-IN');
  await expect(page.getByTestId('report-table')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId('report-export').click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  // For French Excel: `;`, headers in French, decimal commas; the total row's service level is a number (0,83…).
  const lines = csv.split('\r\n');
  expect(lines[0]).toMatch(/^\ufeff?Jour;Appels présentés;Appels traités;/);
  const header = lines[0]!.replace('\ufeff', '').split(';');
  const total = lines.find((l) => l.startsWith('Total;'))!.split(';');
  expect(total[header.indexOf('Taux de service')]).toMatch(/^(0|1)(,\d+)?$/);
  expect(csv).toMatch(/;\d+,\d+;/);
  // The export's total, read as French Excel reads it, is the public API's figure over the same days (the report's
  // default: the last seven days of the campaign's calendar, Paris).
  const today = new TZDate(Date.now(), 'Europe/Paris');
  const from = new Date(startOfDay(subDays(today, 6)).getTime()).toISOString();
  const to = new Date(startOfDay(addDays(today, 1)).getTime()).toISOString();
  const api = await request.get(`/api/v1/kpis?campaign=ACME-IN&from=${from}&to=${to}`, { headers: { authorization: `Bearer ${E2E_API_KEY}` } });
  expect(api.status(), await api.text()).toBe(200);
  const kpis = (await api.json()) as { offered: number; service_level: number; aht_seconds: number };
  const frenchNumber = (cell: string) => Number(cell.replace(',', '.'));
  expect(frenchNumber(total[header.indexOf('Appels présentés')]!)).toBe(kpis.offered);
  expect(frenchNumber(total[header.indexOf('Taux de service')]!)).toBeCloseTo(kpis.service_level, 6);
  expect(frenchNumber(total[header.findIndex((h) => h.startsWith('DMT'))]!)).toBeCloseTo(kpis.aht_seconds, 3);
  // The workbook for Excel: the same total as typed cells (a rate as a percentage, a day as a date).
  const [xlsxFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-export-xlsx').click()]);
  const xlsx = readFileSync((await xlsxFile.path())!);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const titles = (sheet.getRow(1).values as unknown[]).slice(1);
  const slColumn = titles.indexOf('Taux de service') + 1;
  const totalRow = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === 'Total')!;
  expect(totalRow.getCell(titles.indexOf('Appels présentés') + 1).value).toBe(kpis.offered);
  expect(totalRow.getCell(slColumn).value as number).toBeCloseTo(kpis.service_level, 9);
  expect(sheet.getColumn(slColumn).numFmt).toBe('0.0%');
  expect(sheet.getRow(2).getCell(1).value).toBeInstanceOf(Date);
  await page.screenshot({ path: screenshotPath('campaign-report'), fullPage: true });
  // Days read and are typed the French way, whatever the browser's language (this one is American English).
  await expect(page.getByTestId('report-to')).toHaveValue(/^\d{1,2} \p{L}+\.? \d{4}$/u);
  // An inverted range says so instead of loading forever.
  await page.getByTestId('report-from').fill('01/01/2099');
  await expect(page.getByTestId('range-inverted')).toContainText('La date de fin précède la date de début');

  await page.goto('/agents');
  await expect(page.getByTestId('agents-table')).toBeVisible();
  await expect(page.getByTestId('agent-row')).toHaveCount(12);
  // Names sort from A on the first click, numbers in their order (Agent 2 before Agent 10); the second click reverses.
  const byNumber = Array.from({ length: 12 }, (_, i) => `Agent ${i + 1} A${i + 1}`);
  const names = page.getByTestId('agent-row').locator('td:first-child');
  await page.getByTestId('sort-name').click();
  await expect(names).toHaveText(byNumber);
  await page.getByTestId('sort-name').click();
  await expect(names).toHaveText([...byNumber].reverse());
  const agentsCsv = page.waitForEvent('download');
  await page.getByTestId('agents-export').click();
  const agentLines = readFileSync(await (await agentsCsv).path(), 'utf8').split('\r\n').filter(Boolean);
  expect(agentLines).toHaveLength(13);
  // The page's columns in the report's words; the queue's measures (service level, abandon) are no agent's.
  expect(agentLines[0]).toMatch(/^\ufeff?Agent;Appels traités;DMT;Taux de transformation;NPS;/);
  expect(agentLines[0]).not.toMatch(/Taux de service|abandon/i);
  // Each agent is read against the targets all campaigns share (the demo's: AHT 5 min, NPS +30), and said so.
  await expect(page.getByTestId('agents-targets')).toContainText('DMT 5 min 00 · NPS +30');
  const a1 = (kpi: string) => page.getByTestId(`agent-A1-${kpi}`);
  await expect(a1('aht_seconds')).toHaveAttribute('data-met', /^(true|false)$/);
  await expect(a1('nps')).toHaveAttribute('data-met', /^(true|false)$/);
  await expect(a1('occupancy')).toHaveAttribute('data-met', 'none');
  await page.screenshot({ path: screenshotPath('agent-comparison'), fullPage: true });
});
