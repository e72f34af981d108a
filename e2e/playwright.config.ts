// Playwright drives Debian's Chromium against a real `npm start` server on a fresh data dir.
import path from 'node:path';
import { defineConfig } from '@playwright/test';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_API_KEY = 'rk_e2e_bootstrap_key_0123456789';
export const E2E_DATA_DIR = path.resolve(__dirname, '..', 'data', 'e2e');
/** The server with the local telephony stack (`npm run start:sip`: Kamailio, rtpengine, SIPp customers), for the desk. */
export const E2E_SIP_PORT = E2E_PORT + 1;
export const E2E_SIP_DATA_DIR = path.resolve(__dirname, '..', 'data', 'e2e-sip');
const root = path.resolve(__dirname, '..');

// Specs that create organizations, users and campaigns on the shared server run after the others, whose exact
// lists (a client's campaigns, the manager's agents, a picker's first campaign) are the demo's.
const ADMINISTRATION = /(campaigns|people|onboarding)\.spec\.ts$/;
// The agent desk talks to customers: its own server, with telephony, and a browser with a fake microphone.
const DESK = /desk(-[a-z]+)?\.spec\.ts$/;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export default defineConfig({
  testDir: '.',
  projects: [
    { name: 'portal', testIgnore: [ADMINISTRATION, DESK] },
    { name: 'administration', testMatch: ADMINISTRATION, dependencies: ['portal'] },
    {
      name: 'desk',
      testMatch: DESK,
      use: {
        baseURL: `http://localhost:${E2E_SIP_PORT}`,
        permissions: ['microphone'],
        launchOptions: { executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] },
      },
    },
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
      args: CHROMIUM_ARGS,
    },
  },
  // Started one after the other: the first builds the portal when stale, the second finds it built.
  webServer: [{
    // `npm start` itself, on a data dir wiped for the run (it builds the portal first when stale).
    command: `rm -rf "${E2E_DATA_DIR}" && npx tsx server/main.ts`,
    cwd: root,
    url: `http://localhost:${E2E_PORT}/signin`,
    timeout: 600_000,
    reuseExistingServer: false,
    // SIGTERM first: the server stops its dialer and local SIP stack (children in their own process groups).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    stdout: 'pipe',
    stderr: 'pipe',
    env: { PORT: String(E2E_PORT), RELAIS_DATA_DIR: E2E_DATA_DIR, RELAIS_HOST: '127.0.0.1', RELAIS_BOOTSTRAP_API_KEY: E2E_API_KEY },
  }, {
    // `npm run start:sip`: the same portal with Kamailio, rtpengine and the SIPp customers on free ports.
    command: `rm -rf "${E2E_SIP_DATA_DIR}" && npx tsx server/main.ts --with-sip`,
    cwd: root,
    url: `http://localhost:${E2E_SIP_PORT}/signin`,
    timeout: 600_000,
    reuseExistingServer: false,
    // SIGTERM first: the server stops its dialer and local SIP stack (children in their own process groups).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    stdout: 'pipe',
    stderr: 'pipe',
    env: { PORT: String(E2E_SIP_PORT), RELAIS_DATA_DIR: E2E_SIP_DATA_DIR, RELAIS_HOST: '127.0.0.1', RELAIS_BOOTSTRAP_API_KEY: E2E_API_KEY },
  }],
});
