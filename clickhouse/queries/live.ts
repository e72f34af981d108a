// SQL for the live monitor: agents by their latest state today.
import type { Clickhouse } from '../client';

export type AgentState = 'offline' | 'available' | 'ringing' | 'on_call' | 'wrapup' | 'paused';

/**
 * Each agent's latest state since `since` (epoch ms), for agents seen on the campaign or on no campaign.
 * Events stamped in the future (a sender's clock ahead of ours) wait until their time comes.
 */
export async function latestAgentStates(ch: Clickhouse, orgId: string, campaignId: string, since: number) {
  const rs = await ch.query({
    query: `SELECT agent, argMax(state, at) AS last_state, max(at) AS last_at
            FROM agent_states
            WHERE org_id = {org:String} AND (campaign_id = {campaign:String} OR campaign_id = '')
              AND at >= toDateTime64({since:Float64}, 3) AND at <= now64(3)
            GROUP BY agent
            ORDER BY agent`,
    query_params: { org: orgId, campaign: campaignId, since: since / 1000 },
    format: 'JSONEachRow',
  });
  return (await rs.json<{ agent: string; last_state: AgentState; last_at: string }>()).map((r) => ({ agent: r.agent, state: r.last_state, at: r.last_at }));
}
