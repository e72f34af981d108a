// The supervisor's per-agent view of one campaign, live: each agent with its state (and pause reason), since when,
// its current call's campaign and duration, and today's calls and AHT from the one KPI module. States come from the
// co-located dialer's pool when the agent is logged in to it, else from the agent_state records (an external dialer
// posting them through the API); the pool is read only for agents of the campaign's outsourcer.
import type { AgentState } from '@/clickhouse/vocabulary';
import type { Agent } from '@/dialer/agents/agent-state';

/** Call states: the agent's state is about a call of `campaign`. */
const ON_A_CALL: readonly AgentState[] = ['ringing', 'on_call', 'wrapup'];

export interface LiveAgentRow {
  agent: string;
  name: string;
  team: string;
  /** Null: no state known today (never logged in). */
  state: AgentState | null;
  pauseReason: string | null;
  /** Seconds in the state at `asOf`; the page counts on from there. */
  stateSeconds: number | null;
  /** The call the agent is ringing for, talking on or wrapping up: its campaign (null name: not in the caller's scope). */
  call: { campaignId: string | null; campaignName: string | null; seconds: number | null } | null;
  callsToday: number;
  ahtSeconds: number | null;
  /** Where the state was read: the dialer of this process, or the records. */
  source: 'dialer' | 'records' | null;
}

export interface LiveAgentsInput {
  now: number;
  campaign: { id: string; code: string };
  /** The outsourcer's agents (active, with a code) that belong on the list: assigned to the campaign or with calls on it today. */
  agents: { code: string; name: string; team: string }[];
  /** The dialer's agents of that outsourcer (already filtered by organization), null without a dialer. */
  pool: readonly Agent[] | null;
  /** The latest recorded state today of the campaign's agents; `at` in epoch ms, `campaign` an id ('' for none). */
  recorded: { agent: string; state: AgentState; at: number; campaign: string }[];
  /** Today's KPIs by agent on the campaign. */
  kpis: ReadonlyMap<string, { connected: number; aht_seconds: number | null }>;
  /** The caller's campaigns: the call's campaign is named only when it is one of them. */
  campaigns: readonly { id: string; code: string; name: string }[];
}

const seconds = (from: number, to: number) => Math.max(0, Math.round((to - from) / 1000));

/** The rows, by agent code; pure. */
export function liveAgentRows(i: LiveAgentsInput): LiveAgentRow[] {
  const pool = new Map((i.pool ?? []).map((a) => [a.code, a]));
  const recorded = new Map(i.recorded.map((r) => [r.agent, r]));
  const byCode = new Map(i.campaigns.map((c) => [c.code, c]));
  const byId = new Map(i.campaigns.map((c) => [c.id, c]));
  return [...i.agents].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true })).map((a) => {
    const kpi = i.kpis.get(a.code);
    const base = { agent: a.code, name: a.name, team: a.team, callsToday: kpi?.connected ?? 0, ahtSeconds: kpi?.aht_seconds ?? null };
    const live = pool.get(a.code);
    if (live) {
      const campaign = live.campaign ? byCode.get(live.campaign) : undefined;
      const onCall = ON_A_CALL.includes(live.state);
      return {
        ...base, state: live.state, pauseReason: live.state === 'paused' ? live.pauseReason ?? null : null, stateSeconds: seconds(live.since, i.now),
        call: onCall ? { campaignId: campaign?.id ?? null, campaignName: campaign?.name ?? null, seconds: live.state === 'on_call' ? seconds(live.since, i.now) : null } : null,
        source: 'dialer' as const,
      };
    }
    const r = recorded.get(a.code);
    if (!r) return { ...base, state: null, pauseReason: null, stateSeconds: null, call: null, source: null };
    const campaign = r.campaign ? byId.get(r.campaign) : undefined;
    return {
      ...base, state: r.state, pauseReason: null, stateSeconds: seconds(r.at, i.now),
      call: ON_A_CALL.includes(r.state) ? { campaignId: campaign?.id ?? null, campaignName: campaign?.name ?? null, seconds: r.state === 'on_call' ? seconds(r.at, i.now) : null } : null,
      source: 'records' as const,
    };
  });
}

/** A ClickHouse DateTime64 in UTC ('2026-03-10 10:00:00.000') in epoch ms. */
export const utcMillis = (at: string) => Date.parse(`${at.replace(' ', 'T')}Z`);
