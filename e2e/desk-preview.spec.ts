// The agent desk on an outbound campaign in preview, in French, with real voice (dialer/sip/demo-scenario.ts: the
// last digit of a number picks the customer's behaviour, 0-3, 8 and 9 answer and speak). The manager sets Acme's
// outbound campaign to Preview, requires consent and widens its calling hours (so the test runs any day at any
// hour) and starts it; agent 1 takes a record, skips it, takes the next (another one), until a number that answers;
// dials it; voice both ways; DTMF from the keyboard and the keypad, played out by the browser; « Pas intéressé »:
// the number is not dialled again (a manual dial of it is refused). Then a personal callback a minute or two
// ahead: listed in « Mes rappels », offered to this agent when due, dialled, on the card with its number.
// Every run ends clean: agents logged out of the dialer, the campaign stopped, back in its mode, legal hours, no
// consent required.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { screenshotPath, signInAndWaitHome } from './helpers';
import { dtmfState, hasVoice, openDesk, phoneStats, restoreLegalHours, widenHoursForConsentingContacts } from './desk-helpers';

/** Last digits of the demo customers who answer and talk (mix.xml: 4 busy, 5 no answer, 6 rejects, 7 hangs up at once). */
const ANSWERS = /[0-389]$/;
const MODE_LABEL: Record<string, string> = { preview: 'Aperçu', progressive: 'Progressif', predictive: 'Prédictif', blended: 'Mixte (entrant prioritaire)' };


/** The number on the preview record (as read aloud: 01 99 00 …), digits only. */
async function previewNumber(agent: Page): Promise<string> {
  await expect(agent.getByTestId('desk-preview-phone')).toBeVisible();
  return ((await agent.getByTestId('desk-preview-phone').textContent()) ?? '').replace(/\D/g, '');
}

/** Takes records, skipping those whose customer would not talk, until one that answers; its number and name. */
async function takeAnswering(agent: Page, panel: Locator): Promise<{ number: string; name: string }> {
  for (let i = 0; i < 12; i++) {
    await panel.getByTestId('desk-preview-take').click();
    const number = await previewNumber(agent);
    if (ANSWERS.test(number)) return { number, name: (await panel.getByTestId('desk-preview-contact').textContent()) ?? '' };
    await skip(agent, panel, 'wrong_record');
    await expect(panel.getByTestId('desk-preview-contact')).toBeHidden();
  }
  throw new Error('no answering number among twelve records');
}

/** « Passer », with a reason from its menu. */
async function skip(agent: Page, panel: Locator, reason: string) {
  await panel.getByTestId('desk-preview-skip').click();
  await agent.getByTestId(`desk-preview-skip-${reason}`).click();
}

/** Dials the record on screen and waits until the customer's voice flows both ways. */
async function dialAndTalk(agent: Page, panel: Locator, number: string) {
  await panel.getByTestId('desk-preview-dial').click();
  await expect(agent.getByTestId('desk-call')).toBeVisible({ timeout: 30_000 });
  await expect(agent.getByTestId('desk-state')).toHaveText('En communication');
  await expect(agent.getByTestId('desk-phone-number')).toHaveText(new RegExp(`^${number.replace(/(\d\d)(?=\d)/g, '$1 ')}$`));
  await expect.poll(async () => {
    const s = await phoneStats(agent);
    return hasVoice(s) ? 'voice' : JSON.stringify(s);
  }, { timeout: 30_000 }).toBe('voice');
}

async function hangUpAndDispose(agent: Page, label: string, before?: () => Promise<void>) {
  await agent.getByTestId('desk-hangup').click();
  await expect(agent.getByTestId('desk-state')).toHaveText('Post-appel');
  await agent.getByRole('radio', { name: label }).check();
  await before?.();
  await agent.getByTestId('desk-dispose').click();
  await expect(agent.getByTestId('desk-state')).toHaveText('Disponible');
}

