// The sampling queue's I/O: a campaign's week of queued calls (with whether each is evaluated), and the draw that
// tops it up to N calls per agent (the picker is sampling.ts's, pure).
import type { Clickhouse } from '@/clickhouse/client';
import { qualitySql } from '@/clickhouse/queries/quality';
import { drawSample, DEFAULT_PER_AGENT_WEEK, stratumOf, type Candidate } from './sampling';

interface CampaignRef { id: string; outsourcer_org_id: string }

/** Draws the week's missing calls for each agent; returns the calls added. */
export async function topUpQueue(ch: Clickhouse, campaign: CampaignRef, span: { week: string; from: number; to: number }, by: string, now: number, random = Math.random): Promise<Candidate[]> {
  const [perAgent, queued, candidates] = await Promise.all([
    qualitySql.sampling(ch, campaign.id),
    qualitySql.queue(ch, campaign.id, span.week),
    qualitySql.candidates(ch, campaign.id, campaign.outsourcer_org_id, span.from, span.to),
  ]);
  const counts = new Map<string, number>();
  for (const q of queued) counts.set(q.agent, (counts.get(q.agent) ?? 0) + 1);
  const picked = drawSample(candidates.map((c) => ({ callId: c.id, agent: c.agent, stratum: stratumOf({ converted: Number(c.converted) }) })), counts, perAgent ?? DEFAULT_PER_AGENT_WEEK, random);
  await qualitySql.enqueue(ch, campaign.id, span.week, picked.map((p) => ({ call_id: p.callId, agent: p.agent, stratum: p.stratum })), by, now);
  return picked;
}

/** The week's queue: each call's facts, and its official evaluation when there is one. */
export async function queueOf(ch: Clickhouse, campaign: CampaignRef, span: { week: string; from: number; to: number }) {
  const queued = await qualitySql.queue(ch, campaign.id, span.week);
  const ids = queued.map((q) => q.call_id);
  const [calls, evaluations, names] = await Promise.all([
    qualitySql.callsByIds(ch, campaign.id, ids),
    ids.length ? qualitySql.latestEvaluations(ch, { orgId: campaign.outsourcer_org_id, campaignIds: [campaign.id], officialOnly: true, from: span.from, to: span.to }) : Promise.resolve([]),
    qualitySql.agentNames(ch, campaign.outsourcer_org_id),
  ]);
  const callById = new Map(calls.map((c) => [c.id, c]));
  const evaluationOf = new Map(evaluations.map((e) => [e.call_id, e]));
  return queued.map((q) => {
    const call = callById.get(q.call_id);
    const e = evaluationOf.get(q.call_id);
    return {
      callId: q.call_id, agent: q.agent, agentName: names.get(q.agent) ?? q.agent, stratum: q.stratum,
      startedAt: call?.started_at ?? null, talkSeconds: call ? Number(call.talk_seconds) : 0, disposition: call?.disposition ?? '',
      recorded: Boolean(call?.recording_path),
      evaluation: e ? { id: e.id, score: e.score, status: e.status } : null,
    };
  });
}
