// npm run bench:kpi [-- --calls N] — KPI query latency at 1 M and 10 M calls, from the rollup and from raw rows.
import { performance } from 'node:perf_hooks';
import { callTotals, type KpiFilter } from '@/clickhouse/queries/kpi';
import { campaignsOfOutsourcer, tenancy } from '@/clickhouse/queries/tenancy';
import { computeKpis } from '@/server/kpi/engine';
import { seedDemo } from '@/server/seed/demo';
import { openTestEngine } from '@/clickhouse/testing/engine';
import { percentile } from './bench-lib';
import { loadSyntheticCalls } from '@/clickhouse/testing/synthetic-calls';

const arg = process.argv.indexOf('--calls');
const SIZES = arg > 0 ? [Number(process.argv[arg + 1])] : [1_000_000, 10_000_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const DAYS = 30;
const T0 = Date.UTC(2026, 9, 1);

async function main() {
  const engine = await openTestEngine();
  const ch = engine.ch;
  await seedDemo(ch);
  const org = (await tenancy.organizationsOfKind(ch, 'outsourcer'))[0]!;
  const campaigns = (await campaignsOfOutsourcer(ch, org.id)).map((c) => c.id);
  const results: Record<string, unknown>[] = [];
  let loaded = 0;
  for (const size of SIZES) {
    const t0 = performance.now();
    loaded = await loadSyntheticCalls(ch, { orgId: org.id, campaigns, from: T0, days: DAYS, size, start: loaded }, (n) =>
      console.log(`  loaded ${n.toLocaleString('en')} calls (${((performance.now() - t0) / 1000).toFixed(1)} s)`));
    await ch.command({ query: 'OPTIMIZE TABLE calls_by_minute FINAL' });
    const cases = [
      { name: 'call KPIs, 1 day, rollup', run: (f: KpiFilter) => callTotals(ch, f, undefined, 'rollup'), days: 1 },
      { name: 'call KPIs, 30 days, rollup', run: (f: KpiFilter) => callTotals(ch, f, undefined, 'rollup'), days: 30 },
      { name: 'call KPIs by hour, 1 day, rollup', run: (f: KpiFilter) => callTotals(ch, f, 'hour', 'rollup'), days: 1 },
      { name: 'call KPIs, 1 day, raw rows', run: (f: KpiFilter) => callTotals(ch, f, undefined, 'raw'), days: 1 },
      { name: 'call KPIs, 30 days, raw rows', run: (f: KpiFilter) => callTotals(ch, f, undefined, 'raw'), days: 30 },
      { name: 'all KPIs (computeKpis), 1 day', run: (f: KpiFilter) => computeKpis(ch, { ...f, orgIds: [org.id], sl: { answerSeconds: 20, shortAbandonSeconds: 5 } }), days: 1 },
    ];
    console.log(`\n${size.toLocaleString('en')} calls over ${DAYS} days, one campaign of four, ${RUNS} runs each:`);
    for (const c of cases) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const from = T0 + (i % (DAYS - c.days + 1)) * 86_400_000;
        const started = performance.now();
        await c.run({ campaignIds: [campaigns[i % 4]!], from, to: from + c.days * 86_400_000, agents: [] });
        times.push(performance.now() - started);
      }
      const row = { calls: size, query: c.name, p50_ms: Number(percentile(times, 50).toFixed(1)), p95_ms: Number(percentile(times, 95).toFixed(1)) };
      results.push(row);
      console.log(`  ${c.name.padEnd(34)} p50 ${String(row.p50_ms).padStart(7)} ms   p95 ${String(row.p95_ms).padStart(7)} ms`);
    }
  }
  const dashboard = results.filter((r) => String(r.query).includes('rollup') && r.calls === Math.max(...SIZES));
  const worst = Math.max(...dashboard.map((r) => Number(r.p95_ms)));
  console.log(`\nTarget: dashboard queries (rollup) p95 ≤ 50 ms at ${Math.max(...SIZES).toLocaleString('en')} calls: ${worst <= 50 ? 'met' : 'NOT met'} (worst p95 ${worst} ms)`);
  console.log(JSON.stringify({ bench: 'kpi', results }));
  await engine.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
