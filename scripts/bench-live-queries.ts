// npm run bench:live-queries [-- --runs N] — how many ClickHouse round trips (and how long) the live figures cost:
// one alert-evaluator sweep, one evaluation of a campaign named by id, the manager's home figures, one campaign's
// KPIs for today. The demo week is seeded (as scripts/demo-figures.ts does) with one rule on ACME-IN, plus a second
// outsourcer's idle campaigns (paused inbound without rules, stopped outbound with only the legal rule), so a sweep
// sees tenants whose campaigns have nothing to watch. Every call goes through a client that counts what it sends.
import { performance } from 'node:perf_hooks';
import { alertsSql } from '@/clickhouse/queries/alerts';
import { recording } from '@/clickhouse/testing/recording';
import { campaignsOfOutsourcer, tenancy } from '@/clickhouse/queries/tenancy';
import { AlertEvaluator } from '@/server/alerts/evaluator';
import { campaignInput, provisionCampaign } from '@/server/campaigns/provision';
import { campaignViews } from '@/server/campaigns/views';
import { campaignFigures } from '@/server/home/figures';
import { campaignSl, computeKpis } from '@/server/kpi/engine';
import { seedDemoActivity } from '@/server/seed/demo-activity';
import { loadScope } from '@/server/tenancy/load-scope';
import { openDemoEngine } from '@/server/testing/demo-engine';
import { addOutsourcer, demoOutsourcerId } from '@/server/testing/tenants';
import { startOfDay } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { percentile } from './bench-lib';

const arg = process.argv.indexOf('--runs');
const RUNS = arg > 0 ? Number(process.argv[arg + 1]) : 7;
// A Wednesday afternoon in Paris: the demo week has calls today and yesterday.
const NOW = Date.parse('2026-11-25T14:00:00Z');
const IDLE_CAMPAIGNS = 8;

async function measure(name: string, sent: unknown[], run: () => Promise<unknown>, fresh?: () => Promise<void>) {
  const times: number[] = [];
  const queries: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await fresh?.();
    const before = sent.length;
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
    queries.push(sent.length - before);
  }
  const q = [...new Set(queries)].join('/');
  console.log(`| ${name} | ${q} | ${percentile(times, 50).toFixed(1)} | ${Math.min(...times).toFixed(1)}–${Math.max(...times).toFixed(1)} |`);
}

async function main() {
  const engine = await openDemoEngine();
  const orgId = await demoOutsourcerId(engine.ch);
  await seedDemoActivity(engine.ch, NOW);
  const ids = new Map((await campaignsOfOutsourcer(engine.ch, orgId)).map((c) => [c.code, c]));
  const acmeIn = ids.get('ACME-IN')!;
  // One manager's rule: service level below 80 % for 15 minutes.
  await alertsSql.putRule(engine.ch, {
    id: 'bench-sl', campaign_id: acmeIn.id, partnership_id: acmeIn.partnership_id, revision: 1, kpi: 'service_level', comparison: 'below',
    threshold: 0.8, duration_minutes: 15, enabled: 1, deleted: 0, edited_by: 'bench', edited_by_name: 'Bench', edited_at: NOW,
  });
  // Another tenant, idle: half inbound and paused (no rule), half outbound and stopped (the legal rule only).
  await addOutsourcer(engine.ch, 'org-idle', 'Idle Contact');
  for (let i = 0; i < IDLE_CAMPAIGNS; i++) {
    const inbound = i % 2 === 0;
    const { campaign } = await provisionCampaign(engine.ch, 'org-idle', `IDLE-${i}`, campaignInput.parse({
      name: `Idle ${i}`, client: `Idle client ${i % 3}`, direction: inbound ? 'inbound' : 'outbound', dial_mode: inbound ? 'none' : 'progressive',
    }), { id: 'bench', email: 'bench@idle.test', name: 'Bench' });
    await tenancy.putCampaigns(engine.ch, [{ ...campaign, status: inbound ? 'paused' : 'stopped' }]);
  }

  const { ch, sent } = recording(engine.ch);
  const manager = (await tenancy.userByEmail(engine.ch, 'manager@callpro.test'))!;
  const scope = (await loadScope(engine.ch, manager.id))!;
  const views = await campaignViews(engine.ch, scope);
  const all = await tenancy.allPartnerships(engine.ch);
  const campaigns = await tenancy.campaignsOfPartnerships(engine.ch, all.map((p) => p.id));
  console.log(`${campaigns.length} campaigns of ${all.length} partnerships; the manager's scope: ${views.length}; ${RUNS} runs each, now ${new Date(NOW).toISOString()}\n`);

  let evaluator = new AlertEvaluator(ch, { now: () => NOW, onError: (err) => { throw err; } });
  console.log('| what | queries | wall ms p50 | min–max |');
  console.log('| --- | --- | --- | --- |');
  await measure('evaluator sweep, first after a start (evaluateAll)', sent, () => evaluator.evaluateAll(), async () => {
    await evaluator.stop();
    evaluator = new AlertEvaluator(ch, { now: () => NOW, onError: (err) => { throw err; } });
  });
  await measure('evaluator sweep, steady (evaluateAll)', sent, () => evaluator.evaluateAll());
  await measure('evaluate(ACME-IN) without a view', sent, () => evaluator.evaluate(acmeIn.id));
  await measure('campaignFigures, the manager’s scope', sent, () => campaignFigures(ch, views, NOW));
  const acme = views.find((c) => c.id === acmeIn.id)!;
  const today = startOfDay(new TZDate(NOW, acme.time_zone)).getTime();
  await measure('computeKpis, ACME-IN today', sent, () => computeKpis(ch, {
    campaignIds: [acme.id], orgIds: [acme.outsourcer_org_id], from: today, to: NOW + 60_000, agents: [], timeZone: acme.time_zone, sl: campaignSl(acme),
  }));
  await evaluator.stop();
  await engine.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
