// Relais start-up: check the environment, lock the data dir, build if needed, open ClickHouse, migrate, seed,
// start the co-located dialer, serve the portal.
import { createServer } from 'node:http';
import path from 'node:path';
import next from 'next';
import { clickhouseTarget } from '@/clickhouse/config';
import { closeClickhouse, DataDirLockedError } from '@/clickhouse/client';
import { migrate, MigrationError } from '@/clickhouse/migrate';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { startDialer } from '@/dialer/start';
import { keepaliveEvery } from '@/dialer/sip/dialer-ua';
import { ensureBootstrapKey } from '@/server/api-keys/keys';
import { failInterruptedImports } from '@/server/contacts/import-job';
import { setDialer } from '@/server/dialer/instance';
import { setSipProxy } from '@/server/desk/sip-proxy';
import { clientAddress } from '@/server/http/client-address';
import { closeIfBodyUnread } from '@/server/http/unread-body';
import { ingestSink } from '@/server/dialer/record-sink';
import { startRecordingPurge } from '@/server/recordings/retention';
import { AlertEvaluator } from '@/server/alerts/evaluator';
import { DEMO_ROBOT_AGENTS, formatAccounts, seedDemo } from '@/server/seed/demo';
import { seedDemoActivity } from '@/server/seed/demo-activity';
import { recordingsDirOf } from '@/server/recordings/recording-file';
import { seedDemoLeads } from '@/server/seed/demo-leads';
import { authSecret } from './startup/auth-secret';
import { buildIsStale, buildPortal } from './startup/build';
import { dataDirOf, parseEnv, type Env } from './startup/env';
import { DataDirInUseError, lockDataDir } from './startup/lock';
import { repairAfterUncleanStop } from './startup/after-crash';
import { openEngine } from './startup/open-engine';

const root = path.resolve(__dirname, '..');

async function main(env: Env): Promise<void> {
  const dev = process.argv.includes('--dev');
  const dir = dataDirOf(env);
  const target = clickhouseTarget({ dataDir: dir, url: env.CLICKHOUSE_URL, username: env.CLICKHOUSE_USER, password: env.CLICKHOUSE_PASSWORD, database: env.CLICKHOUSE_DB });
  const lock = target.kind === 'embedded' ? lockDataDir(dir) : null;
  const release = lock?.release ?? (() => {});
  process.on('exit', release);

  if (!dev && buildIsStale(root)) buildPortal(root);
  // next-auth reads its settings from the environment of the process.
  process.env.NEXTAUTH_SECRET = authSecret(dir, env.NEXTAUTH_SECRET);
  process.env.NEXTAUTH_URL = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;

  const ch = await openEngine(target, lock);
  const applied = await migrate(ch);
  console.log(
    `ClickHouse: ${target.kind === 'embedded' ? `embedded chDB at ${target.path}` : target.url}` +
      (applied.length ? ` — applied ${applied.join(', ')}` : ' — schema up to date'),
  );
  await repairAfterUncleanStop(ch, lock);
  if (env.RELAIS_SEED === '1') {
    const accounts = await seedDemo(ch);
    if (accounts.length) {
      const records = await seedDemoActivity(ch, Date.now(), { recordingsDir: recordingsDirOf() });
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
  // Recordings past their partnership's retention: deleted now, then every hour while the server runs.
  const stopPurge = startRecordingPurge(ch);
  // A proxy that cannot be reached leaves the portal up, saying why there is no dialing.
  const dialer = await startDialer(ch, {
    sink: ingestSink(ch), sipWs: env.RELAIS_SIP_WS, sipSecret: env.RELAIS_SIP_SECRET, withSip: process.argv.includes('--with-sip'), dataDir: dir,
    wsPort: env.RELAIS_SIP_WS_PORT, keepalive: keepaliveEvery(env.RELAIS_SIP_KEEPALIVE_SECONDS),
    // Robot phones for A1–A4 only: the demo's day team (A5–A12) has gone home before the seeded week's `now`.
    robotAgents: DEMO_ROBOT_AGENTS,
    prepare: async () => {
      const seeded = await seedDemoLeads(ch);
      return seeded.length ? `demo leads added to ${seeded.join(', ')}` : '';
    },
  }).catch((err: Error) => ({ dialer: null, message: `SIP proxy unreachable (${err.message})`, sip: null, stop: async () => {} }));
  setDialer(dialer.dialer, dialer.message);
  // The agents' softphones register to the same proxy, with credentials the portal mints from its secret.
  setSipProxy(dialer.sip && { ...dialer.sip, ws: env.RELAIS_SIP_WS_PUBLIC ?? dialer.sip.ws });
  console.log(`Dialer: ${dialer.message}`);
  // KPI alerts: each campaign's rules against its live figures, on every change and as durations run out.
  const alerts = new AlertEvaluator(ch).start();

  const app = next({ dev, dir: root, hostname: 'localhost', port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const trustProxy = env.RELAIS_TRUST_PROXY === '1';
  const server = createServer((req, res) => {
    // Set before Next sees it (Next only fills the header when absent): a client cannot choose its own address.
    req.headers['x-forwarded-for'] = clientAddress(req.headers['x-forwarded-for'], req.socket.remoteAddress, trustProxy);
    closeIfBodyUnread(req, res);
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.RELAIS_HOST, resolve);
  });
  console.log(`Relais is running at http://localhost:${env.PORT}`);

  const stop = async () => {
    server.close();
    stopPurge();
    await alerts.stop();
    await dialer.stop();
    await closeClickhouse();
    release();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

let env: Env | undefined;
new Promise<void>((resolve) => {
  // Before anything touches the data directory: a bad variable is named and nothing else happens.
  env = parseEnv(process.env);
  resolve(main(env));
}).catch((err: unknown) => {
  const known = err instanceof DataDirInUseError || err instanceof DataDirLockedError || err instanceof MigrationError || !env;
  const portBusy = (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
  const message = portBusy ? `Port ${env?.PORT ?? 3000} is already in use; set PORT to another one.` : (err as Error).message;
  console.error(`Relais cannot start: ${message}`);
  if (!known && !portBusy && env?.RELAIS_DEBUG) console.error(err);
  process.exit(1);
});
