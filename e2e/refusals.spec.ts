// A page the user's role may not open says so, in their language, naming the roles it is for, under the navigation
// and with the way home — never « Une erreur est survenue. » nor an empty frame. And a data page shows a loader while
// its data is on the way, never a blank page under its title.
import { expect, test, type Page } from '@playwright/test';
import { screenshotPath, signInAndWaitHome, switchLanguage } from './helpers';

async function expectRefused(page: Page, path: string, reason: string, shot: string, withNavigation = true): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('refused-reason')).toHaveText(reason);
  await expect(page.getByTestId('refused').getByRole('link')).toHaveAttribute('href', '/');
  // The navigation stays, on every page but the wall TV's, which has none.
  await expect(page.getByTestId('signed-in-as')).toHaveCount(withNavigation ? 1 : 0);
  await page.screenshot({ path: screenshotPath(shot), fullPage: true });
}

test('a client and an agent on pages their role may not open read the roles the page is for, in French then in English', async ({ browser }) => {
  const client = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await signInAndWaitHome(client, 'client@acme.test');
  await expectRefused(client, '/agents', 'Réservé aux rôles : manager, qualité, administrateur.', 'refused-client-agents-fr');
  await expectRefused(client, '/dialer', 'Réservé aux rôles : manager, administrateur.', 'refused-client-dialer-fr');
  await expect(client.getByText('Une erreur est survenue.')).toHaveCount(0);
  await switchLanguage(client, 'EN');
  await expectRefused(client, '/dialer', 'Reserved to: manager, administrator.', 'refused-client-dialer-en');
  await client.context().close();

  const agent = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await signInAndWaitHome(agent, 'agent1@callpro.test');
  await expectRefused(agent, '/live', 'Réservé aux rôles : client, manager, qualité, administrateur.', 'refused-agent-live-fr');
  await expectRefused(agent, '/wallboard', 'Réservé aux rôles : client, manager, qualité, administrateur.', 'refused-agent-wallboard-fr', false);
  await agent.getByTestId('refused').getByRole('link').click();
  await expect(agent).toHaveURL(/\/$/);
  await agent.context().close();
});

test('the live page shows a loader while its campaigns load, then the campaign, its stream connecting before it is live', async ({ page }) => {
  await signInAndWaitHome(page, 'manager@callpro.test');
  // A slow network: the campaign list takes two seconds.
  await page.route(/\/api\/trpc\/[^?]*campaigns\.list/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue();
  });
  await page.goto('/live');
  await expect(page.getByTestId('page-loading')).toBeVisible();
  await page.screenshot({ path: screenshotPath('loading-live-fr'), fullPage: true });
  await expect(page.getByTestId('live-monitor')).toBeVisible();
  // Never « Reconnexion… » on a stream that was never up.
  await expect(page.getByTestId('live-status')).toHaveText(/Connexion…|Temps réel/);
  await expect(page.getByTestId('live-status')).toHaveText('Temps réel');
});
