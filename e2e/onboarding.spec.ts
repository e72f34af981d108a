// Onboarding a new client end to end, in French (issue 20, "What must show"): the outsourcer admin creates a client
// organization with its partnership and its first client admin (who signs in with the one-time link), puts a number
// in the inventory held for that client, creates an outbound campaign with a dispositions catalogue and that number
// as caller ID, creates an agent (who signs in with their link) and assigns them to the campaign; the manager starts
// the campaign; the client admin sets a target in the brief and sees it on the live monitor.
//
// Why "the agent receives its calls" is not shown as a call: the e2e server runs without a SIP proxy, so the dialer
// places no call (the dialer page says so: started, « En attente », with the reason); the agent desk with voice runs
// against `npm run start:sip` in e2e/desk.spec.ts. What is observable here, and checked: the campaign started on
// /dialer with the inventory number as its caller ID,
// the agent is listed with the campaign on the team page (the assignment the dialer's routing reads), and the agent's
// own home lists the campaign. That an assignment reaches the dialer's routing at once is proved without a browser
// by server/people/people.integration.test.ts (the dialer's agent pool, with a stand-in telephony).
//
// Every object here is new and named for this spec only (Solaris Énergie, SOL-OUT, SOL1, +33 1 80 00 77 00), so it
// does not depend on the other specs nor change the demo accounts or campaigns they rely on.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { assignAgent, pickCampaign, screenshotPath, signIn, signInAndWaitHome, navMenu } from './helpers';

const NEW_PASSWORD = 'tournesol-lumiere-2026';
const CLIENT = 'Solaris Énergie';
const CLIENT_ADMIN = 'admin@solaris.test';
const AGENT_EMAIL = 'sacha.soleil@callpro.test';
const AGENT_CODE = 'SOL1';
const CODE = 'SOL-OUT';
const NUMBER_TYPED = '+33 1 80 00 77 00';
const NUMBER = '+33180007700';

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await signInAndWaitHome(page, email);
  return page;
}

async function linkShown(page: Page): Promise<string> {
  const url = (await page.getByTestId('one-time-link-url').textContent())!.trim();
  expect(url).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
  return url;
}

/** The holder of a one-time link, not signed in, chooses a password (the rules are shown, in French). */
async function setPassword(browser: Browser, url: string, shot?: string): Promise<void> {
  const anon = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await anon.goto(url);
  await expect(anon.getByTestId('password-rules')).toContainText('Au moins 12 caractères.');
  await anon.getByTestId('new-password').fill(NEW_PASSWORD);
  await anon.getByTestId('confirm-password').fill(NEW_PASSWORD);
  if (shot) await anon.screenshot({ path: screenshotPath(shot), fullPage: true });
  await anon.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(anon.getByTestId('password-set')).toBeVisible();
  await anon.context().close();
}

