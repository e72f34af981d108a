// Two suites: pure unit tests (`*.test.ts`) and integration tests on a real chDB engine
// (`*.integration.test.ts`), both kept beside the code they test.
import { defineConfig } from 'vitest/config';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
// `server-only` marks modules a browser bundle must never hold: Next turns it into a build error there, while
// Node (tsx through tsconfig's paths, Vitest here) reads it as the empty module it is on the server.
const alias = { '@': root, 'server-only': path.join(root, 'node_modules/next/dist/compiled/server-only/empty.js') };
const dirs = '{app,server,dialer,clickhouse,scripts}';

export default defineConfig({
  root,
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          root,
          include: [`${dirs}/**/*.test.ts`],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
          environment: 'node',
          // Some are CPU-bound (40,000 generated records in server/ingest/fast-call.test.ts: 1.6–2.1 s on a quiet
          // machine, over 5 s, vitest's default, when other suites share its two cores).
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          root,
          include: [`${dirs}/**/*.integration.test.ts`],
          environment: 'node',
          // chDB allows one on-disk engine per process: every file runs in its own fork.
          pool: 'forks',
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
