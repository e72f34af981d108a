// People administration end to end, in French (issue 20): the outsourcer admin creates a client organization and
// its admin, who chooses a password with the one-time link and signs in; the admin creates an agent, who is assigned
// to a campaign; a deactivated user's session ends and sign-in says why.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { assignAgent, screenshotPath, signIn, signInAndWaitHome, navMenu } from './helpers';

const PASSWORD = 'cheval-batterie-agrafe';

async function setPassword(browser: Browser, url: string): Promise<void> {
  const anon = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await anon.goto(url);
  await expect(anon.getByTestId('password-rules')).toContainText('Au moins 12 caractères.');
  await anon.getByTestId('new-password').fill(PASSWORD);
  await anon.getByTestId('confirm-password').fill(PASSWORD);
  await anon.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(anon.getByTestId('password-set')).toBeVisible();
  await anon.goto(url);
  await expect(anon.getByTestId('link-refused')).toContainText('Ce lien a déjà servi');
  await anon.context().close();
}

async function linkShown(page: Page): Promise<string> {
  const url = (await page.getByTestId('one-time-link-url').textContent())!.trim();
  expect(url).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
  return url;
}

test('the outsourcer admin creates a client and its admin, who signs in with the one-time link and manages their own users', async ({ page, browser }) => {
  await signInAndWaitHome(page, 'admin@callpro.test');
  await navMenu(page, 'admin', 'Clients');
  await page.getByTestId('client-name').fill('Bio Frais');
  await page.getByTestId('client-admin-name').fill('Bérénice Bio');
  await page.getByTestId('client-admin-email').fill('admin@biofrais.test');
  await page.getByTestId('client-create').click();
  const url = await linkShown(page);
  await expect(page.getByTestId('client-table')).toContainText('CallPro × Bio Frais');
  await page.screenshot({ path: screenshotPath('admin-clients'), fullPage: true });
  await setPassword(browser, url);

  const client = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await signIn(client, 'admin@biofrais.test', PASSWORD);
  await expect(client).toHaveURL(/\/$/);
  await navMenu(client, 'admin', 'Utilisateurs');
  await expect(client.getByTestId('people-table')).toContainText('admin@biofrais.test');
  await expect(client.getByTestId('people-table')).not.toContainText('callpro.test');
  await expect(client.getByRole('link', { name: 'Numéroteur' })).toHaveCount(0);
  await expect(client.getByTestId('nav-group-dialing')).toHaveCount(0);
  await client.context().close();
});

test('the admin creates an agent (a duplicate e-mail refused on its field) and assigns them to a campaign', async ({ page, browser }) => {
  await signInAndWaitHome(page, 'admin@callpro.test');
  await page.goto('/admin/users');
  await page.getByTestId('person-name').fill('Nina Nouvelle');
  await page.getByTestId('person-email').fill('agent1@callpro.test');
  await page.getByTestId('person-role').click();
  await page.getByRole('option', { name: 'Agent' }).click();
  await page.getByTestId('person-agent-code').fill('A21');
  await page.getByTestId('person-create').click();
  await expect(page.getByText('Un compte utilise déjà l’adresse agent1@callpro.test : rien n’a été enregistré.')).toBeVisible();
  await page.getByTestId('person-email').fill('nina@callpro.test');
  await page.getByTestId('person-create').click();
  await setPassword(browser, await linkShown(page));
  await expect(page.getByTestId('person-nina@callpro.test')).toContainText('Actif');

  await navMenu(page, 'admin', 'Affectations');
  await assignAgent(page, 'A21', 'ACME-OUT');
  await page.reload();
  await expect(page.getByTestId('assign-A21-ACME-OUT')).toBeChecked();
  await page.screenshot({ path: screenshotPath('admin-teams'), fullPage: true });
});

test('a deactivated user’s open session ends at the next page, and sign-in says the account is deactivated', async ({ page, browser }) => {
  const quality = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await signInAndWaitHome(quality, 'quality@callpro.test');
  await signInAndWaitHome(page, 'admin@callpro.test');
  await page.goto('/admin/users');
  page.once('dialog', (d) => void d.accept());
  const row = page.getByTestId('person-quality@callpro.test');
  await row.getByRole('button', { name: 'Désactiver' }).click();
  await expect(row).toContainText('Désactivé');

  await quality.goto('/live');
  await expect(quality).toHaveURL(/\/signin/);
  await signIn(quality, 'quality@callpro.test');
  await expect(quality.getByText('Ce compte a été désactivé par un administrateur.')).toBeVisible();
  await quality.context().close();

  await row.getByRole('button', { name: 'Réactiver' }).click();
  await expect(row).toContainText('Actif');
});
