// A client watches the live monitor while calls arrive through the public API: the page updates by itself.
import { startOfDay } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E_API_KEY } from './playwright.config';
import { clearOfParisMidnight, screenshotPath, signInAndWaitHome, pickCampaign } from './helpers';

async function ingest(request: APIRequestContext, records: object[]) {
  const res = await request.post('/api/v1/ingest', {
    headers: { authorization: `Bearer ${E2E_API_KEY}` },
    data: records.map((r) => JSON.stringify(r)).join('\n'),
  });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.rejected).toEqual([]);
  return body;
}

function inboundCall(id: string, waitSeconds: number, connected: boolean) {
  // Today in Paris (the campaign's zone), even just after midnight.
  const start = Math.max(Date.now() - 5 * 60_000, startOfDay(new TZDate(Date.now(), 'Europe/Paris')).getTime() + 1_000);
  const iso = (ms: number) => new Date(ms).toISOString();
  return connected
    ? { kind: 'call', id, campaign: 'ACME-IN', direction: 'inbound', agent: 'A1', started_at: iso(start),
        connected_at: iso(start + waitSeconds * 1000), ended_at: iso(start + waitSeconds * 1000 + 120_000), outcome: 'connected', wrap_seconds: 20 }
    : { kind: 'call', id, campaign: 'ACME-IN', direction: 'inbound', started_at: iso(start), ended_at: iso(start + waitSeconds * 1000), outcome: 'abandoned' };
}

test('the Acme client sees calls posted to the API appear without reloading', async ({ page, request }) => {
  await clearOfParisMidnight();
  await signInAndWaitHome(page, 'client@acme.test');
  await page.goto('/live');
  await pickCampaign(page, 'ACME-IN');
  const offered = page.getByTestId('kpi-offered-value');
  await expect(offered).toBeVisible();
  await expect(page.getByTestId('live-status')).toHaveText(/Temps réel/);
  // Today still empty (just after midnight), the cards show the last working day: today's count starts at 0.
  const lastDay = await page.getByTestId('live-last-day').isVisible();
  const before = lastDay ? 0 : Number((await offered.textContent())!.replace(/\D/g, '') || 0);
  let navigations = 0;
  page.on('framenavigated', () => navigations++);

  await ingest(request, [inboundCall(`e2e-${Date.now()}-1`, 8, true), inboundCall(`e2e-${Date.now()}-2`, 40, true), inboundCall(`e2e-${Date.now()}-3`, 30, false)]);
  await expect(offered).toHaveText(String(before + 3), { timeout: 5_000 });
  await expect(page.getByTestId('kpi-service_level-value')).not.toHaveText('—');

  await ingest(request, [{ kind: 'agent_state', agent: 'A1', campaign: 'ACME-IN', state: 'on_call', at: new Date().toISOString() }]);
  await expect(page.getByTestId('calls-in-progress')).toHaveText('1', { timeout: 5_000 });
  expect(navigations).toBe(0);
  await page.screenshot({ path: screenshotPath('live-monitor-acme'), fullPage: true });
});

test('a client cannot open the live feed or live KPIs of another client campaign', async ({ browser, playwright }) => {
  const manager = await browser.newPage();
  await signInAndWaitHome(manager, 'manager@callpro.test');
  const list = await (await manager.request.get('/api/trpc/campaigns.list')).json();
  const acmeIn = list.result.data.find((c: { code: string }) => c.code === 'ACME-IN');
  expect(acmeIn?.id).toBeTruthy();
  expect((await manager.request.get(`/api/trpc/kpi.live?input=${encodeURIComponent(JSON.stringify({ campaignId: acmeIn.id }))}`)).status()).toBe(200);
  // A campaign's row leads to its live page and its report.
  await manager.goto('/campaigns');
  const row = manager.getByTestId('campaign-row').filter({ hasText: 'ACME-IN' });
  await row.getByTestId('campaign-live-link').click();
  await expect(manager).toHaveURL(new RegExp(`/live\\?campaign=${acmeIn.id}$`));
  await expect(manager.getByTestId('campaign-picker')).toHaveValue(/^ACME-IN /);
  await expect(manager.getByTestId('live-monitor')).toBeVisible();
  await manager.goBack();
  await manager.getByTestId('campaign-row').filter({ hasText: 'ACME-IN' }).getByTestId('campaign-report-link').click();
  await expect(manager).toHaveURL(new RegExp(`/report\\?campaign=${acmeIn.id}$`));
  await expect(manager.getByTestId('campaign-picker')).toHaveValue(/^ACME-IN /);

  const horizon = await browser.newPage();
  await signInAndWaitHome(horizon, 'client@horizon.test');
  expect((await horizon.request.get(`/api/live/${acmeIn.id}`)).status()).toBe(404);
  const live = await horizon.request.get(`/api/trpc/kpi.live?input=${encodeURIComponent(JSON.stringify({ campaignId: acmeIn.id }))}`);
  expect(live.status()).toBe(404);
  expect((await live.json()).error.data.code).toBe('NOT_FOUND');
  // Acme's campaign in a link: the page says it is not Horizon's to see, and shows none of Horizon's in its place.
  await horizon.goto(`/live?campaign=${acmeIn.id}`);
  await expect(horizon.getByText('La campagne du lien est introuvable ou hors de votre périmètre : choisissez-en une.')).toBeVisible();
  await expect(horizon.getByTestId('live-monitor')).toHaveCount(0);
  await horizon.screenshot({ path: screenshotPath('live-monitor-foreign-link'), fullPage: true });
  const anonymous = await playwright.request.newContext({ baseURL: horizon.url().replace(/\/[^/]*$/, '') });
  expect((await anonymous.get(`/api/live/${acmeIn.id}`)).status()).toBe(401);
});
