// The manager's dialer page in the browser (the e2e server runs without a SIP proxy): the page says why no
// call is placed, and mode and run status changed by the manager are kept; a client never sees the page's data.
import { expect, test } from '@playwright/test';
import { screenshotPath, signInAndWaitHome, navMenu } from './helpers';

test('a manager sets the Acme outbound campaign to predictive and starts it', async ({ browser }) => {
  const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await signInAndWaitHome(page, 'manager@callpro.test');
  await navMenu(page, 'dialing', 'Numéroteur');
  await expect(page.getByTestId('dialer-unavailable')).toContainText('aucun proxy SIP configuré');
  const card = page.getByTestId('dialer-ACME-OUT');
  await expect(card.getByTestId('dialer-status')).toHaveText('Arrêtée');
  await card.getByText('Prédictif').click();
  await card.getByRole('button', { name: 'Démarrer' }).click();
  // Started, but no call can leave a server without a SIP proxy: the card says so instead of « En cours ».
  await expect(card.getByTestId('dialer-status')).toHaveText('En attente');
  await expect(card.getByTestId('dialer-idle')).toContainText('Aucun appel ne part : numéroteur indisponible');
  await page.reload();
  await expect(page.getByTestId('dialer-ACME-OUT').getByTestId('dialer-status')).toHaveText('En attente');
  await expect(page.getByTestId('dialer-ACME-OUT').locator('input[value="predictive"]')).toBeChecked();
  await page.screenshot({ path: screenshotPath('dialer-manager'), fullPage: true });
  await page.getByTestId('dialer-ACME-OUT').getByRole('button', { name: 'Arrêter' }).click();
  await expect(page.getByTestId('dialer-ACME-OUT').getByTestId('dialer-status')).toHaveText('Arrêtée');
});

test('a client has no dialer in the menu and the API refuses it', async ({ browser }) => {
  const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await signInAndWaitHome(page, 'client@acme.test');
  await expect(page.getByRole('link', { name: 'Numéroteur' })).toHaveCount(0);
  await expect(page.getByTestId('nav-group-dialing')).toHaveCount(0);
  const res = await page.request.get('/api/trpc/dialer.state');
  expect(res.status()).toBe(403);
});

test('a manager closes and reopens an inbound line, and cannot take another client’s number', async ({ browser }) => {
  const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await signInAndWaitHome(page, 'manager@callpro.test');
  await page.goto('/dialer');
  const line = page.getByTestId('dialer-ACME-IN');
  await expect(line.getByTestId('dialer-status')).toHaveText('Ligne ouverte');
  await expect(line.getByTestId('dialer-number')).toHaveValue('+33180001000');
  await line.getByRole('button', { name: 'Fermer la ligne' }).click();
  await expect(line.getByTestId('dialer-status')).toHaveText('Ligne fermée');
  await page.reload();
  await expect(page.getByTestId('dialer-ACME-IN').getByTestId('dialer-status')).toHaveText('Ligne fermée');
  await page.getByTestId('dialer-ACME-IN').getByRole('button', { name: 'Ouvrir la ligne' }).click();
  await expect(page.getByTestId('dialer-ACME-IN').getByTestId('dialer-status')).toHaveText('Ligne ouverte');
  // Horizon's line number on an Acme campaign is refused with the reason.
  const number = page.getByTestId('dialer-ACME-OUT').getByTestId('dialer-number');
  await number.fill('+33 1 80 00 20 00');
  await number.blur();
  await expect(page.getByTestId('dialer-error')).toContainText('autre client');
  await page.screenshot({ path: screenshotPath('dialer-lines'), fullPage: true });
});

test('an agent’s desk says why no call can arrive when the server runs no dialer', async ({ browser }) => {
  const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await signInAndWaitHome(page, 'agent1@callpro.test');
  await page.getByRole('link', { name: 'Poste agent', exact: true }).click();
  await expect(page.getByTestId('desk-no-dialer')).toContainText('Le numéroteur ne fonctionne pas sur ce serveur (aucun proxy SIP configuré)');
  await expect(page.getByTestId('desk-phone')).toHaveText('Non connecté');
  await expect(page.getByTestId('desk-login')).toBeDisabled();
  await page.screenshot({ path: screenshotPath('desk-no-dialer'), fullPage: true });
});
