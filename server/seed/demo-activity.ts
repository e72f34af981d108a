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
import { ABANDON_CAP } from '@/dialer/compliance/abandon-cap';
import { FRENCH_ATTEMPT_CAP } from '@/dialer/compliance/attempt-cap';
import { inCallingWindow, WINDOWS } from '@/dialer/compliance/calling-window';
import { DEMO_ROBOT_AGENTS } from './demo';
import { demoLeads, seedDemoLeads } from './demo-leads';
import { seedDemoQuality } from './demo-quality';
import { withDemoRecordings, writeDemoRecordings } from './demo-recordings';
import { demoVerbatim, seedDemoFollowups } from './demo-verbatims';

const DAYS = 7;
const OPEN_HOUR = 9;
const CLOSE_HOUR = 19;
/** Inbound callers by hour from opening, relative to what the agents on shift are sized for: the late-morning and mid-afternoon peaks. */
const HOURLY = [1.0, 1.05, 1.1, 1.0, 0.9, 1.05, 1.05, 1.0, 0.95, 0.9];
/** Inbound callers relative to a mid-week day, Sunday to Saturday: Mondays busier, Saturdays quieter. */
const WEEKDAY = [0, 1.1, 1, 1, 1, 1, 0.75];

/**
 * Each client's six agents and their shifts (hours, local time): two hold the lines from opening to closing (A1–A4,
 * the agents `npm run start:sip` gives robot phones: DEMO_ROBOT_AGENTS in ./demo.ts), the four of the day team come
 * in staggered (A5–A12). On the demo's own day the day team has gone home before `now` (DAY_TEAM_LEFT), so the live
 * page shows at work only the agents the dialer can route to.
 */
const SHIFTS: Record<'ACME' | 'HORIZON', [string, number, number][]> = {
  ACME: [['A1', 9, 19], ['A2', 9, 19], ['A5', 9, 16], ['A6', 9, 16], ['A7', 10.5, 18], ['A8', 10.5, 18]],
  HORIZON: [['A3', 9, 19], ['A4', 9, 19], ['A9', 9, 16], ['A10', 9, 16], ['A11', 10.5, 18], ['A12', 10.5, 18]],
};
/** Today, the day team logged off this long before `now` at the latest: no call of theirs is still going on. */
const DAY_TEAM_LEFT = 45 * 60_000;
/**
 * The inbound traffic the agents on shift are sized for, by their number, in units of a line's `inPerHour` (Erlang C:
 * a line holds about 80 % within 20 s with its agents busy with callers about 40 % of the time at two, 60 % at six).
 * The shifts are the forecast's: callers come as the agents on shift can answer them (today's last minutes, with the
 * day team gone, are quieter). The idle time left is filled with outbound calls and back-office work (e-mails,
 * call-backs: paused), so agents are occupied 75–85 % of their available time, as on a real service line.
 */
const CAPACITY = [0, 0.3, 0.6, 1.35, 2.05, 2.6, 3.1];

/**
 * Each client's two lines (orders of magnitude of a French contact center's service line: 80 % answered within 20 s,
 * under 5 % abandoned, a handle time of a few minutes). `inPerHour`: inbound callers an hour per unit of CAPACITY.
 * `talk`: a fixed part and an exponential mean, in seconds. `upsell`: the share of calls resolved where the caller
 * takes an offer (the line's success disposition; none: the line sells nothing). Outbound: the share of calls
 * reaching an agent that end in the campaign's success.
 */
const LINES = {
  ACME: { inPerHour: 12, talk: [100, 150], wrap: [15, 15], upsell: 0.09, success: 'sale', successRate: 0.12, outTalk: [45, 170] },
  HORIZON: { inPerHour: 15.5, talk: [70, 130], wrap: [10, 12], upsell: 0, success: 'appointment', successRate: 0.085, outTalk: [40, 180] },
} as const;
/**
 * Fill work (an outbound call, a back-office task) is taken while at least one agent stays free for callers; a caller
 * who would still wait calls an agent back from back-office work, who answers RECALL_MS later.
 */