test('preview: take, skip, dial, DTMF, a refusal never dialled again, a personal callback back to its agent', async ({ browser }) => {
  test.setTimeout(360_000);
  const other = await browser.newPage();
  await openDesk(other, 'agent2@callpro.test');
  const agent = await browser.newPage();
  await openDesk(agent, 'agent1@callpro.test');
  // Available before the campaign starts (a running campaign without any available agent waits).
  await agent.getByTestId('desk-ready').click();
  await expect(agent.getByTestId('desk-state')).toHaveText('Disponible');

  const manager = await browser.newPage();
  await signInAndWaitHome(manager, 'manager@callpro.test');
  await manager.goto('/dialer');
  const card = manager.getByTestId('dialer-ACME-OUT');
  await expect(card.getByTestId('dialer-status')).toHaveText('Arrêtée');
  const modes = card.getByTestId('dialer-mode');
  const modeBefore = await modes.locator('input:checked').getAttribute('value');
  try {
    await modes.getByText(MODE_LABEL.preview!, { exact: true }).click();
    await expect(card.locator('input[value="preview"]')).toBeChecked();
    await widenHoursForConsentingContacts(card);
    await card.getByRole('button', { name: 'Démarrer' }).click();
    // Running; in preview the dialer places no call by itself, so the card may say it waits (for the agent's dial).
    await expect(card.getByTestId('dialer-status')).toHaveText(/^(En cours|En attente)$/);
    await expect(card.getByRole('button', { name: 'Arrêter' })).toBeEnabled();

    // Preview: nothing is dialled until the agent says so.
    const panel = agent.getByTestId('desk-preview-ACME-OUT');
    await expect(panel).toBeVisible();
    await panel.getByTestId('desk-preview-take').click();
    await expect(panel.getByTestId('desk-preview-contact')).toHaveText(/\S+ \S+/);
    const skipped = await previewNumber(agent);
    await agent.screenshot({ path: screenshotPath('desk-preview-record'), fullPage: true });
    await panel.getByTestId('desk-preview-skip').click();
    await expect(agent.getByText('Pourquoi passer cette fiche ?')).toBeVisible();
    await agent.screenshot({ path: screenshotPath('desk-preview-skip-reasons'), fullPage: true });
    await agent.getByTestId('desk-preview-skip-incomplete').click();
    await expect(panel.getByTestId('desk-preview-contact')).toBeHidden();
    // The next record is another contact: the one passed on went behind the others.
    await panel.getByTestId('desk-preview-take').click();
    expect(await previewNumber(agent)).not.toBe(skipped);
    await skip(agent, panel, 'already_handled');
    await expect(panel.getByTestId('desk-preview-contact')).toBeHidden();

    // A customer who answers: voice both ways, then DTMF from the keyboard and the keypad.
    const refusing = await takeAnswering(agent, panel);
    await dialAndTalk(agent, panel, refusing.number);
    expect((await dtmfState(agent))?.canInsertDTMF).toBe(true);
    await agent.locator('body').click({ position: { x: 5, y: 5 } });
    for (const key of ['1', '2', '3', '#']) await agent.keyboard.press(key);
    await agent.getByTestId('desk-dtmf-star').click();
    await agent.getByTestId('desk-dtmf-0').click();
    await expect(agent.getByTestId('desk-dtmf-sent')).toHaveText('123#*0');
    // The browser played every tone out as RFC 4733 telephone-events (RTCDTMFSender's buffer drained).
    await expect.poll(async () => dtmfState(agent), { timeout: 10_000 }).toEqual({ sent: '123#*0', played: '123#*0', toneBuffer: '', canInsertDTMF: true });
    await agent.screenshot({ path: screenshotPath('desk-preview-call-dtmf'), fullPage: true });

    // « Pas intéressé »: the contact leaves the campaign; a manual dial of its number is refused.
    await hangUpAndDispose(agent, 'Pas intéressé');
    await agent.getByTestId('desk-manual-number').fill(refusing.number);
    await agent.getByTestId('desk-manual-dial').click();
    await expect(agent.getByTestId('desk-manual-refused')).toContainText('Appel refusé');
    console.log(`refused number ${refusing.number}: ${await agent.getByTestId('desk-manual-refused').textContent()}`);
    await expect(agent.getByTestId('desk-state')).toHaveText('Disponible');

    // A personal callback one to two minutes ahead.
    const callback = await takeAnswering(agent, panel);
    await dialAndTalk(agent, panel, callback.number);
    const at = await agent.evaluate(() => {
      const d = new Date(Date.now() + 120_000);
      d.setSeconds(0, 0);
      const p = (n: number) => String(n).padStart(2, '0');
      return { input: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`, ms: d.getTime() };
    });
    await hangUpAndDispose(agent, 'Rappel demandé', async () => {
      await agent.getByTestId('desk-callback-at').fill(at.input);
      await expect(agent.getByTestId('desk-callback-personal')).toBeChecked();
    });
    const mine = agent.getByTestId('desk-callbacks');
    await expect(mine).toContainText(callback.name || callback.number, { timeout: 20_000 });
    await expect(mine.getByRole('row').filter({ hasText: callback.name || callback.number })).toContainText('personnel');
    await agent.screenshot({ path: screenshotPath('desk-preview-callbacks'), fullPage: true });

    // Due: the next record this agent takes is its callback, dialled to this agent.
    await agent.waitForTimeout(Math.max(0, at.ms - Date.now() + 1_500));
    await panel.getByTestId('desk-preview-take').click();
    expect(await previewNumber(agent)).toBe(callback.number);
    await dialAndTalk(agent, panel, callback.number);
    await agent.screenshot({ path: screenshotPath('desk-preview-callback-call'), fullPage: true });
    await hangUpAndDispose(agent, 'Faux numéro');
    // Called back: no longer in « Mes rappels ».
    await expect(agent.getByTestId('desk-callbacks').getByText(callback.name || callback.number)).toHaveCount(0, { timeout: 20_000 });
  } finally {
    for (const page of [agent, other]) {
      const out = page.getByTestId('desk-logout');
      if (await out.isVisible()) await out.click();
    }
    if ((await card.getByTestId('dialer-status').textContent()) !== 'Arrêtée') {
      await card.getByRole('button', { name: 'Arrêter' }).click();
      await expect(card.getByTestId('dialer-status')).toHaveText('Arrêtée');
    }
    if (modeBefore && modeBefore !== 'preview') {
      await modes.getByText(MODE_LABEL[modeBefore] ?? modeBefore, { exact: true }).click();
      await expect(card.locator(`input[value="${modeBefore}"]`)).toBeChecked();
    }
    await restoreLegalHours(card);
    // A desk left open keeps its agent's phone registered: the next spec's desk of the same agent would share
    // its calls (Kamailio forks to both).
    for (const page of [agent, other, manager]) await page.close();
  }
});
