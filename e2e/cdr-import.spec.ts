// A manager imports a CSV export of calls: mapping guessed from French headers, preview, progress, report, every
// problem worded in the user's language; a role that may not import is told so and never sees the form.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { screenshotPath, signInAndWaitHome, pickCampaign, switchLanguage } from './helpers';

const ROWS = 4_500;
const BAD = [17, 2_001, 4_400]; // data rows (0-based) ending before they start, on purpose
const BAD_OUTCOME = 1; // a data row with an outcome no platform has, shown in the preview too

function csvFile(): string {
  const lines = ['ID_appel;Sens;Début;Prise en charge;Fin;Statut;Agent'];
  for (let i = 0; i < ROWS; i++) {
    const minute = String(i % 60).padStart(2, '0');
    const hour = String(9 + Math.floor(i / 600)).padStart(2, '0');
    const end = BAD.includes(i) ? `02/03/2026 08:${minute}:00` : `02/03/2026 ${hour}:${minute}:50`;
    const outcome = i === BAD_OUTCOME ? 'xyz' : 'connected';
    lines.push(`csv-${i};entrant;02/03/2026 ${hour}:${minute}:00;02/03/2026 ${hour}:${minute}:12;${end};${outcome};A${1 + (i % 4)}`);
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'relais-csv-')), 'export-cdr.csv');
  writeFileSync(file, lines.join('\r\n').replace(/entrant/g, 'inbound'), 'utf8');
  return file;
}

test('the manager imports a CDR file and reads the report', async ({ page }) => {
  await signInAndWaitHome(page, 'manager@callpro.test');
  await page.goto('/import');
  await pickCampaign(page, 'ACME-IN');
  await page.locator('input[type="file"]').setInputFiles(csvFile());
  await expect(page.getByText(`${new Intl.NumberFormat('fr').format(ROWS)} lignes, 7 colonnes`)).toBeVisible();
  // The mapping is guessed from the French headers.
  await expect(page.getByTestId('map-id')).toHaveValue('ID_appel');
  await expect(page.getByTestId('map-started_at')).toHaveValue('Début');
  await expect(page.getByTestId('map-connected_at')).toHaveValue('Prise en charge');
  await expect(page.getByTestId('import-preview').locator('tr')).toHaveCount(5);
  const outcomeProblem = 'Statut : valeur « xyz » inconnue ; attendu : mis en relation, pas de réponse';
  await expect(page.getByTestId('import-preview')).toContainText(outcomeProblem);
  await expect(page.getByText('Associez une colonne à')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('cdr-import-preview-fr'), fullPage: true });
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 60_000 });
  // French numbers and punctuation: a space before the colon, thousands grouped.
  await expect(page.getByTestId('import-accepted')).toHaveText(`Lignes importées : ${new Intl.NumberFormat('fr').format(ROWS - BAD.length - 1)}`);
  await expect(page.getByTestId('import-rejected')).toHaveText(`Lignes rejetées : ${BAD.length + 1}`);
  await expect(page.getByText('Fin : la fin ne peut pas précéder le début.').first()).toBeVisible();
  await expect(page.getByTestId('import-report')).toContainText(outcomeProblem);
  await expect(page.getByTestId('import-report')).not.toContainText('Invalid option');
  await expect(page.getByRole('cell', { name: String(BAD[0]! + 2), exact: true })).toBeVisible();
  await page.screenshot({ path: screenshotPath('cdr-import-report'), fullPage: true });
});

test('in English, the same file’s problems are in English', async ({ page }) => {
  await signInAndWaitHome(page, 'manager@callpro.test');
  await switchLanguage(page, 'EN');
  await page.goto('/import');
  await pickCampaign(page, 'ACME-IN');
  await page.locator('input[type="file"]').setInputFiles(csvFile());
  await expect(page.getByText(`${new Intl.NumberFormat('en').format(ROWS)} rows, 7 columns`)).toBeVisible();
  await expect(page.getByTestId('import-preview')).toContainText('Outcome: unknown value “xyz”; expected: connected, no answer');
  await expect(page.getByTestId('import-preview')).not.toContainText('Invalid option');
  await page.screenshot({ path: screenshotPath('cdr-import-preview-en'), fullPage: true });
});

test('a client is told who imports, and sees no form', async ({ page }) => {
  await signInAndWaitHome(page, 'client@acme.test');
  await page.goto('/import');
  await expect(page.getByTestId('refused-reason')).toHaveText('Réservé aux rôles : manager, administrateur.');
  await expect(page.locator('input[type="file"]')).toHaveCount(0);
  await expect(page.getByTestId('import-start')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('cdr-import-client'), fullPage: true });
});
