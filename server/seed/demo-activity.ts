// A week of plausible call activity for the demo campaigns, so the dashboards have something to show on
// a first start. Deterministic (seeded), written through the ingest service like any other records.
import { addDays, startOfDay } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type { Clickhouse } from '@/clickhouse/client';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { mulberry32 } from '@/dialer/pacing/random';
import { ingestRecords } from '@/server/ingest/service';
import { validateRecord } from '@/server/ingest/ndjson';
import type { ParsedLine } from '@/server/ingest/ndjson';
import { FRENCH_ATTEMPT_CAP } from '@/dialer/compliance/attempt-cap';
import { demoLeads, seedDemoLeads } from './demo-leads';
import { seedDemoQuality } from './demo-quality';
import { withDemoRecordings, writeDemoRecordings } from './demo-recordings';
import { demoVerbatim, seedDemoFollowups } from './demo-verbatims';

const DAYS = 7;
const OPEN_HOUR = 9;
const CLOSE_HOUR = 19;

/** Records for the four demo campaigns from DAYS days ago until `now`. */
export function demoActivity(now: number, timeZone = 'Europe/Paris'): Record<string, unknown>[] {
  const random = mulberry32(20260302);
  const exp = (mean: number) => -Math.log(1 - random()) * mean;
  const iso = (ms: number) => new Date(ms).toISOString();
  const out: Record<string, unknown>[] = [];
  const today = startOfDay(new TZDate(now, timeZone));
  // Outbound calls dial the demo leads (the list seedDemoActivity stores), so SAL has a list and attempts. Their own
  // generator: the rest of the week does not change with it.
  const dial = leadPicker(mulberry32(20260303));
  // Verbatims have their own generator too.
  const verbatim = mulberry32(20260304);
  for (let d = DAYS; d >= 0; d--) {
    const day = addDays(today, -d);
    if (day.getDay() === 0) continue; // closed on Sundays
    const open = day.getTime() + OPEN_HOUR * 3_600_000;
    const close = Math.min(day.getTime() + CLOSE_HOUR * 3_600_000, now - 10 * 60_000);
    if (close <= open) continue; // today before opening: nothing yet
    for (const [client, agents] of [['ACME', ['A1', 'A2']], ['HORIZON', ['A3', 'A4']]] as const) {
      // Agents log in at opening and out at closing: outside their shift they are neither busy nor available.
      for (const agent of agents) {
        out.push({ kind: 'agent_state', agent, state: 'available', at: iso(open - 5 * 60_000) });
        if (close < day.getTime() + CLOSE_HOUR * 3_600_000) continue;
        out.push({ kind: 'agent_state', agent, state: 'offline', at: iso(close + 30 * 60_000) });
      }
      // Each agent takes one call at a time, so agent states, waits and occupancy tell one coherent story.
      const freeAt = new Map<string, number>(agents.map((a) => [a, open]));
      const firstFree = () => [...freeAt.entries()].reduce((a, b) => (b[1] < a[1] ? b : a));
      const work = (agent: string, campaign: string, connected: number, end: number, wrapSeconds: number) => {
        freeAt.set(agent, end + wrapSeconds * 1000);
        // A call still going on at `now` has no record yet (filtered below): nor do its agent's states.
        if (end > now) return;
        out.push({ kind: 'agent_state', agent, campaign, state: 'on_call', at: iso(connected) });
        out.push({ kind: 'agent_state', agent, campaign, state: 'wrapup', at: iso(end) });
        out.push({ kind: 'agent_state', agent, state: 'available', at: iso(end + wrapSeconds * 1000) });
      };
      // Inbound, about 10 calls an hour, and outbound attempts, about 30 an hour, in time order.
      type Demand = { t: number; kind: 'in'; n: number; followUpOf?: string } | { t: number; kind: 'out'; n: number };
      const demands: Demand[] = [];
      for (let t = open + exp(360_000), n = 0; t < close; t += exp(360_000), n++) demands.push({ t, kind: 'in', n });
      for (let t = open + exp(120_000), n = 0; t < close; t += exp(120_000), n++) demands.push({ t, kind: 'out', n });
      demands.sort((a, b) => a.t - b.t);
      const success = client === 'ACME' ? 'sale' : 'appointment';
      while (demands.length) {
        const job = demands.shift()!;
        const t = job.t;
        if (job.kind === 'in') {
          const id = job.followUpOf ? `${job.followUpOf}-f` : `demo-${client}-in-${d}-${job.n}`;
          const caseId = job.followUpOf ? `case-${job.followUpOf}` : `case-${id}`;
          const [agent, free] = firstFree();
          const connected = Math.max(t, free) + 2_000 + exp(4_000);
          const patience = exp(240_000);
          if (connected - t > patience) {
            out.push({ kind: 'call', id, campaign: `${client}-IN`, direction: 'inbound', started_at: iso(t), ended_at: iso(t + patience), outcome: 'abandoned' });
            continue;
          }
          const end = connected + 60_000 + exp(150_000);
          const wrap = Math.round(10 + exp(15));
          // A follow-up resolves its case; a first call does 72 % of the time (FCR below 100 %).
          const resolved = job.followUpOf !== undefined || random() < 0.72;
          out.push({ kind: 'call', id, campaign: `${client}-IN`, direction: 'inbound', agent, started_at: iso(t), connected_at: iso(connected),
            ended_at: iso(end), outcome: 'connected', hold_seconds: Math.round(random() < 0.2 ? exp(40) : 0), wrap_seconds: wrap,
            disposition: resolved ? 'resolved' : 'follow_up', case_id: caseId, resolved });
          work(agent, `${client}-IN`, connected, end, wrap);
          // Unresolved cases call back a few hours later.
          const followUp = end + 3_600_000 + exp(3_600_000);
          if (!resolved && followUp + 600_000 < close) {
            const at = demands.findIndex((x) => x.t > followUp);
            demands.splice(at < 0 ? demands.length : at, 0, { t: followUp, kind: 'in', n: job.n, followUpOf: id });
          }
          if (random() < 0.3) {
            const score = Math.min(10, Math.max(0, Math.round(8.2 + (random() - 0.55) * 7)));
            out.push({ kind: 'survey', id: `${id}-nps`, campaign: `${client}-IN`, call_id: id, agent, score, answered_at: iso(end + 120_000),
              comment: demoVerbatim(score, verbatim), resolved, case_id: caseId });
          }
          continue;
        }
        // Outbound (blended): dialled only while another agent stays free for inbound callers; one in three is
        // answered by a person.
        if ([...freeAt.values()].filter((f) => f <= t).length < 2) continue;
        const [agent] = firstFree();
        const id = `demo-${client}-out-${d}-${job.n}`;
        const lead = dial(client, day.getTime());
        if (!lead) continue; // every number at its legal cap: nothing left to dial
        const base = { kind: 'call', id, campaign: `${client}-OUT`, direction: 'outbound', phone: lead.phone, contact: `${lead.name} ${lead.lastName}`, started_at: iso(t) };
        const r = random();
        if (r < 0.45) out.push({ ...base, ended_at: iso(t + 25_000), outcome: 'no_answer' });
        else if (r < 0.55) out.push({ ...base, ended_at: iso(t + 6_000), outcome: 'busy' });
        else if (r < 0.67) out.push({ ...base, answered_at: iso(t + 12_000), ended_at: iso(t + 40_000), outcome: 'voicemail' });
        else if (r < 0.675) out.push({ ...base, answered_at: iso(t + 10_000), ended_at: iso(t + 14_000), outcome: 'abandoned' });
        else {
          const answered = t + 5_000 + exp(6_000);
          const end = answered + 30_000 + exp(150_000);
          out.push({ ...base, agent, answered_at: iso(answered), connected_at: iso(answered + 800), ended_at: iso(end),
            outcome: 'connected', wrap_seconds: 15, disposition: random() < 0.12 ? success : 'not_interested' });
          work(agent, `${client}-OUT`, answered + 800, end, 15);
        }
      }
    }
  }
  // A call started before `now` may end after it: keep only what has happened.
  const latest = (r: Record<string, unknown>) => Math.max(...['started_at', 'answered_at', 'connected_at', 'ended_at', 'answered_at', 'at']
    .map((k) => (typeof r[k] === 'string' ? Date.parse(r[k] as string) : 0)));
  return out.filter((r) => latest(r) <= now);
}

