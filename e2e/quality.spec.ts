// The quality loop on the demo data (its recorded calls, grids and sample are seeded by server/seed/demo-quality.ts):
// the quality analyst opens the queue, opens a recorded call, plays it, scores it with a comment pinned to a time
// and submits; agent 1 sees it on the desk and acknowledges it; the manager sees the QA score on /agents.
import { expect, test, type Browser } from '@playwright/test';
import { screenshotPath, signInAndWaitHome as signIn } from './helpers';

/** The client's report of ACME-OUT over the last two weeks (the queue's calls are this week's or last week's): its QA score. */
async function clientQaScore(browser: Browser): Promise<string> {
  const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
  await signIn(page, 'client@acme.test');
  await page.goto('/report');
  await page.getByTestId('campaign-picker').click();
  await page.getByRole('option', { name: /^ACME-OUT/ }).click();
  const from = new Date(Date.now() - 13 * 86_400_000).toISOString().slice(0, 10);
  await page.getByTestId('report-from').fill(from);
  const cell = page.getByTestId('report-total-qa_score');
  await expect(cell).toHaveText(/%/);
  const text = (await cell.textContent()) ?? '';
  await page.context().close();
  return text;
}

test('evaluate a recorded call, the agent acknowledges, the QA score shows', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const clientBefore = await clientQaScore(browser);
  await signIn(page, 'quality@callpro.test');
  await page.goto('/quality');
  // ACME-OUT: agent 1's calls are Acme's.
  await page.getByTestId('campaign-picker').click();
  await page.getByRole('option', { name: /^ACME-OUT/ }).click();
  const table = page.getByTestId('queue-table');
  const recorded = page.locator('[data-testid=queue-row][data-recorded=yes][data-evaluated=no]').filter({ hasText: 'Agent 1' });
  // Early on a Monday this week has no call yet: last week's sample holds the recorded ones.
  await expect(table.or(page.getByTestId('queue-empty'))).toBeVisible();
  if (!(await recorded.count())) await page.getByRole('button', { name: 'Semaine précédente' }).click();
  await recorded.first().getByTestId('queue-evaluate').click();

  // The recording plays: its time advances.
  await expect(page.getByTestId('player-toggle')).toBeEnabled();
  await page.getByTestId('player-toggle').click();
  await expect(page.getByTestId('player-time')).not.toHaveText(/^0:00 \//, { timeout: 10_000 });
  await page.getByTestId('player-toggle').click();

  // Every criterion answered: yes, or the top of its scale; one N/A.
  for (const criterion of await page.locator('[data-testid^=criterion-]').all()) {
    const yes = criterion.getByText('Oui', { exact: true });
    if (await yes.count()) await yes.click();
    else await criterion.getByText('4', { exact: true }).click();
  }
  await page.getByTestId('criterion-identification').getByText('N/A', { exact: true }).click();
  await expect(page.getByTestId('live-score')).toHaveText(/^100\s%$/);
  await page.getByTestId('comment-text').fill('Annonce l’enregistrement dès l’accroche');
  await page.getByTestId('comment-add').click();
  await expect(page.getByTestId('pinned-comment')).toContainText('Annonce l’enregistrement');
  await page.getByTestId('evaluate-submit').click();
  await expect(page.getByTestId('my-evaluation')).toBeVisible();
  await expect(page.getByTestId('evaluation-status')).toHaveText('Envoyée');
  await page.screenshot({ path: screenshotPath('quality-evaluate'), fullPage: true });

  // Agent 1 sees it on the desk (newest first) and acknowledges it.
  await page.context().clearCookies();
  await signIn(page, 'agent1@callpro.test');
  await page.goto('/desk');
  const first = page.getByTestId('desk-evaluation').first();
  await expect(first).toContainText('Annonce l’enregistrement');
  await expect(first.getByTestId('desk-evaluation-score')).toHaveText(/^100\s%$/);
  await first.getByTestId('evaluation-acknowledge').click();
  await expect(first.getByTestId('desk-evaluation-status')).toHaveText('Validée par l’agent');

  // The manager sees the QA score per agent on /agents.
  await page.context().clearCookies();
  await signIn(page, 'manager@callpro.test');
  await page.goto('/agents');
  await expect(page.getByTestId('sort-qa_score')).toBeVisible();
  // Agent 1, not Agents 10–12.
  const agent1 = page.getByTestId('agent-row').filter({ hasText: /Agent 1(?!\d)/ });
  await expect(agent1).toContainText('%');
  await page.screenshot({ path: screenshotPath('quality-agents'), fullPage: true });

  // The client sees its campaign's QA score move (a 100 % evaluation among lower ones).
  await expect.poll(() => clientQaScore(browser), { timeout: 30_000 }).not.toBe(clientBefore);
});
