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
/** Inbound callers by hour from opening, relative to the day's mean: the morning and mid-afternoon peaks. */
const HOURLY = [0.8, 1.25, 1.3, 1.0, 0.75, 1.1, 1.2, 1.1, 0.85, 0.65];
const PEAK = Math.max(...HOURLY);
/** Inbound callers relative to a mid-week day, Sunday to Saturday: Mondays busier, Saturdays quieter. */
const WEEKDAY = [0, 1.15, 1, 1, 1, 1, 0.7];

/**
 * Each client's two lines, sized for its two agents (orders of magnitude of a French contact center's service line:
 * 80 % answered within 20 s, under 5 % abandoned, a handle time of a few minutes). `talk`: a fixed part and an
 * exponential mean, in seconds. `upsell`: the share of calls resolved where the caller takes an offer (the line's
 * success disposition; none: the line sells nothing). Outbound: the share of calls reaching an agent that end in the
 * campaign's success.
 */
const LINES = {
  ACME: { agents: ['A1', 'A2'], inPerHour: 7.5, talk: [100, 150], wrap: [15, 15], upsell: 0.09, success: 'sale', successRate: 0.12, outTalk: [45, 170] },
  HORIZON: { agents: ['A3', 'A4'], inPerHour: 9, talk: [70, 130], wrap: [10, 12], upsell: 0, success: 'appointment', successRate: 0.085, outTalk: [40, 180] },
} as const;

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
    for (const client of ['ACME', 'HORIZON'] as const) {
      const line = LINES[client];
      const agents = line.agents;
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
      // Inbound callers over the day's curve (thinned from the peak hour's rate), and outbound attempts whenever the
      // dialer may, in time order.
      type Demand = { t: number; kind: 'in'; n: number; followUpOf?: string } | { t: number; kind: 'out'; n: number };
      const demands: Demand[] = [];
      const peakGap = 3_600_000 / (line.inPerHour * WEEKDAY[day.getDay()]! * PEAK);
      for (let t = open + exp(peakGap), n = 0; t < close; t += exp(peakGap)) {
        if (random() * PEAK < HOURLY[Math.floor((t - open) / 3_600_000)]!) demands.push({ t, kind: 'in', n: n++ });
      }
      // Outbound every demo day, Saturday included (the demo's contacts consented to widened hours, as the desk's
      // outbound e2e sets them). Which leads the week left fresh decides what a dialer started today reaches first
      // (fresh leads go in list order): with Saturdays off, the first fresh ones were numbers of the SIPp mix that
      // never answer, and a desk waited through ring-outs before its first customer.
      for (let t = open + exp(60_000), n = 0; t < close; t += exp(60_000), n++) demands.push({ t, kind: 'out', n });
      demands.sort((a, b) => a.t - b.t);
      while (demands.length) {
        const job = demands.shift()!;
        const t = job.t;
        if (job.kind === 'in') {
          const id = job.followUpOf ? `${job.followUpOf}-f` : `demo-${client}-in-${d}-${job.n}`;
          const caseId = job.followUpOf ? `case-${job.followUpOf}` : `case-${id}`;
          const [agent, free] = firstFree();
          const connected = Math.max(t, free) + 1_000 + exp(3_000); // routed, then a ring at the agent's
          // Most callers wait several minutes; a few hang up at once (a wrong number, the recorded greeting).
          const patience = random() < 0.015 ? exp(3_000) : 45_000 + exp(600_000);
          if (connected - t > patience) {
            out.push({ kind: 'call', id, campaign: `${client}-IN`, direction: 'inbound', started_at: iso(t), ended_at: iso(t + patience), outcome: 'abandoned' });
            continue;
          }
          // A follow-up resolves its case; a first call does 78 % of the time (FCR below 100 %).
          const resolved = job.followUpOf !== undefined || random() < 0.78;
          // Where the line sells something, a caller whose request is settled now and then takes the offer (a longer call).
          const upsell = resolved && random() < line.upsell;
          const end = connected + (line.talk[0] + exp(line.talk[1]) + (upsell ? 120 + exp(60) : 0)) * 1000;
          const wrap = Math.round(line.wrap[0] + exp(line.wrap[1]));
          out.push({ kind: 'call', id, campaign: `${client}-IN`, direction: 'inbound', agent, started_at: iso(t), connected_at: iso(connected),
            ended_at: iso(end), outcome: 'connected', hold_seconds: Math.round(random() < 0.2 ? exp(40) : 0), wrap_seconds: wrap,
            disposition: upsell ? 'green_offer' : resolved ? 'resolved' : 'follow_up', case_id: caseId, resolved });
          work(agent, `${client}-IN`, connected, end, wrap);
          // Unresolved cases call back a few hours later.
          const followUp = end + 3_600_000 + exp(3_600_000);
          if (!resolved && followUp + 600_000 < close) {
            const at = demands.findIndex((x) => x.t > followUp);
            demands.splice(at < 0 ? demands.length : at, 0, { t: followUp, kind: 'in', n: job.n, followUpOf: id });
          }
          if (random() < 0.3) {
            // Callers left unresolved score lower: NPS follows resolution, as it does in a real service line.
            const score = Math.min(10, Math.max(0, Math.round((resolved ? 8.9 : 6.6) + (random() - 0.55) * 7)));
            out.push({ kind: 'survey', id: `${id}-nps`, campaign: `${client}-IN`, call_id: id, agent, score, answered_at: iso(end + 120_000),
              comment: demoVerbatim(score, verbatim), resolved, case_id: caseId });
          }
          continue;
        }
        // Outbound (blended): dialled outside the inbound peaks, and only while another agent stays free for inbound
        // callers; one in three is answered by a person.
        if (HOURLY[Math.floor((t - open) / 3_600_000)]! > 1.1 || [...freeAt.values()].filter((f) => f <= t).length < 2) continue;
        const [agent] = firstFree();
        const id = `demo-${client}-out-${d}-${job.n}`;
        const lead = dial(client, day.getTime());
        if (!lead) continue; // every number at its legal cap: nothing left to dial
        const base = { kind: 'call', id, campaign: `${client}-OUT`, direction: 'outbound', phone: lead.phone, contact: `${lead.name} ${lead.lastName}`, started_at: iso(t) };
        const r = random();
        if (r < 0.45) out.push({ ...base, ended_at: iso(t + 25_000), outcome: 'no_answer' });
        else if (r < 0.55) out.push({ ...base, ended_at: iso(t + 6_000), outcome: 'busy' });
        else if (r < 0.67) out.push({ ...base, answered_at: iso(t + 12_000), ended_at: iso(t + 40_000), outcome: 'voicemail' });
        // The predictive dialer drops an answered call now and then (under the legal 3 %); the progressive one never does.
        else if (r < (client === 'ACME' ? 0.675 : 0.67)) out.push({ ...base, answered_at: iso(t + 10_000), ended_at: iso(t + 14_000), outcome: 'abandoned' });
        else {
          const answered = t + 5_000 + exp(6_000);
          const end = answered + (line.outTalk[0] + exp(line.outTalk[1])) * 1000;
          const wrap = Math.round(15 + exp(10));
          out.push({ ...base, agent, answered_at: iso(answered), connected_at: iso(answered + 800), ended_at: iso(end),
            outcome: 'connected', wrap_seconds: wrap, disposition: random() < line.successRate ? line.success : 'not_interested' });
          work(agent, `${client}-OUT`, answered + 800, end, wrap);
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
