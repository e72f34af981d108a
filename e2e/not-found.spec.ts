// An address no page answers: the portal's own "not found", in the user's language and under the navigation; an
// API address no route answers: a JSON 404, never the sign-in page.
import { expect, test } from '@playwright/test';
import { screenshotPath, signInAndWaitHome } from './helpers';

test('an unknown address shows the portal’s not-found page in French, with the navigation; the API answers a JSON 404', async ({ page, request }) => {
  await signInAndWaitHome(page, 'manager@callpro.test');
  const answer = await page.goto('/nulle-part/ici');
  expect(answer?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toContainText('Page introuvable');
  await expect(page.getByTestId('signed-in-as').first()).toBeVisible();
  await page.screenshot({ path: screenshotPath('not-found-fr'), fullPage: true });
  await page.getByRole('link', { name: 'Retour à l’accueil' }).click();
  await expect(page).toHaveURL(/\/$/);

  const api = await request.get('/api/v1/nothing-here');
  expect(api.status()).toBe(404);
  expect(await api.json()).toEqual({ error: 'No API route at /api/v1/nothing-here' });
});
