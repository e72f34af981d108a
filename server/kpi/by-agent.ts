// The agent comparison: the same KPI object as everywhere, one per agent.
import type { Clickhouse } from '@/clickhouse/client';
import { callTotalsByAgent, resolutionByAgent } from '@/clickhouse/queries/kpi-by-agent';
import { qaRows, stateRows, surveyRows, type KpiFilter } from '@/clickhouse/queries/kpi';
import type { SlThresholds } from './formulas';
import { convertsOf, withCampaignAgents, type KnownCampaigns } from './engine';
import { byDirection, kpiValues, type KpiValues } from './report';

export async function kpisByAgent(ch: Clickhouse, filter: KpiFilter & KnownCampaigns & { orgIds: string[]; sl: SlThresholds }): Promise<Map<string, KpiValues>> {
  const f = await withCampaignAgents(ch, filter);
  const [calls, surveyList, stateList, qaList, resolutionList, converts] = await Promise.all([
    callTotalsByAgent(ch, f), surveyRows(ch, f, true), stateRows(ch, f.orgIds, f, true), qaRows(ch, f, true), resolutionByAgent(ch, f),
    convertsOf(ch, f),
  ]);
  const surveys = new Map(surveyList.map((s) => [s.agent, s]));
  const states = new Map(stateList.map((s) => [s.agent, s]));
  const qa = new Map(qaList.map((q) => [q.agent, q]));
  // A case is the resolving agent's: resolution time and FCR per agent (docs/kpis.md).
  const resolutions = new Map(resolutionList.map(({ agent, ...r }) => [agent, r]));
  const agents = new Set([...calls.map((c) => c.agent), ...surveys.keys(), ...states.keys(), ...qa.keys(), ...resolutions.keys()]);
  const out = new Map<string, KpiValues>();
  for (const agent of agents) {
    out.set(agent, kpiValues({
      ...byDirection(calls.filter((c) => c.agent === agent)),
      surveys: surveys.get(agent),
      qa: qa.get(agent) ?? { evaluations: 0, score_sum: 0 },
      states: states.get(agent),
      resolution: resolutions.get(agent),
      sl: f.sl,
      converts,
    }));
  }
  return out;
}
