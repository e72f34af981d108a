// The walking skeleton seen from a browser: sign-in per tenant, scoped campaigns, roles, language, sign-out.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_DATA_DIR } from './playwright.config';
import { campaignCodes, screenshotPath, signIn, signInAndWaitHome, signOutVia, switchLanguage } from './helpers';

test('the Acme client sees Acme campaigns and none of Horizon', async ({ page }) => {
  await signInAndWaitHome(page, 'client@acme.test');
  await expect(page.getByTestId('organization').first()).toHaveText('Acme Energie');
  expect(await campaignCodes(page)).toEqual(['ACME-IN', 'ACME-OUT']);
  await expect(page.getByText('HORIZON', { exact: false })).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('home-client-acme'), fullPage: true });
});

test('the Horizon client sees only Horizon campaigns', async ({ page }) => {
  await signInAndWaitHome(page, 'client@horizon.test');
  expect(await campaignCodes(page)).toEqual(['HORIZON-IN', 'HORIZON-OUT']);
  await page.screenshot({ path: screenshotPath('home-client-horizon'), fullPage: true });
});

test('the manager sees all four campaigns and the agents, then signs out', async ({ page }) => {
  await signInAndWaitHome(page, 'manager@callpro.test');
  expect(await campaignCodes(page)).toEqual(['ACME-IN', 'ACME-OUT', 'HORIZON-IN', 'HORIZON-OUT']);
  await expect(page.getByTestId('agent-table').locator('tbody tr')).toHaveCount(12);
  await page.screenshot({ path: screenshotPath('home-manager'), fullPage: true });

  await signOutVia(page);
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/campaigns');
  await expect(page).toHaveURL(/\/signin/);
});

for (const [email, role, codes] of [
  ['admin@callpro.test', 'admin', ['ACME-IN', 'ACME-OUT', 'HORIZON-IN', 'HORIZON-OUT']],
  ['quality@callpro.test', 'quality', ['ACME-IN', 'ACME-OUT', 'HORIZON-IN', 'HORIZON-OUT']],
  ['agent1@callpro.test', 'agent', ['ACME-IN', 'ACME-OUT']],
  ['agent3@callpro.test', 'agent', ['HORIZON-IN', 'HORIZON-OUT']],
] as const) {
  test(`the ${role} home (${email}) shows its scope`, async ({ page }) => {
    await signInAndWaitHome(page, email);
    await expect(page.getByTestId(`home-${role}`)).toBeVisible();
    expect(await campaignCodes(page)).toEqual([...codes]);
    if (role === 'admin') await expect(page.getByTestId('user-table').locator('tbody tr')).toHaveCount(15);
    await page.screenshot({ path: screenshotPath(`home-${email.split('@')[0]}`), fullPage: true });
  });
}

test('a wrong password and an unknown email get the same answer', async ({ page }) => {
  // The page's own alert: Next's route announcer is an (empty) alert too once the page has navigated.
  const refusal = page.locator('.mantine-Alert-root[role="alert"]');
  await signIn(page, 'client@acme.test', 'not-the-password');
  await expect(refusal).toBeVisible();
  const wrongPassword = await refusal.textContent();
  await signIn(page, 'nobody@nowhere.test', 'not-the-password');
  await expect(refusal).toBeVisible();
  expect(await refusal.textContent()).toBe(wrongPassword);
  await expect(page).toHaveURL(/\/signin/);
});

test.describe('in English', () => {
  test.use({ locale: 'en-US' });
  test('the language follows the browser and switches to French', async ({ page }) => {
    await page.goto('/signin');
    await expect(page.getByText('Sign in to Relais')).toBeVisible();
    await page.getByText('FR', { exact: true }).click();
    await expect(page.getByText('Connexion à Relais')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

    await signInAndWaitHome(page, 'client@acme.test');
    await expect(page.getByText('Vos campagnes externalisées')).toBeVisible();
    await switchLanguage(page, 'EN');
    await expect(page.getByText('Your outsourced campaigns')).toBeVisible();
    await switchLanguage(page, 'FR');
    await expect(page.getByText('Vos campagnes externalisées')).toBeVisible();
    await page.screenshot({ path: screenshotPath('home-client-acme-fr'), fullPage: true });
  });
});

test('the API refuses anonymous calls with UNAUTHORIZED', async ({ request }) => {
  const res = await request.get('/api/trpc/campaigns.list');
  expect(res.status()).toBe(401);
  expect((await res.json()).error.data.code).toBe('UNAUTHORIZED');
});

test('a second start on the same data dir fails with a one-line explanation', () => {
  const root = path.resolve(__dirname, '..');
  const result = spawnSync(process.execPath, [require.resolve('tsx/cli', { paths: [root] }), 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, RELAIS_DATA_DIR: E2E_DATA_DIR, PORT: '3199' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Relais cannot start: Relais is already running on data directory .*e2e \(pid \d+\)/);
});

test('the tRPC endpoint answers a batch of 20 calls and refuses 21 with 400', async ({ page }) => {
  await signInAndWaitHome(page, 'client@acme.test');
  const batch = (n: number) => {
    const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i), {}]));
    return page.request.get(`/api/trpc/${Array(n).fill('home.me').join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`);
  };
  const twenty = await batch(20);
  expect(twenty.status()).toBe(200);
  expect(await twenty.json()).toHaveLength(20);
  const tooMany = await batch(21);
  expect(tooMany.status()).toBe(400);
  expect(JSON.stringify(await tooMany.json())).toContain('Batch call exceeds maximum size');
});

test('signing out ends the session: its cookie, replayed, is refused at once', async ({ page, browser }) => {
  await signInAndWaitHome(page, 'quality@callpro.test');
  const cookies = await page.context().cookies();
  expect((await page.request.get('/api/trpc/home.me')).status()).toBe(200);
  await signOutVia(page);
  await expect(page).toHaveURL(/\/signin/);
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  expect((await replay.request.get('/api/trpc/home.me')).status()).toBe(401);
  await replay.close();
});

test('after five wrong passwords the sign-in page says when to try again, in French', async ({ page }) => {
  await page.goto('/signin');
  for (let i = 0; i < 6; i++) {
    await page.getByLabel('Adresse e-mail').fill('agent4@callpro.test');
    await page.getByLabel('Mot de passe').fill(`wrong-${i}`);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.locator('.mantine-Alert-root')).toContainText(i < 5 ? 'E-mail ou mot de passe incorrect.' : 'Trop de tentatives pour ce compte. Réessayez dans 15 min.');
  }
  await page.screenshot({ path: screenshotPath('signin-throttled'), fullPage: true });
});

test('pages send a content security policy and refuse to be framed', async ({ page }) => {
  const res = await page.goto('/signin');
  const headers = res!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
});