/**
 * The next number an outbound campaign dials, as a dialer's hopper would choose it: a lead of the campaign's list at
 * random, not one already dialled that day (its retry waits for another day), never one at the legal cap of attempts
 * (the demo week stays within the French 4 per 30 days). Null when every number is at the cap.
 */
function leadPicker(random: () => number) {
  const leads = { ACME: demoLeads(0), HORIZON: demoLeads(1) };
  const attempts = { ACME: new Map<number, number[]>(), HORIZON: new Map<number, number[]>() };
  return (client: 'ACME' | 'HORIZON', day: number) => {
    const list = leads[client];
    const tried = attempts[client];
    const free = (i: number, fresh: boolean) => {
      const days = tried.get(i) ?? [];
      return days.length < FRENCH_ATTEMPT_CAP.max && (!fresh || !days.includes(day));
    };
    const start = Math.floor(random() * list.length);
    for (const fresh of [true, false]) {
      for (let k = 0; k < list.length; k++) {
        const i = (start + k) % list.length;
        if (!free(i, fresh)) continue;
        tried.set(i, [...(tried.get(i) ?? []), day]);
        return list[i]!;
      }
    }
    return null;
  };
}

/**
 * Writes the demo week when the demo campaigns exist, with the demo leads its outbound calls dial (stored as
 * delivered before the week, as a client's list would be), then its quality workspace (grids, sample, evaluations);
 * with `recordingsDir`, a few connected calls are recorded there (server/seed/demo-recordings.ts). Returns the
 * number of records written.
 */
export async function seedDemoActivity(ch: Clickhouse, now = Date.now(), { recordingsDir }: { recordingsDir?: string } = {}): Promise<number> {
  const outsourcer = (await tenancy.organizationsOfKind(ch, 'outsourcer')).find((o) => o.name === 'CallPro');
  if (!outsourcer) return 0;
  await seedDemoLeads(ch, addDays(startOfDay(new TZDate(now, 'Europe/Paris')), -DAYS - 1).getTime());
  const lines: ParsedLine[] = [];
  const records = demoActivity(now);
  const recorded = recordingsDir ? withDemoRecordings(records) : new Map();
  records.forEach((value, i) => {
    const checked = validateRecord(value);
    if ('record' in checked) lines.push({ line: i + 1, record: checked.record });
  });
  const result = await ingestRecords(ch, outsourcer.id, lines);
  if (recordingsDir) await writeDemoRecordings(recorded, recordingsDir);
  await seedDemoQuality(ch, now, new Set(recorded.keys()));
  const surveys = lines.flatMap(({ record: r }) => (r.kind === 'survey' ? [{ id: r.id, campaign: r.campaign ?? '', score: r.score }] : []));
  // The newest answers first: the inbox opens on the last days.
  await seedDemoFollowups(ch, outsourcer.id, surveys.reverse(), now);
  return result.accepted;
}
