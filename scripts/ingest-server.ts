// `npm start` reduced to the ingest API, for the kill -9 test (server/ingest/kill-restart.integration.test.ts): the
// start-up steps of server/main.ts on the data directory (environment validated, the data directory's pid lock
// taken, a dead owner's taken over, chDB opened on it, migrations applied, the rollups repaired after an unclean stop), then POST /api/v1/ingest served by the
// route module itself over node:http (server/testing/http.ts, as the API tests serve it). Everything from the route
// down is the product's: the key check, the body limit, the parse workers, the single writer that answers once the
// rows are in ClickHouse.
//
// Why not server/main.ts itself: its portal is Next.js, which serves only after `next build` (minutes on two cores;
// the e2e step builds it once, after the integration tests) or in development mode, which compiles the route on its
// first request after every start. The test starts the server three times within its minute; what it proves lives
// in the data directory and the ingest code, which this process shares with main.ts.
//
// Prints `Ingest API listening on http://127.0.0.1:PORT` once it serves; SIGTERM stops it cleanly.
import { clickhouseTarget } from '@/clickhouse/config';
import { closeClickhouse } from '@/clickhouse/client';
import { openEngine } from '@/server/startup/open-engine';
import { migrate } from '@/clickhouse/migrate';
import { dataDirOf, parseEnv } from '@/server/startup/env';
import { lockDataDir } from '@/server/startup/lock';
import { repairAfterUncleanStop } from '@/server/startup/after-crash';
import { serveRoutes } from '@/server/testing/http';
import { POST as ingestRoute } from '@/app/api/v1/ingest/route';

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const dir = dataDirOf(env);
  const lock = lockDataDir(dir);
  process.on('exit', lock.release);
  const ch = await openEngine(clickhouseTarget({ dataDir: dir }), lock);
  await migrate(ch);
  await repairAfterUncleanStop(ch, lock);
  const api = await serveRoutes([{ method: 'POST', pattern: /^\/api\/v1\/ingest$/, handler: ingestRoute as never }], { port: env.PORT, host: '127.0.0.1' });
  console.log(`Ingest API listening on ${api.url}`);
  process.once('SIGTERM', async () => {
    await api.close();
    await closeClickhouse();
    process.exit(0);
  });
}

main().catch((err: Error) => {
  console.error(`Relais cannot start: ${err.message}`);
  process.exit(1);
});
