// The agent desk on an outbound campaign, in French, with real voice: the manager requires consent on Acme's
// outbound campaign, widens its calling hours for its consenting contacts (so the test runs any day at any hour,
// as a real campaign could) and starts it in progressive; agent 1 is available in the browser; a SIPp customer
// answers and speaks once put through (dialer/sip/demo-scenario.ts). Asserted: voice both ways through rtpengine,
// the contact's record on the desk, the sale disposition stored (the campaign's conversion moves), and the call's
// recording written and not silent; the call put on hold and taken off it (the customer's voice stops meanwhile).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { rmsDbfs, samplesOfWav } from '../dialer/media/recording';
import { screenshotPath, signInAndWaitHome } from './helpers';
import { hasVoice, openDesk, phoneStats, restoreLegalHours, widenHoursForConsentingContacts } from './desk-helpers';
import { E2E_API_KEY, E2E_SIP_DATA_DIR } from './playwright.config';


async function todayOf(request: APIRequestContext, campaign: string) {
  const from = new Date(Date.now() - 12 * 3_600_000).toISOString();
  const res = await request.get(`/api/v1/kpis?campaign=${campaign}&from=${from}&to=${new Date(Date.now() + 60_000).toISOString()}`, { headers: { authorization: `Bearer ${E2E_API_KEY}` } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as { connected: number; conversion_rate: number | null };
}


/**
 * Waits for a call the customer talks on: some demo customers answer and hang up at once (mix.xml, last digit 7);
 * such a call ends in wrap-up before any voice, and the agent is available again when its wrap-up times out.
 */
async function talkingCall(page: Page) {
  for (let call = 0; call < 4; call++) {
    await expect(page.getByTestId('desk-call')).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('desk-state')).toHaveText(/En communication|Post-appel/);
    const outcome = await expect.poll(async () => {
      if ((await page.getByTestId('desk-state').textContent())?.startsWith('Post-appel')) return 'ended';
      const s = await phoneStats(page);
      return hasVoice(s) ? 'voice' : `waiting ${JSON.stringify(s)}`;
    }, { timeout: 20_000 }).toMatch(/^(voice|ended)$/).then(async () => (await page.getByTestId('desk-state').textContent())?.startsWith('Post-appel') ? 'ended' : 'voice');
    if (outcome === 'voice') return;
    await expect(page.getByTestId('desk-state')).toHaveText('Disponible', { timeout: 30_000 });
  }
  throw new Error('no customer talked on four calls');
}

/** The WAV files written under the recordings dir since `since`. */
function recordingsSince(since: number): string[] {
  const root = path.join(E2E_SIP_DATA_DIR, 'recordings');
  const days = (() => { try { return readdirSync(root); } catch { return []; } })();
  return days.flatMap((d) => readdirSync(path.join(root, d)).map((f) => path.join(root, d, f)))
    .filter((f) => f.endsWith('.wav') && statSync(f).mtimeMs >= since);
}

test('an agent works the outbound campaign in progressive: voice both ways, a sale stored, the call recorded', async ({ browser, request }) => {
  test.setTimeout(300_000);
  const since = Date.now();
  const other = await browser.newPage();
  await openDesk(other, 'agent2@callpro.test');
  const agent = await browser.newPage();
  await openDesk(agent, 'agent1@callpro.test');
  await agent.getByTestId('desk-ready').click();
  await expect(agent.getByTestId('desk-state')).toHaveText('Disponible');

  const manager = await browser.newPage();
  await signInAndWaitHome(manager, 'manager@callpro.test');
  await manager.goto('/dialer');
  const card = manager.getByTestId('dialer-ACME-OUT');
  await expect(card.getByTestId('dialer-hours-profile')).toContainText('lun., mar., mer., jeu., ven. · 10:00–13:00, 14:00–20:00 · hors jours fériés');
  await card.getByText('Progressif').click();
  await expect(card.locator('input[value="progressive"]')).toBeChecked();
  // Widened hours need a campaign that dials consenting contacts only (the demo's contacts consented): the form says so.
  await card.getByTestId('dialer-hours-edit').click();
  await expect(card.getByText('activez « Consentement exigé » d’abord')).toBeVisible();
  await card.getByRole('button', { name: 'Annuler' }).click();
  await widenHoursForConsentingContacts(card);
  await manager.screenshot({ path: screenshotPath('dialer-hours-widened'), fullPage: true });

  const before = await todayOf(request, 'ACME-OUT');
  await card.getByRole('button', { name: 'Démarrer' }).click();
  await expect(card.getByTestId('dialer-status')).toHaveText('En cours');

  await talkingCall(agent);
  // Hold, while the customer still speaks (7 s from the bridge): rtpengine stops forwarding the customer's voice (and
  // plays the hold music to the customer), so the browser receives next to nothing; A (the shortcut) resumes.
  await agent.getByTestId('desk-hold').click();
  await expect(agent.getByTestId('desk-held')).toBeVisible();
  const heldFrom = (await phoneStats(agent))!.inboundPackets;
  await agent.waitForTimeout(1_500);
  const heldPackets = (await phoneStats(agent))!.inboundPackets - heldFrom;
  console.log(`packets from the customer in 1.5 s on hold: ${heldPackets}`);
  expect(heldPackets).toBeLessThan(10);
  await expect(agent.getByTestId('desk-hold')).toHaveText('Reprendre l’appel (A)');
  await agent.screenshot({ path: screenshotPath('desk-outbound-held'), fullPage: true });
  await agent.locator('body').click({ position: { x: 5, y: 5 } });
  await agent.keyboard.press('a');
  await expect(agent.getByTestId('desk-held')).toBeHidden();
  await expect(agent.getByTestId('desk-hold-total')).toHaveText(/^Attente cumulée : 0:0[1-9]$/);
  // The contact's record is on the desk: a demo lead (+33 1 99 00 …), its name, its list's columns.
  await expect(agent.getByTestId('desk-phone-number')).toHaveText(/^01 99 00 /);
  await expect(agent.getByTestId('desk-contact')).toHaveText(/\S+ \S+/);
  await expect(agent.getByTestId('desk-script')).toContainText('je vous appelle de la part d’Acme Energie');
  await agent.screenshot({ path: screenshotPath('desk-outbound-call'), fullPage: true });
  await manager.screenshot({ path: screenshotPath('dialer-outbound-running'), fullPage: true });

  // No next call for this agent: the manager pauses the campaign; the agent ends the call and records the sale.
  await card.getByRole('button', { name: 'Pause' }).click();
  await expect(card.getByTestId('dialer-status')).toHaveText('En pause');
  await agent.getByTestId('desk-hangup').click();
  await expect(agent.getByTestId('desk-state')).toHaveText('Post-appel');
  await agent.getByRole('radio', { name: 'Vente offre verte' }).check();
  await agent.getByTestId('desk-dispose').click();
  await expect(agent.getByTestId('desk-state')).toHaveText('Disponible');

  // Stored with its disposition: the campaign's converted calls count it (quick hang-ups may add connected calls).
  const converted = (k: { connected: number; conversion_rate: number | null }) => Math.round(k.connected * (k.conversion_rate ?? 0));
  await expect.poll(async () => converted(await todayOf(request, 'ACME-OUT')), { timeout: 20_000 }).toBe(converted(before) + 1);

  // The call was recorded (the campaign records): one WAV since the start, with speech in it.
  await expect.poll(() => recordingsSince(since).length, { timeout: 15_000 }).toBeGreaterThan(0);
  const loudest = Math.max(...recordingsSince(since).map((f) => rmsDbfs(samplesOfWav(readFileSync(f)).samples)));
  console.log(`recordings since the start: ${recordingsSince(since).length}; loudest RMS ${loudest.toFixed(1)} dBFS`);
  expect(loudest).toBeGreaterThan(-45);

  for (const page of [agent, other]) await page.getByTestId('desk-logout').click();
  await card.getByRole('button', { name: 'Arrêter' }).click();
  await expect(card.getByTestId('dialer-status')).toHaveText('Arrêtée');
  // Clean for the next specs: the demo's mode, legal hours, no consent required.
  await card.getByTestId('dialer-mode').getByText('Prédictif', { exact: true }).click();
  await expect(card.locator('input[value="predictive"]')).toBeChecked();
  await restoreLegalHours(card);
  // A desk left open keeps its agent's phone registered: the next spec's desk of the same agent would share its calls.
  for (const page of [agent, other, manager]) await page.close();
});
