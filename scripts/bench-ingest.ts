// npm run bench:ingest — records/s through the real HTTP ingest API (1, 4, 16 concurrent senders) on embedded chDB,
// served by a small harness in this process; `-- --url http://localhost:3000 --key rk_…` sends the same load to a
// running portal instead (`npm start` with the demo data and RELAIS_BOOTSTRAP_API_KEY), the production server.
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Clickhouse } from '@/clickhouse/client';
import { selectRows } from '@/clickhouse/queries/rows';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { createApiKey } from '@/server/api-keys/keys';
import { seedDemo } from '@/server/seed/demo';
import { openTestEngine } from '@/clickhouse/testing/engine';
import { serveRoutes } from '@/server/testing/http';
import { POST } from '@/app/api/v1/ingest/route';
import { percentile, syntheticCall } from './bench-lib';

const BATCH = Number(process.env.BENCH_BATCH ?? 5_000);
const PLAN = [
  { senders: 1, records: 200_000 },
  { senders: 4, records: 400_000 },
  { senders: 16, records: 400_000 },
];

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };

/** The API to load: a running portal given by --url/--key, or the route served here on a fresh engine. */
async function target(): Promise<{ url: string; key: string; external: boolean; ch?: Clickhouse; close: () => Promise<void> }> {
  const url = arg('--url');
  if (url) {
    const key = arg('--key');
    if (!key) throw new Error('--url needs --key (the RELAIS_BOOTSTRAP_API_KEY the portal was started with)');
    return { url: url.replace(/\/$/, ''), key, external: true, close: async () => {} };
  }
  const engine = await openTestEngine();
  await seedDemo(engine.ch);
  const org = (await tenancy.organizationsOfKind(engine.ch, 'outsourcer'))[0]!;
  const { key } = await createApiKey(engine.ch, org.id, 'bench', 'bench');
  const api = await serveRoutes([{ method: 'POST', pattern: /^\/api\/v1\/ingest$/, handler: POST as never }]);
  return { url: api.url, key, external: false, ch: engine.ch, close: async () => { await api.close(); await engine.close(); } };
}

async function main() {
  const api = await target();
  const key = api.key;
  // Each run's ids are new to the store, also on a portal that ran the bench before.
  const runTag = api.external ? `${Date.now().toString(36)}-` : '';
  const results: Record<string, number | string | null>[] = [];

  async function run(label: string, senders: number, bodies: Uint8Array<ArrayBuffer>[]) {
    const latencies: number[] = [];
    let next = 0;
    let accepted = 0;
    let lastPrint = performance.now();
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    await Promise.all(Array.from({ length: senders }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const started = performance.now();
        const res = await fetch(`${api.url}/api/v1/ingest`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body });
        const answer = (await res.json()) as { accepted: number; rejected: unknown[] };
        if (res.status !== 200 || answer.rejected.length) throw new Error(`ingest failed: ${res.status} ${JSON.stringify(answer).slice(0, 200)}`);
        accepted += answer.accepted;
        latencies.push(performance.now() - started);
        if (performance.now() - lastPrint > 2_000) {
          lastPrint = performance.now();
          console.log(`    … ${accepted.toLocaleString('en')} records`);
        }
      }
    }));
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    // CPU of the whole process (every thread: HTTP, parse workers, engine, merges) per record stored; against
    // a running portal this process only sends, so its CPU says nothing of the server's.
    const cpuPerRecord = api.external ? null : (cpu.user + cpu.system) / accepted;
    const row = { run: label, senders, records: accepted, seconds: Number(seconds.toFixed(2)), records_per_s: Math.round(accepted / seconds),
      request_p50_ms: Math.round(percentile(latencies, 50)), request_p95_ms: Math.round(percentile(latencies, 95)), cpu_us_per_record: cpuPerRecord === null ? null : Number(cpuPerRecord.toFixed(1)) };
    results.push(row);
    console.log(`  ${label.padEnd(22)} senders=${String(senders).padStart(2)}  ${String(accepted).padStart(7)} records  ${row.seconds.toFixed(2).padStart(6)} s  ${String(row.records_per_s).padStart(7)} records/s  p50 ${row.request_p50_ms} ms  p95 ${row.request_p95_ms} ms  ${row.cpu_us_per_record === null ? '' : `CPU ${row.cpu_us_per_record} µs/record`}`);
  }

  // Bodies are encoded once, as a client holding its records as bytes would send them.
  const bodiesFor = (prefix: string, n: number) => {
    const bodies: Uint8Array<ArrayBuffer>[] = [];
    for (let i = 0; i < n; i += BATCH) bodies.push(new TextEncoder().encode(Array.from({ length: Math.min(BATCH, n - i) }, (_, k) => syntheticCall(i + k, prefix)).join('\n')));
    return bodies;
  };

  console.log(`Ingest through POST ${api.url}/api/v1/ingest, ${BATCH} records a request, ${api.external ? 'a running portal' : 'embedded chDB, served here'}, ${availableParallelism()} cores:`);
  // All bodies before the first run: encoding one run's between runs left the kept-alive connections idle past
  // the server's keep-alive timeout, and a request racing a closing connection got ECONNRESET.
  const runs = PLAN.map(({ senders, records }) => ({ senders, bodies: bodiesFor(`${runTag}s${senders}-`, records) }));
  const resent = bodiesFor(`${runTag}s1-`, 100_000);
  for (const { senders, bodies } of runs) await run(`new records`, senders, bodies);
  // Re-sending what is stored: every record costs a lookup and a cancel row.
  await run('re-sent (replacements)', 4, resent);

  if (api.ch) {
    // What was answered is what is stored: live records in the raw table and in both rollups.
    const expected = PLAN.reduce((n, p) => n + p.records, 0);
    const [stored] = await selectRows<{ raw: string; minute: string; hour: string }>(api.ch, `SELECT
      (SELECT sum(sign) FROM calls) AS raw, (SELECT sum(calls) FROM calls_by_minute) AS minute, (SELECT sum(calls) FROM calls_by_hour) AS hour`);
    const counts = [stored!.raw, stored!.minute, stored!.hour].map(Number);
    console.log(`Stored: ${counts.map((n) => n.toLocaleString('en')).join(' / ')} live calls (raw / by minute / by hour), ${expected.toLocaleString('en')} sent`);
    if (counts.some((n) => n !== expected)) throw new Error('the stored calls do not match what was sent');
  }

  const best = Math.max(...results.filter((r) => r.run === 'new records').map((r) => Number(r.records_per_s)));
  console.log(`Target ≥ 100,000 records/s through the API: ${best >= 100_000 ? 'met' : 'NOT met'} (best ${best.toLocaleString('en')} records/s)`);
  console.log(JSON.stringify({ bench: 'ingest', batch: BATCH, results }));
  await api.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