const RESERVE = 1;
const RECALL_MS = 6_000;
/** Mean gaps between the dialer's chances to place an outbound call, and between back-office tasks waiting. */
const OUT_GAP = 35_000;
const OFFICE_GAP = 15_000;

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
  const outSurvey = mulberry32(20260305);
  for (let d = DAYS; d >= 0; d--) {
    const day = addDays(today, -d);
    if (day.getDay() === 0) continue; // closed on Sundays
    const at = (hours: number) => day.getTime() + hours * 3_600_000;
    const open = at(OPEN_HOUR);
    const close = Math.min(at(CLOSE_HOUR), now - 10 * 60_000);
    if (close <= open) continue; // today before opening: nothing yet
    for (const client of ['ACME', 'HORIZON'] as const) {
      const line = LINES[client];
      // Each agent's shift; today the day team's ends before `now` (A1–A4 stay on: the ones the dialer has).
      const shifts = SHIFTS[client].map(([agent, from, to]) => ({
        agent, start: at(from), end: DEMO_ROBOT_AGENTS.includes(agent) ? at(to) : Math.min(at(to), now - DAY_TEAM_LEFT),
      })).filter((s) => s.end > s.start);
      const onShift = (t: number) => shifts.filter((s) => s.start <= t && t < s.end).length;
      // Each agent takes one call at a time, so agent states, waits and occupancy tell one coherent story.
      const freeAt = new Map<string, number>(shifts.map((s) => [s.agent, s.start]));
      // The agent a caller at `t` reaches first: the one free soonest among those on shift then (the two who close
      // the line take the last callers queued).
      const firstFree = (t: number) => {
        let best: [string, number] | undefined;
        for (const s of shifts) {
          const ready = Math.max(t, freeAt.get(s.agent)!);
          if ((ready < s.end || s.end >= at(CLOSE_HOUR)) && (!best || ready < best[1])) best = [s.agent, ready];
        }
        return best;
      };
      // Agents on back-office work until when, and the record of their return (moved when a caller calls them back).
      const office = new Map<string, { until: number; back: Record<string, unknown> | null }>();
      // A caller who would wait calls back to the phone an agent on back-office work: it drops the e-mail in a few seconds.
      const recall = (t: number, ready: number) => {
        let best: string | undefined;
        for (const [agent, o] of office) if (o.until > t + RECALL_MS && (!best || o.until > office.get(best)!.until)) best = agent;
        if (!best || ready <= t + RECALL_MS) return;
        const o = office.get(best)!;
        office.delete(best);
        o.until = t + RECALL_MS;
        freeAt.set(best, o.until);
        if (o.until > now) return;
        if (o.back) o.back.at = iso(o.until);
        else out.push({ kind: 'agent_state', agent: best, state: 'available', at: iso(o.until) });
      };
      const freeNow = (t: number) => shifts.filter((s) => s.start <= t && t < s.end && freeAt.get(s.agent)! <= t);
      const work = (agent: string, campaign: string, connected: number, end: number, wrapSeconds: number) => {
        freeAt.set(agent, end + wrapSeconds * 1000);
        // A call still going on at `now` has no record yet (filtered below): nor do its agent's states.
        if (end > now) return;
        out.push({ kind: 'agent_state', agent, campaign, state: 'on_call', at: iso(connected) });
        out.push({ kind: 'agent_state', agent, campaign, state: 'wrapup', at: iso(end) });
        out.push({ kind: 'agent_state', agent, state: 'available', at: iso(end + wrapSeconds * 1000) });
      };
      // The day's outbound calls put through, and those dropped, ended by `now` (the records kept): the regulatory
      // abandon rate's terms, as the pages will read them.
      const reached = { connected: 0, drops: [] as Record<string, unknown>[] };
      for (const s of shifts) out.push({ kind: 'agent_state', agent: s.agent, state: 'available', at: iso(s.start - 5 * 60_000) });
      // Inbound callers over the day (thinned from the busiest rate the day's shifts are sized for), outbound attempts
      // whenever the dialer may, and back-office work for idle agents, in time order.
      type Demand = { t: number; kind: 'in'; n: number; followUpOf?: string } | { t: number; kind: 'out' | 'office'; n: number };
      const demands: Demand[] = [];
      const rate = (t: number) => line.inPerHour * WEEKDAY[day.getDay()]! * HOURLY[Math.floor((t - open) / 3_600_000)]! * CAPACITY[onShift(t)]!;
      const peak = line.inPerHour * WEEKDAY[day.getDay()]! * Math.max(...HOURLY) * CAPACITY[SHIFTS[client].length]!;
      const peakGap = 3_600_000 / peak;
      for (let t = open + exp(peakGap), n = 0; t < close; t += exp(peakGap)) {
        if (random() * peak < rate(t)) demands.push({ t, kind: 'in', n: n++ });
      }
      // Outbound within the French legal calling hours only (Mon–Fri 10:00–13:00 and 14:00–20:00), the ones the
      // campaigns' /dialer shows: a demo dialling on Saturday or at 9:00 would read as a breach to a French manager.
      for (let t = open + exp(OUT_GAP), n = 0; t < close; t += exp(OUT_GAP), n++) {
        if (inCallingWindow(t, timeZone, WINDOWS.france).allowed) demands.push({ t, kind: 'out', n });
      }
      for (let t = open + exp(OFFICE_GAP), n = 0; t < close; t += exp(OFFICE_GAP), n++) demands.push({ t, kind: 'office', n });
      demands.sort((a, b) => a.t - b.t);
      while (demands.length) {
        const job = demands.shift()!;
        const t = job.t;
        if (job.kind === 'in') {
          const id = job.followUpOf ? `${job.followUpOf}-f` : `demo-${client}-in-${d}-${job.n}`;
          const caseId = job.followUpOf ? `case-${job.followUpOf}` : `case-${id}`;
          const soonest = firstFree(t);
          if (soonest && soonest[1] > t) recall(t, soonest[1]);
          const first = firstFree(t);
          // Most callers wait several minutes; a few hang up at once (a wrong number, the recorded greeting).
          const patience = random() < 0.015 ? exp(3_000) : 30_000 + exp(400_000);
          const connected = first ? first[1] + 1_000 + exp(3_000) : Infinity; // routed, then a ring at the agent's
          if (!first || connected - t > patience) {
            out.push({ kind: 'call', id, campaign: `${client}-IN`, direction: 'inbound', started_at: iso(t), ended_at: iso(t + patience), outcome: 'abandoned' });
            continue;
          }
          const [agent] = first;
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
          if (!resolved && followUp + 600_000 < close && onShift(followUp) > 0) {
            const at = demands.findIndex((x) => x.t > followUp);
            demands.splice(at < 0 ? demands.length : at, 0, { t: followUp, kind: 'in', n: job.n, followUpOf: id });
          }
          if (random() < 0.3) {
            // Callers left unresolved score lower: NPS follows resolution, as it does in a real service line.
            const score = Math.min(10, Math.max(0, Math.round((resolved ? 8.9 : 6.6) + (random() - 0.55) * 7)));
            out.push({ kind: 'survey', id: `${id}-nps`, campaign: `${client}-IN`, call_id: id, agent, score, answered_at: iso(end + 120_000),
              comment: demoVerbatim(score, verbatim, resolved), resolved, case_id: caseId });
          }
          continue;
        }
        // Fill work (blended): taken by the agent free the longest, only while more than the reserve stay free for callers.
        const free = freeNow(t);
        if (free.length <= RESERVE) continue;
        const agent = free.reduce((a, b) => (freeAt.get(b.agent)! < freeAt.get(a.agent)! ? b : a)).agent;
        if (job.kind === 'office') {
          // Back-office (e-mails, call-backs to log): paused a few minutes, not waiting for callers.
          const until = t + (120 + exp(180)) * 1000;
          freeAt.set(agent, until);
          if (t > now) continue;
          out.push({ kind: 'agent_state', agent, state: 'paused', at: iso(t) });
          const back = until > now ? null : { kind: 'agent_state', agent, state: 'available', at: iso(until) };
          if (back) out.push(back);
          office.set(agent, { until, back });
          continue;
        }
        // Outbound: one in three is answered by a person.
        const id = `demo-${client}-out-${d}-${job.n}`;
        const lead = dial(client, day.getTime());
        if (!lead) continue; // every number at its legal cap: nothing left to dial
        const base = { kind: 'call', id, campaign: `${client}-OUT`, direction: 'outbound', phone: lead.phone, contact: `${lead.name} ${lead.lastName}`, started_at: iso(t) };
        const r = random();
        if (r < 0.45) out.push({ ...base, ended_at: iso(t + 25_000), outcome: 'no_answer' });
        else if (r < 0.55) out.push({ ...base, ended_at: iso(t + 6_000), outcome: 'busy' });
        else if (r < 0.67) out.push({ ...base, answered_at: iso(t + 12_000), ended_at: iso(t + 40_000), outcome: 'voicemail' });
        // The predictive dialer drops an answered call now and then (under the legal 3 %); the progressive one never does.
        else if (r < (client === 'ACME' ? 0.674 : 0.67)) {
          const drop = { ...base, answered_at: iso(t + 10_000), ended_at: iso(t + 14_000), outcome: 'abandoned' };
          if (t + 14_000 <= now) reached.drops.push(drop);
          out.push(drop);
        } else {
          const answered = t + 5_000 + exp(6_000);
          const end = answered + (line.outTalk[0] + exp(line.outTalk[1])) * 1000;
          if (end <= now) reached.connected++;
          const wrap = Math.round(15 + exp(10));
          const disposition = random() < line.successRate ? line.success : 'not_interested';
          out.push({ ...base, agent, answered_at: iso(answered), connected_at: iso(answered + 800), ended_at: iso(end),
            outcome: 'connected', wrap_seconds: wrap, disposition });
          work(agent, `${client}-OUT`, answered + 800, end, wrap);
          // Reached contacts get the survey link too; fewer answer than callers who asked for help, and those who said
          // yes score higher. Its own generator: the rest of the week does not move with it.
          if (outSurvey() < 0.15) {
            const score = Math.min(10, Math.max(0, Math.round((disposition === line.success ? 8.8 : 7.9) + (outSurvey() - 0.5) * 5)));
            out.push({ kind: 'survey', id: `${id}-nps`, campaign: `${client}-OUT`, call_id: id, agent, score, answered_at: iso(end + 180_000),
              comment: demoVerbatim(score, outSurvey) });
          }
        }
      }
      // The pacing holds the day under the legal cap (a day over it would show red): a drop past it was, in fact, a
      // machine that answered. Rewritten after the draw, so the rest of the week keeps its random sequence.
      while (reached.drops.length > ABANDON_CAP * (reached.connected + reached.drops.length)) {
        const drop = reached.drops.pop()!;
        Object.assign(drop, { outcome: 'voicemail', ended_at: iso(Date.parse(drop.answered_at as string) + 28_000) });
      }
      // Agents log out at the end of their shift, or of their last call.
      for (const s of shifts) out.push({ kind: 'agent_state', agent: s.agent, state: 'offline', at: iso(Math.max(s.end, freeAt.get(s.agent)!) + 2 * 60_000) });
    }
  }
  // A call started before `now` may end after it: keep only what has happened.
  const latest = (r: Record<string, unknown>) => Math.max(...['started_at', 'answered_at', 'connected_at', 'ended_at', 'answered_at', 'at']
    .map((k) => (typeof r[k] === 'string' ? Date.parse(r[k] as string) : 0)));
  return out.filter((r) => latest(r) <= now);
}

/**
 * The head of each demo list the week never dials: a dialler started on the demo takes fresh leads in list order, so it
 * meets these first, whatever day the demo starts on, and their mix is known (the second one answers; see LAST_DIGITS
 * in demo-leads.ts). Left to the week's random picks, the first fresh ones were some days a run of numbers that never
 * answer, and an agent waited through ring-outs before a customer.
 */
export const FRESH_HEAD = 20;

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
        if (i < FRESH_HEAD || !free(i, fresh)) continue;
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
  // Recorded: the last calls of A1–A4 on each campaign (16 WAVs spoken at start-up: the day team's would triple that).
  const recorded = recordingsDir ? withDemoRecordings(records.filter((r) => DEMO_ROBOT_AGENTS.includes(String(r.agent)))) : new Map();
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
