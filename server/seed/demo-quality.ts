// The demo's quality workspace: each demo campaign's default grid (French criteria, legal mentions eliminatory), the
// sampling queue of last week and this one, last week's sample evaluated (one dispute, some acknowledged), the recorded
// calls in their week's queue (this week's, or last week's before this week's first call) with one of each agent's two
// evaluated, and one call evaluated twice (calibration).
import type { Clickhouse } from '@/clickhouse/client';
import { qualitySql } from '@/clickhouse/queries/quality';
import { tenancy, type Campaign } from '@/clickhouse/queries/tenancy';
import { mulberry32 } from '@/dialer/pacing/random';
import { agentAnswer, createEvaluation, type EvaluationView, type Person } from '@/server/quality/evaluations';
import { criteriaOf, defaultSections, type Answers, type Section } from '@/server/quality/grid';
import { saveGrid } from '@/server/quality/grids';
import { topUpQueue } from '@/server/quality/queue';
import { isoWeekOf, stratumOf } from '@/server/quality/sampling';

/** Mostly good answers, now and then a miss; the legal mentions missed about one time in twelve. */
export function demoAnswers(sections: readonly Section[], random: () => number): Answers {
  return Object.fromEntries(criteriaOf(sections).map((c) => {
    if (c.answer === 'yes_no') return [c.id, random() < (c.eliminatory ? 0.92 : 0.8) ? 'yes' : random() < 0.3 ? 'na' : 'no'];
    return [c.id, Math.min(c.max, Math.max(0, Math.round(c.max * (0.55 + random() * 0.5))))];
  }));
}

const COMMENTS = ['Bonne reformulation du besoin', 'Objection traitée trop vite', 'Mentions légales bien annoncées', 'Prise de congé chaleureuse'];

export async function seedDemoQuality(ch: Clickhouse, now: number, recordedIds: ReadonlySet<string>): Promise<number> {
  const callpro = (await tenancy.organizationsOfKind(ch, 'outsourcer')).find((o) => o.name === 'CallPro');
  const [quality, manager] = await Promise.all(['quality@callpro.test', 'manager@callpro.test'].map((e) => tenancy.userByEmail(ch, e)));
  if (!callpro || !quality || !manager) return 0;
  const campaigns: Campaign[] = await tenancy.campaignsOfPartnerships(ch, (await tenancy.partnershipsOfOrg(ch, callpro.id)).map((p) => p.id));
  const agents = new Map((await qualitySql.agentNames(ch, callpro.id)).entries());
  const users = await Promise.all([...agents.keys()].map(async (code) => ({ code, user: await tenancy.userByEmail(ch, `agent${code.slice(1)}@callpro.test`) })));
  const agentPerson = new Map(users.filter((u) => u.user).map((u) => [u.code, { id: u.user!.id, name: u.user!.name, email: u.user!.email } as Person]));
  const evaluator: Person = { id: quality.id, name: quality.name, email: quality.email };
  const random = mulberry32(20260419);
  const done: EvaluationView[] = [];
  const evaluate = async (campaignId: string, callId: string, by = evaluator, at = now) => {
    const [call] = await qualitySql.calls(ch, [campaignId], callpro.id, callId);
    if (!call) return undefined;
    const grid = defaultSections(call.direction);
    const comments = random() < 0.7 ? [{ at: Math.round(5 + random() * 20), text: COMMENTS[Math.floor(random() * COMMENTS.length)]! }] : [];
    const e = await createEvaluation(ch, call, by, { answers: demoAnswers(grid, random), comments }, at);
    done.push(e);
    return e;
  };

  for (const c of campaigns) {
    const ref = { id: c.id, code: c.code, outsourcer_org_id: callpro.id };
    await saveGrid(ch, ref, { id: 'seed', email: 'seed', name: 'Relais' }, { name: `Grille ${c.code}`, sections: defaultSections(c.direction) }, now);
    const thisWeek = isoWeekOf(now, c.time_zone);
    const lastWeek = isoWeekOf(thisWeek.from - 1, c.time_zone);
    // The recorded calls (the latest of each agent) go first into their week's queue, so the player has something to
    // play: this week's, or last week's early on a Monday, before this week's first call of the campaign.
    const all = (await qualitySql.callsByIds(ch, c.id, [...recordedIds])).sort((a, b) => a.started_at.localeCompare(b.started_at));
    const recordedWeek = all.length && Date.parse(all.at(-1)!.started_at) < thisWeek.from ? lastWeek : thisWeek;
    const recorded = all.filter((r) => Date.parse(r.started_at) >= recordedWeek.from && Date.parse(r.started_at) < recordedWeek.to);
    const enqueueRecorded = () => qualitySql.enqueue(ch, c.id, recordedWeek.week, recorded.map((r) => ({ call_id: r.id, agent: r.agent, stratum: stratumOf({ converted: Number(r.converted) }) })), quality.id, now);
    // Last week: the sample drawn and evaluated, a day or two after each call.
    if (recordedWeek === lastWeek) await enqueueRecorded();
    for (const q of await topUpQueue(ch, ref, lastWeek, quality.id, now, random)) await evaluate(c.id, q.callId);
    // This week: its recorded calls, then the sample topped up.
    if (recordedWeek === thisWeek) await enqueueRecorded();
    await topUpQueue(ch, ref, thisWeek, quality.id, now, random);
    // Each agent's older recorded call evaluated; the newer one waits in the queue.
    const seen = new Set<string>();
    for (const r of recorded) {
      if (seen.has(r.agent)) continue;
      seen.add(r.agent);
      await evaluate(c.id, r.id);
    }
  }

  // The agents' answers: the first of each agent's acknowledged, agent 1's second disputed.
  const byAgent = new Map<string, EvaluationView[]>();
  for (const e of done) byAgent.set(e.agent, [...(byAgent.get(e.agent) ?? []), e]);
  for (const [code, list] of byAgent) {
    const person = agentPerson.get(code);
    if (!person) continue;
    if (list[0]) await agentAnswer(ch, callpro.id, list[0], code, person, 'acknowledge', '', now);
    if (code === 'A1' && list[1]) await agentAnswer(ch, callpro.id, list[1], code, person, 'dispute', 'Le client m’a coupé avant le récapitulatif, je ne pouvais pas le faire.', now);
  }
  // Calibration: the manager evaluates one of the quality analyst's calls again.
  const first = done.find((e) => e.agent === 'A2');
  if (first) await evaluate(first.campaignId, first.callId, { id: manager.id, name: manager.name, email: manager.email });
  return done.length;
}
