// Relais start-up: lock the data dir, build if needed, open ClickHouse, migrate, seed, serve the portal.
import { createServer } from 'node:http';
import path from 'node:path';
import next from 'next';
import { clickhouseTarget, dataDir } from '@/clickhouse/config';
import { closeClickhouse, DataDirLockedError, openClickhouse } from '@/clickhouse/client';
import { migrate, MigrationError } from '@/clickhouse/migrate';
import { formatAccounts, seedDemo } from '@/server/seed/demo';
import { seedDemoActivity } from '@/server/seed/demo-activity';
import { ensureAuthSecret } from './startup/auth-secret';
import { buildIsStale, buildPortal } from './startup/build';
import { parseEnv } from './startup/env';
import { DataDirInUseError, lockDataDir } from './startup/lock';
import { startDialer } from '@/dialer/start';
import { setDialer } from '@/server/dialer/instance';
import { failInterruptedImports } from '@/server/contacts/import-job';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { ensureBootstrapKey } from '@/server/api-keys/keys';

const root = path.resolve(__dirname, '..');

async function main(): Promise<void> {
  const dev = process.argv.includes('--dev');
  const env = parseEnv(process.env);
  const dir = dataDir();
  const target = clickhouseTarget();
  const release = target.kind === 'embedded' ? lockDataDir(dir) : () => {};
  process.on('exit', release);

  if (!dev && buildIsStale(root)) buildPortal(root);
  ensureAuthSecret(dir);
  process.env.NEXTAUTH_URL ??= `http://localhost:${env.PORT}`;

  const ch = openClickhouse(target);
  const applied = await migrate(ch);
  console.log(
    `ClickHouse: ${target.kind === 'embedded' ? `embedded chDB at ${target.path}` : target.url}` +
      (applied.length ? ` — applied ${applied.join(', ')}` : ' — schema up to date'),
  );
  if (env.RELAIS_SEED === '1') {
    const accounts = await seedDemo(ch);
    if (accounts.length) {
      const records = await seedDemoActivity(ch);
      console.log(`Seeded the demo data (${records} call records over the last week).\n${formatAccounts(accounts)}`);
    } else console.log('Demo data already present (password relais-demo).');
  }
  if (env.RELAIS_BOOTSTRAP_API_KEY) {
    // The demo outsourcer (CallPro), or the first outsourcer when the demo data is not there.
    const outsourcers = await tenancy.organizationsOfKind(ch, 'outsourcer');
    const org = outsourcers.find((o) => o.name === 'CallPro') ?? outsourcers[0];
    if (!org) throw new Error('RELAIS_BOOTSTRAP_API_KEY is set but there is no outsourcer organization to give it to');
    const created = await ensureBootstrapKey(ch, env.RELAIS_BOOTSTRAP_API_KEY, org.id);
    console.log(`API key from RELAIS_BOOTSTRAP_API_KEY ${created ? 'created' : 'already present'} for ${org.name}.`);
  }
  const interrupted = await failInterruptedImports(ch);
  if (interrupted) console.log(`${interrupted} contact import(s) cut by the last stop are marked failed: run them again from the workspace.`);
  // A proxy that cannot be reached leaves the portal up, saying why there is no dialing.
  const dialer = await startDialer(ch, { sipWs: env.RELAIS_SIP_WS, withSip: process.argv.includes('--with-sip'), dataDir: dir })
    .catch((err: Error) => ({ dialer: null, message: `SIP proxy unreachable (${err.message})`, stop: async () => {} }));
  setDialer(dialer.dialer, dialer.message);
  console.log(`Dialer: ${dialer.message}`);

  const app = next({ dev, dir: root, hostname: 'localhost', port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.RELAIS_HOST, resolve);
  });
  console.log(`Relais is running at http://localhost:${env.PORT}`);

  const stop = async () => {
    server.close();
    await dialer.stop();
    await closeClickhouse();
    release();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  const known = err instanceof DataDirInUseError || err instanceof DataDirLockedError || err instanceof MigrationError;
  const portBusy = (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
  const message = portBusy ? `Port ${process.env.PORT ?? 3000} is already in use; set PORT to another one.` : (err as Error).message;
  console.error(`Relais cannot start: ${message}`);
  if (!known && !portBusy && process.env.RELAIS_DEBUG) console.error(err);
  process.exit(1);
});
