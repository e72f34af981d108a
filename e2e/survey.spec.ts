// A customer answers the survey of their call on the public page from a phone, then the quality analyst finds the
// answer in the survey inbox. The call comes through the ingest API; its link through the survey-links API.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { screenshotPath, signInAndWaitHome } from './helpers';
import { E2E_API_KEY } from './playwright.config';

const auth = { authorization: `Bearer ${E2E_API_KEY}` };

test('a customer answers on a phone, the quality analyst reads it in the inbox', async ({ browser, request }) => {
  const id = `e2e-survey-${Date.now()}`;
  const start = Date.now() - 5 * 60_000;
  const call = { kind: 'call', id, campaign: 'ACME-IN', direction: 'inbound', agent: 'A1', phone: '+33612345678',
    started_at: new Date(start).toISOString(), connected_at: new Date(start + 5_000).toISOString(), ended_at: new Date(start + 120_000).toISOString(), outcome: 'connected' };
  expect((await request.post('/api/v1/ingest', { headers: { ...auth, 'content-type': 'application/x-ndjson' }, data: JSON.stringify(call) })).ok()).toBe(true);
  const made = await request.post('/api/v1/surveys/tokens', { headers: auth, data: { call_id: id } });
  expect(made.status()).toBe(201);
  const link = (await made.json()) as { url: string; token: string; language: string };
  expect(link.language).toBe('fr');

  // The client watches its line live: today's NPS, before the answer.
  const client = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await signInAndWaitHome(client, 'client@acme.test');
  await client.goto('/live');
  await client.getByTestId('campaign-picker').click();
  await client.getByRole('option', { name: /^ACME-IN/ }).click();
  const nps = client.getByTestId('kpi-nps');
  await expect(nps).toContainText('réponse');
  const npsBefore = await nps.textContent();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'fr-FR' });
  const customer = await phone.newPage();
  await customer.goto(`/s/${link.token}`);
  await expect(customer.getByText('Quelle est la probabilité que vous recommandiez Acme Energie')).toBeVisible();
  // Every score button fits the phone's width.
  const last = await customer.getByTestId('score-10').boundingBox();
  expect(last!.x + last!.width).toBeLessThanOrEqual(390);
  await customer.screenshot({ path: screenshotPath('survey-phone'), fullPage: true });
  await customer.getByTestId('score-3').click();
  await customer.getByTestId('resolved-no').click();
  const verbatim = `On m’a promis un rappel ${id}`;
  await customer.getByTestId('survey-comment').fill(verbatim);
  await customer.getByTestId('survey-submit').click();
  await expect(customer.getByTestId('survey-thanks')).toBeVisible();
  await customer.screenshot({ path: screenshotPath('survey-phone-thanks'), fullPage: true });
  // The same link again: refused kindly.
  await customer.goto(`/s/${link.token}`);
  await expect(customer.getByTestId('survey-refused')).toContainText('déjà répondu');
  await customer.goto(`/s/${'x'.repeat(32)}`);
  await expect(customer.getByTestId('survey-refused')).toContainText('introuvable');
  await phone.close();

  // The detractor's answer moves the client's NPS of the day (its count of answers with it).
  await expect.poll(async () => { await client.reload(); return client.getByTestId('kpi-nps').textContent(); }, { timeout: 30_000 }).not.toBe(npsBefore);
  await client.context().close();

  const page = await browser.newPage();
  await signInAndWaitHome(page, 'quality@callpro.test');
  await page.goto('/quality/surveys');
  await page.getByTestId('filter-search').fill(id);
  const row = page.getByTestId('survey-row').filter({ hasText: verbatim });
  await expect(row).toBeVisible();
  await expect(row).toContainText('3');
  await expect(page.getByTestId('survey-nps')).toContainText('-100');
  await row.click();
  await page.getByTestId('followup-note').fill('Client rappelé');
  await page.getByTestId('followup-save').click();
  await expect(row).toContainText('Nouveau');

  // The filtered answers exported for French Excel: CSV (`;`, BOM, French date) and a workbook with real numbers.
  const csv = await download(page, 'survey-export');
  expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(csv.toString('utf8')).toMatch(new RegExp(`\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2};ACME-IN;Agent 1;${id};3;Non;`));
  const book = new ExcelJS.Workbook();
  const xlsx = await download(page, 'survey-export-xlsx');
  await book.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const answer = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(4).value === id)!;
  expect(answer.getCell(5).value).toBe(3);
  expect(answer.getCell(7).value).toBe(verbatim);
  expect(answer.getCell(1).value).toBeInstanceOf(Date);
});

async function download(page: Page, testId: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFile((await file.path())!);
}
