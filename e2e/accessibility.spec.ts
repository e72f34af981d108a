// Accessibility of the main pages of each role, checked by axe (WCAG 2.0/2.1 A and AA): no serious or critical
// violation, in French and, on a few pages, in English. Each page is analysed once its data is shown, not its loader.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { E2E_API_KEY } from './playwright.config';
import { ARTIFACTS, signInAndWaitHome } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Waits for the page's own content (`ready`), then for every loader to be gone and transitions to end. */
async function settle(page: Page, ready: Locator): Promise<void> {
  await expect(ready.first()).toBeVisible();
  await expect(page.locator('.mantine-Loader-root:visible')).toHaveCount(0);
  await expect(page.locator('.mantine-Skeleton-root[data-visible]')).toHaveCount(0);
  // Mantine's transitions (menus, alerts, tabs) last 150–250 ms: colours are read once they are over.
  await page.waitForTimeout(300);
}

/**
 * The serious and critical violations on the page, one readable line each (rule, impact, help, a few targets); every
 * node of them, with axe's explanation (a contrast's colours and ratio), goes to e2e/artifacts/axe/<page>.json.
 */
async function violations(page: Page, name: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length) {
    const dir = path.join(ARTIFACTS, 'axe');
    mkdirSync(dir, { recursive: true });
    const nodes = serious.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, why: n.failureSummary })) }));
    writeFileSync(path.join(dir, `${`${test.info().title} ${name}`.replace(/[^\w.-]+/g, '_')}.json`), JSON.stringify({ url: page.url(), violations: nodes }, null, 2));
  }
  return serious.map((v) => {
    const targets = v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ');
    return `${v.id} [${v.impact}] ${v.help} — ${v.nodes.length} node(s): ${targets}`;
  });
}

/** Opens `url` (null: stays), waits for `ready` and records the page's violations without stopping at the first failing page. */
async function check(page: Page, url: string | null, ready: (page: Page) => Locator, name = url ?? page.url()): Promise<void> {
  await test.step(name, async () => {
    if (url !== null) await page.goto(url);
    await settle(page, ready(page));
    expect.soft(await violations(page, name), `axe on ${name} (${page.url()})`).toEqual([]);
  });
}

const byId = (id: string) => (page: Page) => page.getByTestId(id);
const heading = (page: Page) => page.getByRole('heading', { level: 2 });

