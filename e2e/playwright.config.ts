// Playwright drives Debian's Chromium against a real `npm start` server on a fresh data dir.
import path from 'node:path';
import { defineConfig } from '@playwright/test';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_API_KEY = 'rk_e2e_bootstrap_key_0123456789';
export const E2E_DATA_DIR = path.resolve(__dirname, '..', 'data', 'e2e');
const root = path.resolve(__dirname, '..');

// Specs that create organizations, users and campaigns on the shared server run after the others, whose exact
// lists (a client's campaigns, the manager's agents, a picker's first campaign) are the demo's.
const ADMINISTRATION = /(campaigns|people|onboarding)\.spec\.ts$/;

export default defineConfig({
  testDir: '.',
  projects: [
    { name: 'portal', testIgnore: ADMINISTRATION },
    { name: 'administration', testMatch: ADMINISTRATION, dependencies: ['portal'] },
  ],
  outputDir: path.join(__dirname, 'artifacts', 'results'),
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: 'fr-FR',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    // `npm start` itself, on a data dir wiped for the run (it builds the portal first when stale).
    command: `rm -rf "${E2E_DATA_DIR}" && npx tsx server/main.ts`,
    cwd: root,
    url: `http://localhost:${E2E_PORT}/signin`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { PORT: String(E2E_PORT), RELAIS_DATA_DIR: E2E_DATA_DIR, RELAIS_HOST: '127.0.0.1', RELAIS_BOOTSTRAP_API_KEY: E2E_API_KEY },
  },
});
