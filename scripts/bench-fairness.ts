// npm run bench:fairness — one account must not slow the others: another client's simplest queries, alone and
// while a manager keeps three full tRPC batches of the heaviest KPI queries in flight (issue 22, fault 4).
import { performance } from 'node:perf_hooks';
import { campaignsOfOutsourcer, tenancy } from '@/clickhouse/queries/tenancy';
import { openTestEngine } from '@/clickhouse/testing/engine';
import { authorizeCredentials } from '@/server/auth/credentials';
import { DEMO_PASSWORD, seedDemo } from '@/server/seed/demo';
import { MAX_BATCH_CALLS } from '@/server/trpc/batch';
import { createCaller } from '@/server/trpc/root';
import { loadSyntheticCalls } from '@/clickhouse/testing/synthetic-calls';
import { percentile } from './bench-lib';

const CALLS = Number(process.env.BENCH_CALLS ?? 2_000_000);
const SAMPLES = Number(process.env.BENCH_RUNS ?? 30);
const DAYS = 400;
const FROM = Date.UTC(2025, 9, 1);

async function main() {
  const engine = await openTestEngine();
  const ch = engine.ch;
  await seedDemo(ch);
  const org = (await tenancy.organizationsOfKind(ch, 'outsourcer'))[0]!;
  const campaigns = await campaignsOfOutsourcer(ch, org.id);
  const t0 = performance.now();
  await loadSyntheticCalls(ch, { orgId: org.id, campaigns: campaigns.map((c) => c.id), from: FROM, days: DAYS, size: CALLS });
  console.log(`Loaded ${CALLS.toLocaleString('en')} calls over ${DAYS} days in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const as = async (email: string) => createCaller({ ch, user: (await authorizeCredentials(ch, email, DEMO_PASSWORD))!, now: Date.now });
  const manager = await as('manager@callpro.test');
  const client = await as('client@horizon.test');
  const acme = campaigns.find((c) => c.code === 'ACME-IN')!.id;
  const horizon = campaigns.find((c) => c.code === 'HORIZON-IN')!.id;
  const range = { from: FROM, to: FROM + 1_100 * 86_400_000 };
  const heavy = (i: number) => (i % 2 ? manager.kpi.agents(range) : manager.kpi.range({ campaignId: acme, ...range, bucket: 'day' }));

  const simple = {
    'campaigns.list': () => client.campaigns.list(),
    'kpi.live': () => client.kpi.live({ campaignId: horizon }),
  };

  async function measure(label: string, load: boolean) {
    let stop = false;
    let heavyDone = 0;
    const batches = load
      ? Array.from({ length: 3 }, async () => {
          while (!stop) {
            await Promise.all(Array.from({ length: MAX_BATCH_CALLS }, (_, i) => heavy(i).then(() => heavyDone++)));
          }
        })
      : [];
    const started = performance.now();
    for (const [name, run] of Object.entries(simple)) {
      const times: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const t = performance.now();
        await run();
        times.push(performance.now() - t);
      }
      console.log(`  ${label.padEnd(44)} ${name.padEnd(15)} p50 ${percentile(times, 50).toFixed(0).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(0).padStart(6)} ms  max ${Math.max(...times).toFixed(0).padStart(6)} ms`);
    }
    stop = true;
    await Promise.all(batches);
    const seconds = (performance.now() - started) / 1000;
    if (load) console.log(`  ${''.padEnd(44)} the manager's heavy queries: ${heavyDone} done in ${seconds.toFixed(1)} s`);
  }

  console.log(`\nclient@horizon.test's queries, ${SAMPLES} each:`);
  await measure('alone', false);
  await measure(`manager: 3 batches × ${MAX_BATCH_CALLS} heavy queries in flight`, true);
  await engine.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
