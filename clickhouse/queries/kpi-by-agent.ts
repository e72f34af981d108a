// SQL behind the agent comparison: the call totals and the case resolution of clickhouse/queries/kpi.ts, grouped by agent.
import type { Clickhouse } from '../client';
import { FILTER, normalise, params, resolutionRows, TOTALS_FROM_ROLLUP, type CallTotalsRow, type KpiFilter, type ResolutionTotals } from './kpi';

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

/** Resolution time and FCR per agent: each case credited to the agent of the call that resolved it (the same SQL as the campaign's). */
export function resolutionByAgent(ch: Clickhouse, f: KpiFilter): Promise<(ResolutionTotals & { agent: string })[]> {
  return resolutionRows(ch, f, true);
}
