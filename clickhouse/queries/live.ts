// SQL for the live monitor: agents by their latest state today.
import type { Clickhouse } from '../client';
import type { AgentState } from '../vocabulary';
import { STATE_SCOPE } from './kpi';
import { selectRows } from './rows';

/**
 * Each agent's latest state between `since` and `until` (epoch ms), whatever its campaign, for the agents that state makes the
 * campaign's (`STATE_SCOPE`: on the campaign, or on none and one of its agents). An agent now on another
 * campaign's call is not shown waiting here. Events stamped after `until` (a sender's clock ahead of ours) wait
 * until their time comes.
 */
export async function latestAgentStates(ch: Clickhouse, o: { orgId: string; campaignId: string; campaignAgents: string[]; since: number; until: number }) {
  const rs = await ch.query({
    query: `SELECT agent, last_state, last_at
            FROM (
              SELECT agent, argMax(state, at) AS last_state, argMax(campaign_id, at) AS campaign_id, max(at) AS last_at
              FROM agent_states
              WHERE org_id = {org:String} AND at >= toDateTime64({from:Float64}, 3) AND at <= toDateTime64({to:Float64}, 3)
              GROUP BY agent
            )
            WHERE ${STATE_SCOPE}
            ORDER BY agent`,
    query_params: { org: o.orgId, orgs: [o.orgId], campaigns: [o.campaignId], campaignAgents: o.campaignAgents, from: o.since / 1000, to: o.until / 1000 },
    format: 'JSONEachRow',
  });
  return (await rs.json<{ agent: string; last_state: AgentState; last_at: string }>()).map((r) => ({ agent: r.agent, state: r.last_state, at: r.last_at }));
}

/**
 * The latest state between `since` and `until` (epoch ms) of each of these agents of the organization, whatever its
 * campaign (the per-agent view shows an agent on another campaign's call as such); `campaign`: the state's campaign id.
 */
export async function latestStatesOfAgents(ch: Clickhouse, o: { orgId: string; agents: string[]; since: number; until: number }) {
  if (o.agents.length === 0) return [];
  const rs = await ch.query({
    query: `SELECT agent, argMax(state, at) AS last_state, argMax(campaign_id, at) AS campaign_id, max(at) AS last_at
            FROM agent_states
            WHERE org_id = {org:String} AND agent IN {agents:Array(String)}
              AND at >= toDateTime64({from:Float64}, 3) AND at <= toDateTime64({to:Float64}, 3)
            GROUP BY agent
            ORDER BY agent`,
    query_params: { org: o.orgId, agents: o.agents, from: o.since / 1000, to: o.until / 1000 },
    format: 'JSONEachRow',
  });
  return (await rs.json<{ agent: string; last_state: AgentState; last_at: string; campaign_id: string }>()).map((r) => ({ agent: r.agent, state: r.last_state, at: r.last_at, campaign: r.campaign_id }));
}

/**
 * The hour (epoch ms) of the campaign's last call before `before`, or null when it has none: where the live monitor
 * shows the last working day when today has no call yet (night, weekend). Read from the hourly rollup.
 */
export async function lastCallHourBefore(ch: Clickhouse, campaignId: string, before: number): Promise<number | null> {
  const [row] = await selectRows<{ at: string }>(
    ch,
    `SELECT toString(toUnixTimestamp(hour) * 1000) AS at FROM calls_by_hour
     WHERE campaign_id = {c:String} AND hour < toDateTime(intDiv({before:Int64}, 1000))
     GROUP BY hour HAVING sum(calls) > 0 ORDER BY hour DESC LIMIT 1`,
    { c: campaignId, before },
  );
  return row ? Number(row.at) : null;
}
