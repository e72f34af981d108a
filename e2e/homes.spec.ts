// Each role's home opens on figures (issue 21): the client's campaigns against their targets, the manager's
// wallboard tiles, the quality team's NPS / FCR / resolution time; and the wall TV's wallboard moves by itself
// within seconds of a call posted to the public API.
import { startOfDay } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_API_KEY } from './playwright.config';
import { clearOfParisMidnight, screenshotPath, signInAndWaitHome } from './helpers';

async function ingest(request: APIRequestContext, records: object[]) {
  const res = await request.post('/api/v1/ingest', {
    headers: { authorization: `Bearer ${E2E_API_KEY}` },
    data: records.map((r) => JSON.stringify(r)).join('\n'),
  });
  expect(res.status()).toBe(200);
  expect((await res.json()).rejected).toEqual([]);
}

const iso = (ms: number) => new Date(ms).toISOString();
/** A few minutes ago but today in Paris (the demo campaigns' zone), even just after midnight. */
const todayStart = () => Math.max(Date.now() - 10 * 60_000, startOfDay(new TZDate(Date.now(), 'Europe/Paris')).getTime() + 1_000);
const yesterdayNoon = () => startOfDay(new TZDate(Date.now(), 'Europe/Paris')).getTime() - 12 * 3_600_000;

function inbound(id: string, campaign: string, at: number, waitSeconds: number, connected: boolean, extra: object = {}) {
  return connected
    ? { kind: 'call', id, campaign, direction: 'inbound', agent: 'A1', started_at: iso(at), connected_at: iso(at + waitSeconds * 1000),
        ended_at: iso(at + waitSeconds * 1000 + 180_000), outcome: 'connected', wrap_seconds: 30, ...extra }
    : { kind: 'call', id, campaign, direction: 'inbound', started_at: iso(at), ended_at: iso(at + waitSeconds * 1000), outcome: 'abandoned' };
}

function outbound(id: string, at: number, outcome: 'connected' | 'no_answer' | 'abandoned', converted = false) {
  const base = { kind: 'call', id, campaign: 'ACME-OUT', direction: 'outbound', started_at: iso(at), ended_at: iso(at + 200_000) };
  if (outcome === 'no_answer') return { ...base, ended_at: iso(at + 25_000), outcome };
  if (outcome === 'abandoned') return { ...base, answered_at: iso(at + 10_000), ended_at: iso(at + 20_000), outcome };
  return { ...base, agent: 'A2', answered_at: iso(at + 10_000), connected_at: iso(at + 11_000), outcome, converted, wrap_seconds: 20 };
}

/** Calls, surveys and cases for today and yesterday; the same ids each run (re-sending replaces). */
async function seedFigures(request: APIRequestContext) {
  const t = todayStart();
  const y = yesterdayNoon();
  await ingest(request, [
    inbound('home-in-1', 'ACME-IN', t, 5, true, { case_id: 'home-case-1', resolved: true }),
    inbound('home-in-2', 'ACME-IN', t, 8, true, { case_id: 'home-case-2', resolved: true }),
    inbound('home-in-3', 'ACME-IN', t, 45, true),
    inbound('home-in-4', 'ACME-IN', t, 30, false),
    inbound('home-in-y1', 'ACME-IN', y, 4, true),
    inbound('home-in-y2', 'ACME-IN', y, 6, true),
    outbound('home-out-1', t, 'connected', true),
    outbound('home-out-2', t, 'connected'),
    outbound('home-out-3', t, 'no_answer'),
    outbound('home-out-4', t, 'abandoned'),
    inbound('home-hz-1', 'HORIZON-IN', t, 3, true, { case_id: 'home-case-3', resolved: true }),
    { kind: 'survey', id: 'home-s-1', campaign: 'ACME-IN', agent: 'A1', score: 10, answered_at: iso(t + 300_000) },
    { kind: 'survey', id: 'home-s-2', campaign: 'ACME-IN', agent: 'A1', score: 9, answered_at: iso(t + 300_000) },
    { kind: 'survey', id: 'home-s-3', campaign: 'ACME-IN', agent: 'A1', score: 4, answered_at: iso(t + 300_000) },
    { kind: 'survey', id: 'home-s-4', campaign: 'HORIZON-IN', agent: 'A1', score: 8, answered_at: iso(t + 300_000) },
    { kind: 'agent_state', agent: 'A1', campaign: 'ACME-IN', state: 'available', at: iso(Date.now() - 1_000) },
  ]);
}

