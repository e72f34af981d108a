// SQL behind the agent comparison: the KPI totals of clickhouse/queries/kpi.ts, grouped by agent.
import type { Clickhouse } from '../client';
import type { StateTotals, SurveyTotals } from '@/server/kpi/formulas';
import { FILTER, normalise, params, TOTALS_FROM_ROLLUP, type CallTotalsRow, type KpiFilter } from './kpi';

export async function callTotalsByAgent(ch: Clickhouse, f: KpiFilter): Promise<(CallTotalsRow & { agent: string })[]> {
  const rs = await ch.query({
    query: `SELECT agent, direction, ${TOTALS_FROM_ROLLUP}
            FROM calls_by_minute
            WHERE ${FILTER} AND agent != ''
              AND minute >= toDateTime64({from:Float64}, 3) AND minute < toDateTime64({to:Float64}, 3)
            GROUP BY agent, direction`,
    query_params: params(f),
    format: 'JSONEachRow',
  });
  const rows = await rs.json<Record<string, unknown>>();
  return normalise(rows).map((r, i) => ({ ...r, agent: String(rows[i]!.agent) }));
}

export async function surveyTotalsByAgent(ch: Clickhouse, f: KpiFilter): Promise<Map<string, SurveyTotals>> {
  const rs = await ch.query({
    query: `SELECT agent, sum(sign) AS responses, sumIf(sign, score >= 9) AS promoters, sumIf(sign, score <= 6) AS detractors
            FROM surveys
            WHERE campaign_id IN {campaigns:Array(String)} AND agent != ''
              AND (length({agents:Array(String)}) = 0 OR agent IN {agents:Array(String)})
              AND answered_at >= toDateTime64({from:Float64}, 3) AND answered_at < toDateTime64({to:Float64}, 3)
            GROUP BY agent`,
    query_params: params(f),
    format: 'JSONEachRow',
  });
  const out = new Map<string, SurveyTotals>();
  for (const r of await rs.json<Record<string, string>>()) {
    out.set(r.agent!, { responses: Number(r.responses), promoters: Number(r.promoters), detractors: Number(r.detractors) });
  }
  return out;
}

/** Same state accounting as stateTotals (a state lasts until the agent's next event), per agent. */
export async function stateTotalsByAgent(ch: Clickhouse, orgIds: string[], f: KpiFilter): Promise<Map<string, StateTotals>> {
  const rs = await ch.query({
    query: `
      SELECT agent,
             sumIf(seconds, state IN ('ringing', 'on_call', 'wrapup')) AS handling_seconds,
             sumIf(seconds, state = 'available') AS available_seconds,
             sumIf(seconds, state != 'offline') AS logged_in_seconds
      FROM (
        SELECT agent, state,
               greatest(0, dateDiff('millisecond', greatest(at, toDateTime64({from:Float64}, 3)),
                 least(next_at, toDateTime64({to:Float64}, 3), now64(3)))) / 1000 AS seconds
        FROM (
          SELECT agent, state, at,
                 leadInFrame(at, 1, toDateTime64({to:Float64}, 3)) OVER
                   (PARTITION BY agent ORDER BY at ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS next_at
          FROM agent_states
          WHERE org_id IN {orgs:Array(String)}
            AND (campaign_id = '' OR campaign_id IN {campaigns:Array(String)})
            AND (length({agents:Array(String)}) = 0 OR agent IN {agents:Array(String)})
            AND at >= toDateTime64({from:Float64}, 3) - INTERVAL 1 DAY AND at < toDateTime64({to:Float64}, 3)
        )
      )
      GROUP BY agent`,
    query_params: { ...params(f), orgs: orgIds },
    format: 'JSONEachRow',
  });
  const out = new Map<string, StateTotals>();
  for (const r of await rs.json<Record<string, string>>()) {
    out.set(r.agent!, { handling_seconds: Number(r.handling_seconds), available_seconds: Number(r.available_seconds), logged_in_seconds: Number(r.logged_in_seconds) });
  }
  return out;
}
