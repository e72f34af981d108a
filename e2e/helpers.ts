// Shared steps of the browser tests.
import path from 'node:path';
import { addDays, startOfDay } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { expect, test, type Page } from '@playwright/test';

export const ARTIFACTS = path.join(__dirname, 'artifacts');
export const PASSWORD = 'relais-demo';

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/signin');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

export async function signInAndWaitHome(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('signed-in-as').first()).toBeVisible();
}

/** Opens a navigation menu (`steering`, `dialing`, `admin`) and follows one of its entries. */
export async function navMenu(page: Page, group: 'steering' | 'dialing' | 'admin', entry: string): Promise<void> {
  await page.getByTestId(`nav-group-${group}`).click();
  await page.getByRole('menuitem', { name: entry, exact: true }).click();
}

/** Switches the portal's language through the account menu (opened when its switch is not showing). */
export async function switchLanguage(page: Page, label: 'FR' | 'EN'): Promise<void> {
  const option = page.getByRole('menu').getByText(label, { exact: true });
  if (!(await option.isVisible())) await page.getByTestId('nav-account').click();
  await option.click();
}

/** Signs out through the account menu. */
export async function signOutVia(page: Page): Promise<void> {
  await page.getByTestId('nav-account').click();
  await page.getByRole('menuitem', { name: /Se déconnecter|Sign out/ }).click();
}

export async function campaignCodes(page: Page): Promise<string[]> {
  const rows = page.getByTestId('campaign-row');
  await expect(rows.first()).toBeVisible();
  return (await rows.locator('td:first-child').allTextContents()).map((s) => s.trim()).sort();
}

export function screenshotPath(name: string): string {
  return path.join(ARTIFACTS, `${name}.png`);
}

/** Picks a campaign in the page's picker and waits until the page shows it (the URL drives a re-render). */
export async function pickCampaign(page: Page, code: string): Promise<void> {
  await page.getByTestId('campaign-picker').click();
  await page.getByRole('option', { name: new RegExp(`^${code} `) }).click();
  await expect(page).toHaveURL(/[?&]campaign=/);
  await expect(page.getByTestId('campaign-picker')).toHaveValue(new RegExp(`^${code} `));
}

/** Ticks an agent × campaign box on /admin/teams and waits for the server's answer: one click (check() may click
 * again while the box re-renders, toggling it back), and the save done before anyone reloads. */
export async function assignAgent(page: Page, agentCode: string, campaignCode: string): Promise<void> {
  const box = page.getByTestId(`assign-${agentCode}-${campaignCode}`);
  await expect(box).not.toBeChecked();
  const answer = page.waitForResponse((r) => r.url().includes('people.assignments.set'));
  await box.click();
  const res = await answer;
  expect(res.status(), await res.text()).toBe(200);
  expect(await res.text()).toContain('"assigned":true');
  await expect(box).toBeChecked();
}

/**
 * Figures counted by day in Paris (the demo campaigns' zone): read a minute before midnight and posted to after it,
 * a count would start again from zero. That close to midnight, the test waits for the new day.
 */
export async function clearOfParisMidnight(margin = 60_000): Promise<void> {
  const now = Date.now();
  const midnight = startOfDay(addDays(new TZDate(now, 'Europe/Paris'), 1)).getTime();
  if (midnight - now > margin) return;
  test.info().setTimeout(test.info().timeout + midnight - now + 1_000);
  await new Promise((r) => setTimeout(r, midnight - now + 1_000));
}