/** A campaign's KPIs today in Paris so far, from the public API (the figures the home shows). */
async function todayOf(request: APIRequestContext, campaign: string): Promise<{ abandon_rate: number | null; outbound_abandon_rate: number | null }> {
  const from = iso(startOfDay(new TZDate(Date.now(), 'Europe/Paris')).getTime());
  const res = await request.get(`/api/v1/kpis?campaign=${campaign}&from=${from}&to=${iso(Date.now() + 60_000)}`, { headers: { authorization: `Bearer ${E2E_API_KEY}` } });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

const count = async (page: Page, testId: string) => Number((await page.getByTestId(testId).textContent())!.replace(/\D/g, '') || 0);

test.beforeEach(async ({ request }) => {
  await clearOfParisMidnight();
  await seedFigures(request);
});

test('the client’s home shows its campaigns today against targets, with yesterday and 7 days, in French', async ({ page, request }) => {
  await signInAndWaitHome(page, 'client@acme.test');
  const figures = page.getByTestId('client-figures');
  await expect(figures.getByText('Vos campagnes aujourd’hui')).toBeVisible();
  await expect(page.getByTestId('figures-row-ACME-IN')).toBeVisible();
  await expect(page.getByTestId('figures-row-ACME-OUT')).toBeVisible();
  await expect(page.getByTestId('figures-row-HORIZON-IN')).toHaveCount(0);
  // French formats: a percentage with a decimal comma or none and a narrow space before %, durations in min.
  await expect(page.getByTestId('fig-ACME-IN-rate')).toHaveText(/^\d+(,\d)?\s%$/);
  await expect(page.getByTestId('fig-ACME-IN-aht')).toHaveText(/^\d+ min \d{2}$/);
  // The line's abandon rate today depends on the demo's day so far (the API gives it exactly): red over the line's
  // 5 % target, green at or under it, never flagged over the legal 3 % cap (the outbound campaign's, flagged there).
  const inRate = (await todayOf(request, 'ACME-IN')).abandon_rate!;
  await expect(page.getByTestId('fig-ACME-IN-abandon')).toHaveAttribute('data-met', inRate > 0.05 ? 'false' : 'true');
  // The outbound rate today depends on the demo's day so far: whatever it is, over 3 % is flagged, under is not (and
  // green: without a target of its own it is read against the cap). Near the cap it shows the digits that tell them
  // apart (3.02 % reads « 3,02 % », not « 3 % »).
  const outAbandon = page.getByTestId('fig-ACME-OUT-abandon');
  const rate = (await todayOf(request, 'ACME-OUT')).outbound_abandon_rate!;
  await expect(outAbandon).toHaveText(/^\d+(,\d{1,3})?\s%/);
  const shown = Number((await outAbandon.textContent())!.replace(/[^\d,]/gu, '').replace(',', '.')) / 100;
  expect(shown > 0.03).toBe(rate > 0.03);
  await expect(outAbandon).toHaveAttribute('data-met', rate > 0.03 ? 'over-cap' : 'true');
  await expect(page.getByTestId('figures-row-ACME-IN').getByText('Hier').first()).toBeVisible();
  await expect(page.getByTestId('live-link-ACME-IN')).toHaveAttribute('href', /\/live\?campaign=/);
  await expect(page.getByTestId('report-link-ACME-IN')).toHaveAttribute('href', /\/report\?campaign=/);
  await expect(page.getByTestId('wallboard-link')).toBeVisible();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: screenshotPath('home-figures-client-fr'), fullPage: true });
});

test('the client’s home in English', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'relais_locale', value: 'en', url: baseURL! }]);
  await signInAndWaitHome(page, 'client@acme.test');
  await expect(page.getByTestId('client-figures').getByText('Your campaigns today')).toBeVisible();
  await expect(page.getByTestId('figures-row-ACME-IN').getByText('Yesterday').first()).toBeVisible();
  await expect(page.getByTestId('fig-ACME-IN-rate')).toHaveText(/^\d+(\.\d)?%$/);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: screenshotPath('home-figures-client-en'), fullPage: true });
});

test('the manager’s home is a wallboard of every campaign, each tile opening its live page', async ({ page }) => {
  await signInAndWaitHome(page, 'manager@callpro.test');
  const board = page.getByTestId('manager-wallboard');
  await expect(board.getByText('Les campagnes en direct')).toBeVisible();
  for (const code of ['ACME-IN', 'ACME-OUT', 'HORIZON-IN', 'HORIZON-OUT']) await expect(page.getByTestId(`tile-${code}`)).toBeVisible();
  await expect(page.getByTestId('tile-ACME-IN')).toHaveAttribute('href', /\/live\?campaign=/);
  await expect(page.getByTestId('tile-ACME-IN-rate')).toHaveText(/%/);
  // Each judged figure says what it is judged against; inbound, callers' wait for an answer is there too.
  await expect(page.getByTestId('tile-ACME-IN-rate-target')).toHaveText(/^Objectif \d+(,\d+)?\s%$/);
  await expect(page.getByTestId('tile-ACME-IN-asa')).toHaveText(/^(\d+ s|\d+ min \d{2})$/);
  await expect(page.getByTestId('tile-ACME-IN-connected')).toHaveText(/^dont \d[\d\s\u202f]* traités$/);
  await expect(page.getByTestId('tile-ACME-IN-agents')).toContainText('Disponible');
  // Horizon's card line sells nothing (no success disposition): no conversion rate, not 0 %. Acme's line has one.
  await expect(page.getByTestId('tile-HORIZON-IN-conversion')).toHaveText('—');
  await expect(page.getByTestId('tile-ACME-IN-conversion')).toHaveText(/%/);
  // The lists the home showed before are still below.
  await expect(page.getByTestId('agent-table')).toBeVisible();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: screenshotPath('home-figures-manager-fr'), fullPage: true });
  await page.getByTestId('tile-ACME-IN').click();
  await expect(page).toHaveURL(/\/live\?campaign=/);
  await expect(page.getByTestId('live-monitor')).toBeVisible();
});

