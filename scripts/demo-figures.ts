// npx tsx scripts/demo-figures.ts [--now ISO] — the demo week's figures per campaign (the week, and today so far),
// computed by the KPI engine the screens use: what to read before and after tuning server/seed/demo-activity.ts.
import { addDays, startOfDay } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { campaignsOfOutsourcer, type Campaign } from '@/clickhouse/queries/tenancy';
import { campaignSl, computeKpis, type KpiResult } from '@/server/kpi/engine';
import { seedDemoActivity } from '@/server/seed/demo-activity';
import { openDemoEngine } from '@/server/testing/demo-engine';
import { demoOutsourcerId } from '@/server/testing/tenants';

const arg = process.argv.indexOf('--now');
const NOW = arg > 0 ? Date.parse(process.argv[arg + 1]!) : Date.now();

const pct = (v: number | null, digits = 1) => (v === null ? '—' : `${(100 * v).toFixed(digits)} %`);
const sec = (v: number | null) => (v === null ? '—' : `${Math.round(v)} s`);
const num = (v: number | null) => (v === null ? '—' : v.toFixed(0));

function row(label: string, k: KpiResult, inbound: boolean): string[] {
  return [label, String(inbound ? k.offered : k.attempts), String(k.connected), inbound ? pct(k.service_level) : '', inbound ? pct(k.abandon_rate) : pct(k.outbound_abandon_rate),
    inbound ? sec(k.asa_seconds) : '', sec(k.aht_seconds), pct(k.occupancy), pct(k.conversion_rate), pct(k.fcr), `${num(k.nps)} (${k.nps_responses})`, pct(k.sal)];
}

async function main() {
  const engine = await openDemoEngine();
  const org = await demoOutsourcerId(engine.ch);
  const t0 = performance.now();
  const records = await seedDemoActivity(engine.ch, NOW);
  console.log(`${records} records seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s; now ${new Date(NOW).toISOString()}`);
  const campaigns = await campaignsOfOutsourcer(engine.ch, org);
  const today = startOfDay(new TZDate(NOW, 'Europe/Paris')).getTime();
  const ranges = { week: { from: addDays(new TZDate(today, 'Europe/Paris'), -7).getTime(), to: NOW + 60_000 }, today: { from: today, to: NOW + 60_000 } };
  const kpis = (cs: Campaign[], from: number, to: number) =>
    computeKpis(engine.ch, { campaignIds: cs.map((c) => c.id), orgIds: [org], from, to, agents: [], timeZone: 'Europe/Paris', sl: campaignSl(cs[0]!) });
  const header = ['', 'calls', 'connected', 'SL', 'abandon', 'ASA', 'AHT', 'occupancy', 'conversion', 'FCR', 'NPS (answers)', 'SAL'];
  for (const [name, { from, to }] of Object.entries(ranges)) {
    const rows = [header];
    for (const c of campaigns.sort((a, b) => a.code.localeCompare(b.code))) rows.push(row(c.code, await kpis([c], from, to), c.direction === 'inbound'));
    // The agents' whole occupancy: both campaigns of a client share its two agents.
    for (const client of ['ACME', 'HORIZON']) {
      const k = await kpis(campaigns.filter((c) => c.code.startsWith(client)), from, to);
      rows.push([`${client} agents`, '', '', '', '', '', '', pct(k.occupancy), '', '', '', '']);
    }
    console.log(`\n${name}:`);
    console.log(rows.map((r) => `| ${r.join(' | ')} |`).join('\n'));
  }
  // Each day's regulatory abandon rate outbound: the law's 3 % cap is read per campaign, and a day over it shows red.
  console.log('\noutbound abandon rate by day (dropped / answered):');
  for (const c of campaigns.filter((x) => x.direction === 'outbound')) {
    const { series } = await computeKpis(engine.ch, {
      campaignIds: [c.id], orgIds: [org], ...ranges.week, agents: [], timeZone: 'Europe/Paris', sl: campaignSl(c), bucket: 'day',
    });
    const day = (iso: string) => new Intl.DateTimeFormat('fr', { weekday: 'short', day: 'numeric', timeZone: 'Europe/Paris' }).format(Date.parse(iso));
    console.log(`${c.code}: ${(series ?? []).map((d) => `${day(d.bucket)} ${pct(d.outbound_abandon_rate, 2)}`).join(' · ')}`);
  }
  await engine.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
