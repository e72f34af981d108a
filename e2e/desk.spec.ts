// The agent desk with real voice, in French: `npm run start:sip` (Kamailio, rtpengine, SIPp), Chromium with a fake
// microphone. Agent 2 takes its extension over and pauses; agent 1 connects its softphone, goes available, and a
// customer calling Acme's line (SIPp, speaking recorded speech) is put through to the browser through rtpengine:
// audio flows both ways and what the agent hears is not silence. The agent sees the caller and the case still open
// from an earlier call, sets the disposition (the caller takes the green offer, the line's success),
// and the call is stored with it: the line's conversion rises.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { screenshotPath } from './helpers';
import { hasVoice, openDesk, phoneStats } from './desk-helpers';
import { E2E_API_KEY, E2E_SIP_DATA_DIR } from './playwright.config';

const CALLER = '+33612000771';


/** A customer calling Acme's line with a voice (scripts/call-in.ts --voice, through the server's Kamailio). */
function callIn(): Promise<string> {
  return new Promise((resolve) => execFile('npx', ['tsx', 'scripts/call-in.ts', '--to', '+33180001000', '--from', CALLER, '--voice'], {
    cwd: path.resolve(__dirname, '..'), env: { ...process.env, RELAIS_DATA_DIR: E2E_SIP_DATA_DIR },
  }, (err, stdout, stderr) => resolve(`${stdout}${stderr}${err ? ` (${err.message})` : ''}`)));
}

async function todayOfLine(request: APIRequestContext) {
  const from = new Date(Date.now() - 12 * 3_600_000).toISOString();
  const res = await request.get(`/api/v1/kpis?campaign=ACME-IN&from=${from}&to=${new Date(Date.now() + 60_000).toISOString()}`, { headers: { authorization: `Bearer ${E2E_API_KEY}` } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as { connected: number; conversion_rate: number | null };
}

test('an agent takes a call in the browser, hears the customer, and disposes it', async ({ browser, request }) => {
  test.setTimeout(180_000);
  const other = await browser.newPage();
  await openDesk(other, 'agent2@callpro.test');

  const page = await browser.newPage();
  await openDesk(page, 'agent1@callpro.test');
  await page.screenshot({ path: screenshotPath('desk-paused'), fullPage: true });
  await page.getByTestId('desk-ready').click();
  await expect(page.getByTestId('desk-state')).toHaveText('Disponible');
  await expect(page.getByTestId('desk-waiting')).toBeVisible();
  // The caller called two hours ago about a case that was not resolved (a call of the client's own CDRs): the card
  // will show it.
  const earlier = Date.now() - 2 * 3_600_000;
  const iso = (t: number) => new Date(t).toISOString();
  const posted = await request.post('/api/v1/ingest', {
    headers: { authorization: `Bearer ${E2E_API_KEY}` },
    data: JSON.stringify({
      kind: 'call', id: `e2e-earlier-${Date.now()}`, campaign: 'ACME-IN', direction: 'inbound', phone: CALLER, agent: 'A3',
      started_at: iso(earlier), connected_at: iso(earlier + 20_000), ended_at: iso(earlier + 200_000), outcome: 'connected',
      hold_seconds: 0, wrap_seconds: 30, disposition: 'follow_up', case_id: 'DOS-4417', resolved: false,
    }),
  });
  expect(posted.status(), await posted.text()).toBe(200);
  expect((await posted.json()).rejected).toEqual([]);
  const before = await todayOfLine(request);

  const caller = callIn();
  await expect(page.getByTestId('desk-call')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('desk-state')).toHaveText('En communication');
  await expect(page.getByTestId('desk-phone-number')).toHaveText('06 12 00 07 71');
  // Voice both ways through rtpengine, and what the agent hears is speech, not silence.
  await expect.poll(async () => {
    return hasVoice(await phoneStats(page));
  }, { timeout: 15_000 }).toBe(true);
  // The case the caller is probably calling about, and the earlier call.
  await expect(page.getByTestId('desk-caller-case')).toContainText('Dossier DOS-4417 en cours depuis le');
  await expect(page.getByTestId('desk-caller')).toContainText('A3');
  await page.screenshot({ path: screenshotPath('desk-call'), fullPage: true });

  // The customer hangs up after 8 s: wrap-up, with the line's dispositions.
  await expect(page.getByTestId('desk-state')).toHaveText('Post-appel', { timeout: 20_000 });
  await page.getByRole('radio', { name: 'Offre verte souscrite' }).check();
  await page.screenshot({ path: screenshotPath('desk-wrapup'), fullPage: true });
  await page.getByTestId('desk-dispose').click();
  await expect(page.getByTestId('desk-state')).toHaveText('Disponible');
  expect(await caller).toContain(`${CALLER} bridged`);

  // Stored with its disposition: the line's conversion counts it (one more sale over one more call: it rises).
  await expect.poll(async () => (await todayOfLine(request)).connected, { timeout: 20_000 }).toBe(before.connected + 1);
  const after = await todayOfLine(request);
  expect(after.conversion_rate!).toBeGreaterThan(before.conversion_rate ?? 0);

  await page.getByTestId('desk-pause').click();
  await page.getByTestId('desk-pause-training').click();
  await expect(page.getByTestId('desk-state')).toHaveText('En pause · Formation');
  // Both desks leave the dialer: the server's next desk test starts with no agent signed in.
  // Closed too: a page left open keeps its phone registered, and Kamailio would ring it with the next spec's calls.
  for (const desk of [page, other]) {
    await desk.getByTestId('desk-logout').click();
    await desk.close();
  }
});
