// npm run bench:ingest — records/s through the real HTTP ingest API (1, 4, 16 concurrent senders) on embedded chDB.
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { createApiKey } from '@/server/api-keys/keys';
import { seedDemo } from '@/server/seed/demo';
import { openTestEngine } from '@/server/testing/engine';
import { serveRoutes } from '@/server/testing/http';
import { POST } from '@/app/api/v1/ingest/route';
import { percentile, syntheticCall } from './bench-lib';

const BATCH = Number(process.env.BENCH_BATCH ?? 5_000);
const PLAN = [
  { senders: 1, records: 200_000 },
  { senders: 4, records: 400_000 },
  { senders: 16, records: 400_000 },
];

async function main() {
  const engine = await openTestEngine();
  await seedDemo(engine.ch);
  const org = (await tenancy.organizationsOfKind(engine.ch, 'outsourcer'))[0]!;
  const { key } = await createApiKey(engine.ch, org.id, 'bench', 'bench');
  const api = await serveRoutes([{ method: 'POST', pattern: /^\/api\/v1\/ingest$/, handler: POST as never }]);
  const results: Record<string, number | string>[] = [];

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
    // CPU of the whole process (every thread: HTTP, parse workers, engine, merges) per record stored.
    const cpuPerRecord = (cpu.user + cpu.system) / accepted;
    const row = { run: label, senders, records: accepted, seconds: Number(seconds.toFixed(2)), records_per_s: Math.round(accepted / seconds),
      request_p50_ms: Math.round(percentile(latencies, 50)), request_p95_ms: Math.round(percentile(latencies, 95)), cpu_us_per_record: Number(cpuPerRecord.toFixed(1)) };
    results.push(row);
    console.log(`  ${label.padEnd(22)} senders=${String(senders).padStart(2)}  ${String(accepted).padStart(7)} records  ${row.seconds.toFixed(2).padStart(6)} s  ${String(row.records_per_s).padStart(7)} records/s  p50 ${row.request_p50_ms} ms  p95 ${row.request_p95_ms} ms  CPU ${row.cpu_us_per_record} µs/record`);
  }

  // Bodies are encoded once, as a client holding its records as bytes would send them.
  const bodiesFor = (prefix: string, n: number) => {
    const bodies: Uint8Array<ArrayBuffer>[] = [];
    for (let i = 0; i < n; i += BATCH) bodies.push(new TextEncoder().encode(Array.from({ length: Math.min(BATCH, n - i) }, (_, k) => syntheticCall(i + k, prefix)).join('\n')));
    return bodies;
  };

  console.log(`Ingest through POST /api/v1/ingest over HTTP on 127.0.0.1, ${BATCH} records a request, embedded chDB, ${availableParallelism()} cores:`);
  for (const { senders, records } of PLAN) await run(`new records`, senders, bodiesFor(`s${senders}-`, records));
  // Re-sending what is stored: every record costs a lookup and a cancel row.
  await run('re-sent (replacements)', 4, bodiesFor('s1-', 100_000));

  const best = Math.max(...results.filter((r) => r.run === 'new records').map((r) => Number(r.records_per_s)));
  console.log(`Target ≥ 100,000 records/s through the API: ${best >= 100_000 ? 'met' : 'NOT met'} (best ${best.toLocaleString('en')} records/s)`);
  console.log(JSON.stringify({ bench: 'ingest', batch: BATCH, results }));
  await api.close();
  await engine.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