test('onboarding a client: organization, client admin, number, campaign, agent and assignment, started, target seen live', async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await as(browser, 'admin@callpro.test');

  let clientAdmin!: Page;
  await test.step('the admin creates the client organization, its partnership and its first admin; the admin signs in with the link', async () => {
    await navMenu(admin, 'admin', 'Clients');
    await admin.getByTestId('client-name').fill(CLIENT);
    await admin.getByTestId('client-admin-name').fill('Sophie Solaris');
    await admin.getByTestId('client-admin-email').fill(CLIENT_ADMIN);
    await admin.getByTestId('client-create').click();
    const url = await linkShown(admin);
    await expect(admin.getByTestId('client-table')).toContainText(`CallPro × ${CLIENT}`);
    await expect(admin.getByTestId('client-table')).toContainText(CLIENT_ADMIN);
    await admin.screenshot({ path: screenshotPath('onboarding-client-created'), fullPage: true });
    await setPassword(browser, url, 'onboarding-set-password');

    clientAdmin = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await signIn(clientAdmin, CLIENT_ADMIN, NEW_PASSWORD);
    await expect(clientAdmin).toHaveURL(/\/$/);
    await expect(clientAdmin.getByTestId('organization').first()).toHaveText(CLIENT);
  });

  await test.step('the admin adds a number, typed in French, held for the new client', async () => {
    await navMenu(admin, 'admin', 'Numéros');
    await admin.getByTestId('number-input').fill(NUMBER_TYPED);
    await admin.getByTestId('number-held-for').click();
    await admin.getByRole('option', { name: CLIENT }).click();
    await admin.getByTestId('number-proof').fill('Contrat opérateur SOL-2026-001');
    await admin.getByTestId('number-add').click();
    const row = admin.getByTestId(`number-${NUMBER}`);
    await expect(row).toContainText(`Détenu pour le client ${CLIENT}`);
    await expect(row).toContainText('Contrat opérateur SOL-2026-001');
  });

  await test.step('the admin creates an outbound campaign with its dispositions and the inventory number as caller ID', async () => {
    await admin.goto('/campaigns');
    await admin.getByTestId('campaign-new').click();
    await expect(admin.getByTestId('campaign-form')).toBeVisible();
    await admin.getByTestId('campaign-partnership').click();
    await admin.getByRole('option', { name: CLIENT }).click();
    await admin.getByTestId('campaign-code').fill(CODE);
    await admin.getByTestId('campaign-name').fill('Solaris — Prospection panneaux');
    // The caller ID is picked among the numbers the inventory offers for this client (never another client's).
    await admin.getByTestId('campaign-caller-id').click();
    await expect(admin.getByRole('option', { name: NUMBER })).toBeVisible();
    await expect(admin.getByRole('option', { name: '+33180001001' })).toHaveCount(0);
    await admin.getByRole('option', { name: NUMBER }).click();
    await expect(admin.getByTestId('campaign-caller-id')).toHaveValue(NUMBER);
    const rows = admin.getByTestId('campaign-dispositions').locator('tbody tr');
    await rows.nth(0).getByLabel('Code').fill('vente');
    await rows.nth(0).getByLabel('Libellé').fill('Vente');
    await expect(rows.nth(0).getByLabel('Succès')).toBeChecked();
    for (const [i, code, label, flag] of [[1, 'rappel', 'À rappeler', 'Rappel'], [2, 'refus', 'Refus', 'Refus']] as const) {
      await admin.getByTestId('campaign-add-disposition').click();
      await rows.nth(i).getByLabel('Code').fill(code);
      await rows.nth(i).getByLabel('Libellé').fill(label);
      await rows.nth(i).getByLabel(flag, { exact: true }).check();
    }
    await admin.getByTestId('campaign-submit').click();
    await expect(admin).toHaveURL(/\/campaigns\/[^/]+\/settings$/);
    await expect(admin.getByRole('heading', { name: `Réglages — ${CODE}` })).toBeVisible();
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1).getByLabel('Code')).toHaveValue('rappel');
    await expect(rows.nth(2).getByLabel('Refus', { exact: true })).toBeChecked();
    await expect(admin.getByTestId('campaign-caller-id')).toHaveValue(NUMBER);
    await admin.screenshot({ path: screenshotPath('onboarding-campaign-settings'), fullPage: true });

    // The inventory names the campaign presenting the number. Loaded afresh: reached by the menu within seconds of
    // the form, the page may show the list the form read before the campaign existed (the create does not refresh it).
    await admin.goto('/admin/numbers');
    await expect(admin.getByTestId(`number-${NUMBER}`)).toContainText(CODE);
    await admin.screenshot({ path: screenshotPath('onboarding-numbers'), fullPage: true });
  });

  await test.step('the admin creates an agent, who sets a password with the link and signs in', async () => {
    await navMenu(admin, 'admin', 'Utilisateurs');
    await admin.getByTestId('person-name').fill('Sacha Soleil');
    await admin.getByTestId('person-email').fill(AGENT_EMAIL);
    await admin.getByTestId('person-role').click();
    await admin.getByRole('option', { name: 'Agent' }).click();
    await admin.getByTestId('person-agent-code').fill(AGENT_CODE);
    await admin.getByTestId('person-create').click();
    const url = await linkShown(admin);
    await expect(admin.getByTestId(`person-${AGENT_EMAIL}`)).toContainText('Actif');
    await admin.screenshot({ path: screenshotPath('onboarding-agent-created'), fullPage: true });
    await setPassword(browser, url);
    const agent = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await signIn(agent, AGENT_EMAIL, NEW_PASSWORD);
    await expect(agent).toHaveURL(/\/$/);
    await expect(agent.getByTestId('home-agent')).toBeVisible();
    await agent.context().close();
  });

  await test.step('the admin assigns the agent to the new campaign', async () => {
    await navMenu(admin, 'admin', 'Affectations');
    await assignAgent(admin, AGENT_CODE, CODE);
    await admin.reload();
    await expect(admin.getByTestId(`assign-${AGENT_CODE}-${CODE}`)).toBeChecked();
    await admin.screenshot({ path: screenshotPath('onboarding-assignment'), fullPage: true });
  });

  await test.step('the manager starts the campaign; the agent is among its agents', async () => {
    const manager = await as(browser, 'manager@callpro.test');
    await navMenu(manager, 'dialing', 'Numéroteur');
    // No SIP proxy in the e2e server: the page says why no call is placed (see the note at the top).
    await expect(manager.getByTestId('dialer-unavailable')).toBeVisible();
    const card = manager.getByTestId(`dialer-${CODE}`);
    await expect(card).toContainText(CLIENT);
    await expect(card.getByTestId('dialer-number')).toHaveValue(NUMBER);
    await expect(card.getByTestId('dialer-status')).toHaveText('Arrêtée');
    await card.getByRole('button', { name: 'Démarrer' }).click();
    // Started; without a SIP proxy on this server the card says why nothing dials.
    await expect(card.getByTestId('dialer-status')).toHaveText('En attente');
    await expect(card.getByTestId('dialer-idle')).toContainText('numéroteur indisponible');
    await manager.reload();
    await expect(manager.getByTestId(`dialer-${CODE}`).getByTestId('dialer-status')).toHaveText('En attente');
    await manager.getByTestId(`dialer-${CODE}`).scrollIntoViewIfNeeded();
    await manager.screenshot({ path: screenshotPath('onboarding-dialer-started'), fullPage: true });

    // The assignment the dialer's routing reads: the agent is listed with the campaign on the team page...
    await manager.getByRole('link', { name: 'Équipe' }).first().click();
    const agentRow = manager.getByTestId('agent-table').locator('tbody tr', { hasText: 'Sacha Soleil' });
    await expect(agentRow).toContainText(AGENT_CODE);
    await expect(agentRow).toContainText(CODE);
    await manager.screenshot({ path: screenshotPath('onboarding-team'), fullPage: true });
    await manager.context().close();

    // ...and the agent's own home lists the campaign.
    const agent = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await signIn(agent, AGENT_EMAIL, NEW_PASSWORD);
    await expect(agent.getByTestId('home-agent')).toBeVisible();
    await expect(agent.getByTestId('campaign-row')).toHaveCount(1);
    await expect(agent.getByTestId('campaign-row')).toContainText(CODE);
    await agent.screenshot({ path: screenshotPath('onboarding-agent-home'), fullPage: true });
    await agent.context().close();
  });

  await test.step('the client admin sets a target in the brief and sees it on the live monitor', async () => {
    await clientAdmin.getByRole('link', { name: 'Espace partagé' }).first().click();
    await clientAdmin.getByTestId(`workspace-${CLIENT}`).getByRole('link').click();
    await expect(clientAdmin.getByTestId('workspace-title')).toHaveText(`CallPro × ${CLIENT}`);
    await expect(clientAdmin.getByTestId('brief-targets')).toBeVisible();
    // The taux de transformation (what the "vente" disposition counts), which the outbound live monitor shows with its
    // target. Not the taux de service: the brief accepts one for an outbound campaign, but the outbound monitor has no
    // taux de service card, so such a target is shown nowhere there.
    await clientAdmin.getByTestId(`target-${CODE}-target_conversion_rate`).fill('25');
    await clientAdmin.getByTestId(`targets-save-${CODE}`).click();
    await expect(clientAdmin.getByTestId(`targets-message-${CODE}`)).toContainText(`Objectifs de ${CODE} enregistrés (révision 1)`);
    await expect(clientAdmin.getByTestId(`targets-${CODE}`)).toContainText('Révision 1 — Sophie Solaris');
    await clientAdmin.screenshot({ path: screenshotPath('onboarding-brief-target'), fullPage: true });

    await clientAdmin.getByRole('link', { name: 'Direct', exact: true }).first().click();
    // The client's only campaign is selected at once (picking the selected option changes nothing in the URL).
    const picker = clientAdmin.getByTestId('campaign-picker');
    await expect(picker).toHaveValue(/ — /);
    if (!new RegExp(`^${CODE} `).test(await picker.inputValue())) await pickCampaign(clientAdmin, CODE);
    await expect(picker).toHaveValue(new RegExp(`^${CODE} `));
    await expect(clientAdmin.getByTestId('kpi-conversion_rate-target')).toHaveText(/Objectif 25/);
    await clientAdmin.screenshot({ path: screenshotPath('onboarding-live-target'), fullPage: true });
    await clientAdmin.context().close();
  });

  // Tidy up: the campaign this spec started is stopped again (no other campaign was touched).
  const manager = await as(browser, 'manager@callpro.test');
  await manager.goto('/dialer');
  await manager.getByTestId(`dialer-${CODE}`).getByRole('button', { name: 'Arrêter' }).click();
  await expect(manager.getByTestId(`dialer-${CODE}`).getByTestId('dialer-status')).toHaveText('Arrêtée');
  await manager.context().close();
});
