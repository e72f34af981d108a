// Campaign settings in French (issue 20): the manager creates a campaign with its dispositions, each bad field
// refused next to it and a code already taken refused; the new campaign, with a call yesterday and none today, shows
// its last working day on the live page; the client sets a target in the brief and sees it on the live monitor.
import { addDays, startOfDay } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { expect, test, type Browser } from '@playwright/test';
import { E2E_API_KEY } from './playwright.config';
import { pickCampaign, screenshotPath, signInAndWaitHome } from './helpers';

async function as(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await signInAndWaitHome(page, email);
  return page;
}

test('the manager creates a campaign with its dispositions; bad fields and a taken code are refused in French', async ({ browser, request }) => {
  const page = await as(browser, 'manager@callpro.test');
  await page.goto('/campaigns');
  await page.getByTestId('campaign-new').click();
  await expect(page.getByTestId('campaign-form')).toBeVisible();
  await page.getByTestId('campaign-code').fill('ACME-OUT');
  await page.getByTestId('campaign-name').fill('Acme — Fidélisation');
  await page.getByTestId('campaign-ring').fill('10');
  await page.getByTestId('campaign-caller-id').fill('+33612345678');
  await page.getByTestId('campaign-submit').click();
  await expect(page.getByText('Au moins 15.')).toBeVisible();
  await expect(page.getByText('Un mobile français (+336, +337) ne peut pas être présenté par une campagne automatisée.')).toBeVisible();
  await expect(page.getByTestId('campaign-message')).toHaveText('Corrigez les champs signalés : rien n’a été enregistré.');

  await page.getByTestId('campaign-ring').fill('15');
  await page.getByTestId('campaign-caller-id').fill('+33180009000');
  await page.getByTestId('campaign-add-disposition').click();
  const second = page.getByTestId('campaign-dispositions').locator('tbody tr').nth(1);
  await second.getByLabel('Code').fill('rappel');
  await second.getByLabel('Libellé').fill('À rappeler');
  await second.getByLabel('Rappel').check();
  await page.getByTestId('campaign-submit').click();
  await expect(page.getByTestId('campaign-message')).toContainText('Le code de campagne « ACME-OUT » est déjà pris');

  await page.getByTestId('campaign-code').fill('ACME-FID');
  await page.getByTestId('campaign-submit').click();
  await expect(page).toHaveURL(/\/campaigns\/[^/]+\/settings$/);
  await expect(page.getByRole('heading', { name: 'Réglages — ACME-FID' })).toBeVisible();
  await expect(page.getByTestId('campaign-dispositions').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('campaign-ring')).toHaveValue('15');
  await page.screenshot({ path: screenshotPath('campaign-settings-manager'), fullPage: true });

  // The new campaign has no call today, one yesterday: its live page says so and shows yesterday, not dashes.
  const yesterday = startOfDay(addDays(new TZDate(Date.now(), 'Europe/Paris'), -1)).getTime() + 11 * 3_600_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  const posted = await request.post('/api/v1/ingest', {
    headers: { authorization: `Bearer ${E2E_API_KEY}` },
    data: JSON.stringify({ kind: 'call', id: `fid-${Date.now()}`, campaign: 'ACME-FID', direction: 'outbound', agent: 'A1', phone: '+33140000001',
      started_at: iso(yesterday), answered_at: iso(yesterday + 10_000), connected_at: iso(yesterday + 11_000), ended_at: iso(yesterday + 130_000), outcome: 'connected' }),
  });
  expect(posted.status(), await posted.text()).toBe(200);
  expect((await posted.json()).rejected).toEqual([]);
  const fid = /\/campaigns\/([^/]+)\/settings$/.exec(page.url())![1]!;
  await page.goto(`/live?campaign=${fid}`);
  await expect(page.getByTestId('campaign-picker')).toHaveValue(/^ACME-FID /);
  await expect(page.getByTestId('live-last-day')).toContainText('Aucun appel aujourd’hui');
  const day = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/Paris' }).format(yesterday);
  await expect(page.getByTestId('live-last-day')).toContainText(`dernier jour d’activité, ${day}`);
  await expect(page.getByTestId('kpi-connected-value')).toHaveText('1');
  await page.screenshot({ path: screenshotPath('live-monitor-last-day'), fullPage: true });
});

test('the client sets a target in the brief and sees it on the live monitor', async ({ browser }) => {
  const page = await as(browser, 'client@acme.test');
  await page.goto('/workspace');
  await page.getByTestId('workspace-Acme Energie').getByRole('link').click();
  await expect(page.getByTestId('brief-targets')).toBeVisible();
  await page.getByTestId('target-ACME-IN-target_service_level').fill('90');
  await page.getByTestId('targets-save-ACME-IN').click();
  await expect(page.getByTestId('targets-message-ACME-IN')).toContainText('Objectifs de ACME-IN enregistrés (révision 2)');
  await expect(page.getByTestId('targets-ACME-IN')).toContainText('Révision 2 — Claire Acme');
  await page.goto('/live');
  await pickCampaign(page, 'ACME-IN');
  await expect(page.getByTestId('kpi-service_level-target')).toHaveText(/Objectif 90/);
  // The day curve draws it as a line, labelled.
  await expect(page.locator('.target-line')).toHaveCount(1);
  await expect(page.locator('.target-line-label')).toHaveText(/Objectif 90/);
  await page.screenshot({ path: screenshotPath('live-monitor-target'), fullPage: true });
});