test.describe('accessibility (axe, WCAG 2.1 AA)', () => {
  test.describe.configure({ timeout: 240_000 });

  test('anonymous pages: sign-in, a survey link, an unknown password link', async ({ page, request }) => {
    await check(page, '/signin', (p) => p.locator('button[type="submit"]'));
    // A survey link of a call posted through the API, as a customer opens it (not answered).
    const id = `e2e-axe-${Date.now()}`;
    const start = Date.now() - 10 * 60_000;
    const auth = { authorization: `Bearer ${E2E_API_KEY}` };
    const call = { kind: 'call', id, campaign: 'ACME-IN', direction: 'inbound', agent: 'A1', phone: '+33612345678',
      started_at: new Date(start).toISOString(), connected_at: new Date(start + 5_000).toISOString(), ended_at: new Date(start + 120_000).toISOString(), outcome: 'connected' };
    expect((await request.post('/api/v1/ingest', { headers: { ...auth, 'content-type': 'application/x-ndjson' }, data: JSON.stringify(call) })).ok()).toBe(true);
    const made = await request.post('/api/v1/surveys/tokens', { headers: auth, data: { call_id: id } });
    expect(made.status()).toBe(201);
    const { token } = (await made.json()) as { token: string };
    await check(page, `/s/${token}`, byId('score-10'), '/s/[token]');
    await check(page, `/s/${'x'.repeat(32)}`, byId('survey-refused'), '/s/[unknown token]');
    await check(page, `/set-password/${'x'.repeat(32)}`, byId('link-refused'), '/set-password/[unknown token]');
  });

  test('the manager’s pages', async ({ page }) => {
    await signInAndWaitHome(page, 'manager@callpro.test');
    await check(page, '/', byId('agent-table'));
    await check(page, '/campaigns', byId('campaign-row'));
    const settings = await page.getByTestId('campaign-settings-link').first().getAttribute('href');
    await check(page, settings, heading, '/campaigns/[id]/settings');
    await check(page, '/campaigns/new', byId('campaign-form'));
    await check(page, '/live', byId('live-monitor'));
    await check(page, '/report', byId('report-table'));
    await check(page, '/alerts', (p) => p.getByTestId('alerts-table').or(p.getByTestId('alerts-empty')));
    await check(page, '/wallboard', byId('wallboard'));
    await check(page, '/agents', byId('agents-table'));
    await check(page, '/team', byId('agent-table'));
    await check(page, '/dialer', (p) => p.getByTestId('dialer-unavailable').or(p.getByTestId('dialer-error')).or(p.locator('[data-testid^="dialer-campaign"]')));
    await check(page, '/import', byId('campaign-picker'));
    await check(page, '/workspace', (p) => p.getByTestId('workspace-Acme Energie'));
    await check(page, '/admin/teams', byId('assignment-table'));
    await check(page, '/admin/numbers', byId('number-table'));
  });

  test('the client’s pages', async ({ page }) => {
    await signInAndWaitHome(page, 'client@acme.test');
    await check(page, '/', byId('campaign-row'));
    await check(page, '/campaigns', byId('campaign-row'));
    // The client reads its campaigns' settings (read-only).
    const settings = await page.getByTestId('campaign-settings-link').first().getAttribute('href');
    await check(page, settings, byId('campaign-readonly'), '/campaigns/[id]/settings (read-only)');
    await check(page, '/live', byId('live-monitor'));
    await check(page, '/report', byId('report-table'));
    await check(page, '/alerts', (p) => p.getByTestId('alerts-table').or(p.getByTestId('alerts-empty')));
    await check(page, '/quality/surveys', (p) => p.getByTestId('survey-table').or(p.getByTestId('survey-empty')));
    await page.goto('/workspace');
    await check(page, null, (p) => p.getByTestId('workspace-Acme Energie'), '/workspace');
    await page.getByTestId('workspace-Acme Energie').getByRole('link').click();
    await expect(page.getByTestId('workspace-title')).toBeVisible();
    for (const tab of ['brief', 'spec', 'contacts', 'training', 'recordings', 'activity']) {
      await page.getByTestId(`tab-${tab}`).click();
      await expect(page).toHaveURL(new RegExp(`tab=${tab}`));
      await check(page, null, (p) => p.getByRole('tabpanel'), `/workspace/[id]?tab=${tab}`);
    }
  });

  test('the quality analyst’s pages', async ({ page }) => {
    await signInAndWaitHome(page, 'quality@callpro.test');
    await check(page, '/', byId('agent-table'));
    await check(page, '/quality', (p) => p.getByTestId('queue-table').or(p.getByTestId('queue-empty')));
    await check(page, '/quality/surveys', (p) => p.getByTestId('survey-table').or(p.getByTestId('survey-empty')));
    await check(page, '/quality/grids', byId('grid-section'));
    await check(page, '/quality/calibration', (p) => p.getByTestId('calibration-table').or(p.getByTestId('calibration-empty')));
    // A recorded call of the sample (ACME-OUT: agent 1's), this week's or last week's.
    await page.goto('/quality');
    await page.getByTestId('campaign-picker').click();
    await page.getByRole('option', { name: /^ACME-OUT/ }).click();
    await expect(page.getByTestId('queue-table').or(page.getByTestId('queue-empty'))).toBeVisible();
    const recorded = page.locator('[data-testid=queue-row][data-recorded=yes]');
    if (!(await recorded.count())) await page.getByRole('button', { name: 'Semaine précédente' }).click();
    await recorded.first().getByTestId('queue-evaluate').click();
    await expect(page).toHaveURL(/\/quality\/evaluate\//);
    await check(page, null, byId('call-facts'), '/quality/evaluate/[call]');
  });

  test('the agent’s pages', async ({ page }) => {
    await signInAndWaitHome(page, 'agent1@callpro.test');
    await check(page, '/', byId('campaign-row'));
    await check(page, '/campaigns', byId('campaign-row'));
    // The portal's server runs no telephony: the desk says so.
    await check(page, '/desk', (p) => p.getByTestId('desk-no-dialer').or(p.getByTestId('desk-state')));
    await check(page, '/training', heading);
  });

  test('the administrator’s pages', async ({ page }) => {
    await signInAndWaitHome(page, 'admin@callpro.test');
    await check(page, '/', byId('user-table'));
    await check(page, '/settings', byId('key-table'));
    await check(page, '/admin/users', byId('people-table'));
    await check(page, '/admin/teams', byId('team-table'));
    await check(page, '/admin/clients', byId('client-table'));
    await check(page, '/admin/audit', (p) => p.getByTestId('audit-table').or(p.getByTestId('audit-empty')));
    await check(page, '/admin/numbers', byId('number-table'));
  });

  test.describe('in English', () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await context.addCookies([{ name: 'relais_locale', value: 'en', url: baseURL! }]);
    });

    test('sign-in, the manager’s home, live monitor and report', async ({ page }) => {
      await check(page, '/signin', (p) => p.getByText('Sign in to Relais'));
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await signInAndWaitHome(page, 'manager@callpro.test');
      await check(page, '/', byId('agent-table'));
      await check(page, '/live', byId('live-monitor'));
      await check(page, '/report', byId('report-table'));
      await check(page, '/alerts', (p) => p.getByTestId('alerts-table').or(p.getByTestId('alerts-empty')));
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    });
  });
});