test('the contact center’s admin opens on the wallboard, an agent on its day against the targets', async ({ page }) => {
  await signInAndWaitHome(page, 'admin@callpro.test');
  for (const code of ['ACME-IN', 'ACME-OUT', 'HORIZON-IN', 'HORIZON-OUT']) await expect(page.getByTestId(`tile-${code}`)).toBeVisible();
  await expect(page.getByTestId('user-table')).toBeVisible();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: screenshotPath('home-figures-admin-fr'), fullPage: true });

  await page.context().clearCookies();
  await signInAndWaitHome(page, 'agent1@callpro.test');
  const day = page.getByTestId('desk-day');
  await expect(day.getByText('Ma journée')).toBeVisible();
  // Agent 1 took calls on Acme's line today (seeded above): counted, with AHT judged against the 5 min target.
  const row = day.getByRole('row', { name: /ACME-IN/ });
  await expect(row).toBeVisible();
  expect(Number((await row.getByRole('cell').nth(1).textContent())!.replace(/\D/gu, ''))).toBeGreaterThanOrEqual(3);
  await expect(row.getByRole('cell').nth(2)).toContainText('5 min 00');
  await expect(page.getByTestId('open-desk')).toHaveAttribute('href', '/desk');
  await page.screenshot({ path: screenshotPath('home-figures-agent-fr'), fullPage: true });
});

test('the quality home shows NPS, FCR and resolution time by campaign, today and over 7 days', async ({ page }) => {
  await signInAndWaitHome(page, 'quality@callpro.test');
  await expect(page.getByTestId('quality-figures').getByText('NPS, résolution au premier appel et délai de résolution')).toBeVisible();
  for (const code of ['ACME-IN', 'HORIZON-IN']) await expect(page.getByTestId(`quality-row-${code}`)).toBeVisible();
  await expect(page.getByTestId('q-ACME-IN-today-nps')).toHaveText(/^[+−-]?\d+$/);
  await expect(page.getByTestId('q-ACME-IN-week-fcr')).toHaveText(/%/);
  await expect(page.getByTestId('q-ACME-IN-today-resolution')).not.toHaveText('—');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: screenshotPath('home-figures-quality-fr'), fullPage: true });
});

test('the wallboard has no navigation and moves within 5 s of a call posted to the API', async ({ page, request }) => {
  await signInAndWaitHome(page, 'client@acme.test');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId('wallboard-link').click();
  await expect(page).toHaveURL(/\/wallboard$/);
  await expect(page.getByTestId('wallboard-status')).toHaveText(/Temps réel/);
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  await expect(page.getByTestId('tile-HORIZON-IN')).toHaveCount(0);
  const before = await count(page, 'tile-ACME-IN-volume');
  let navigations = 0;
  page.on('framenavigated', () => navigations++);
  const posted = Date.now();
  await ingest(request, [inbound(`home-wall-${Date.now()}`, 'ACME-IN', todayStart(), 12, true)]);
  await expect(page.getByTestId('tile-ACME-IN-volume')).toHaveText(String(before + 1), { timeout: 5_000 });
  expect(Date.now() - posted).toBeLessThanOrEqual(5_000);
  expect(navigations).toBe(0);
  await page.screenshot({ path: screenshotPath('wallboard-client-acme') });
});

test('the wallboard rotates across campaigns with ?rotate', async ({ page }) => {
  await signInAndWaitHome(page, 'manager@callpro.test');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/wallboard?rotate=3');
  const tiles = page.getByTestId('wallboard-tiles').locator('[data-testid^="tile-"][href]');
  await expect(tiles).toHaveCount(1);
  const first = await tiles.getAttribute('data-testid');
  await expect(tiles).not.toHaveAttribute('data-testid', first!, { timeout: 6_000 });
  await page.goto('/wallboard');
  await expect(tiles).toHaveCount(4);
  await page.screenshot({ path: screenshotPath('wallboard-manager') });
});
