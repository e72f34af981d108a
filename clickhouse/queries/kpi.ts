// SQL behind the KPI engine: call totals from the per-minute rollup (or raw rows), surveys, cases, agent states.
// Every aggregate is weighted by `sign` so replaced records count once before ClickHouse collapses them.
import { type Direction } from '../vocabulary';
import type { Clickhouse } from '../client';

// The totals the queries answer, summed over a range: the KPI formulas (server/kpi/formulas.ts) work on them.

/** Sums over calls of one direction (from the per-minute rollup or from raw rows). */
export interface CallTotals {
  calls: number;
  /** Dials blocked by a compliance rule: recorded, but not attempts. */
  rejected: number;
  connected: number;
  abandoned: number;
  human_answered: number;
  /** Answered by a person and not connected to an agent within 2 s. */
  dropped: number;
  converted: number;
  talk_seconds: number;
  hold_seconds: number;
  wrap_seconds: number;
  connected_queue_seconds: number;
  /** Queue wait in whole seconds (rounded up) → number of calls, for connected and abandoned inbound calls. */
  connected_wait: Record<string, number>;
  abandoned_wait: Record<string, number>;
}

export interface SurveyTotals {
  responses: number;
  promoters: number;
  detractors: number;
}

/** Evaluations of calls (0014), their newest revision each, official ones only (not calibration): the QA score's sums. */
export interface QaTotals {
  evaluations: number;
  /** Sum of their scores (0–1 each); evaluations without a score (all N/A) are not counted. */
  score_sum: number;
}

export interface ResolutionTotals {
  cases_resolved: number;
  resolved_first_call: number;
  resolution_seconds_mean: number | null;
  resolution_seconds_median: number | null;
}

export interface StateTotals {
  /** Seconds on a call or in wrap-up (ringing counts as handling: the agent is reserved). */
  handling_seconds: number;
  available_seconds: number;
  /** Seconds in any state but offline. */
  logged_in_seconds: number;
}

export type Bucket = 'hour' | 'day' | 'quarter';

export interface KpiFilter {
  campaignIds: string[];
  /** Epoch milliseconds, from inclusive, to exclusive. */
  from: number;
  to: number;
  /** Agent codes; empty means every agent. */
  agents: string[];
  /**
   * Agents whose states on no campaign (available, paused between calls) count for these campaigns, besides the
   * agents with a state on them in the range: those assigned to the campaigns.
   */
  campaignAgents?: string[];
  direction?: Direction;
  /** IANA zone whose days and hours the buckets follow (the campaign's); UTC when absent. */
  timeZone?: string;
}

const BUCKET_SQL: Record<Bucket, string> = {
  quarter: 'toStartOfInterval({t}, INTERVAL 15 MINUTE, {tz:String})',
  hour: 'toStartOfHour({t}, {tz:String})',
  day: 'toStartOfDay({t}, {tz:String})',
};

export function params(f: KpiFilter) {
  return {
    campaigns: f.campaignIds,
    from: f.from / 1000,
    to: f.to / 1000,
    agents: f.agents,
    campaignAgents: f.campaignAgents ?? [],
    direction: f.direction ?? '',
    tz: f.timeZone ?? 'UTC',
  };
}

const CAMPAIGN_AND_DIRECTION = `campaign_id IN {campaigns:Array(String)}
  AND ({direction:String} = '' OR direction = {direction:String})`;
export const FILTER = `${CAMPAIGN_AND_DIRECTION}
  AND (length({agents:Array(String)}) = 0 OR agent IN {agents:Array(String)})`;

export interface CallTotalsRow extends CallTotals {
  direction: Direction;
  bucket?: string;
}

export const TOTALS_FROM_ROLLUP = `
  sum(calls) AS calls, sum(rejected) AS rejected, sum(connected) AS connected, sum(abandoned) AS abandoned,
  sum(human_answered) AS human_answered, sum(dropped) AS dropped, sum(converted) AS converted,
  sum(talk_seconds) AS talk_seconds, sum(hold_seconds) AS hold_seconds, sum(wrap_seconds) AS wrap_seconds,
  sum(connected_queue_seconds) AS connected_queue_seconds,
  sumMap(connected_wait) AS connected_wait, sumMap(abandoned_wait) AS abandoned_wait`;

export const TOTALS_FROM_RAW = `
  sum(sign) AS calls, sumIf(sign, outcome = 'rejected_compliance') AS rejected,
  sumIf(sign, connected_at IS NOT NULL) AS connected, sumIf(sign, outcome = 'abandoned') AS abandoned,
  sumIf(sign, human_answered = 1) AS human_answered, sumIf(sign, dropped = 1) AS dropped,
  sumIf(sign, converted = 1 AND connected_at IS NOT NULL) AS converted,
  sum(sign * talk_seconds) AS talk_seconds,
  sumIf(sign * hold_seconds, connected_at IS NOT NULL) AS hold_seconds,
  sumIf(sign * wrap_seconds, connected_at IS NOT NULL) AS wrap_seconds,
  sumIf(sign * queue_seconds, direction = 'inbound' AND connected_at IS NOT NULL) AS connected_queue_seconds,
  sumMapIf(map(toUInt16(least(ceil(queue_seconds), 65535)), toInt64(sign)), direction = 'inbound' AND connected_at IS NOT NULL) AS connected_wait,
  sumMapIf(map(toUInt16(least(ceil(queue_seconds), 65535)), toInt64(sign)), direction = 'inbound' AND outcome = 'abandoned') AS abandoned_wait`;

export function normalise(rows: Record<string, unknown>[]): CallTotalsRow[] {
  const num = (v: unknown) => Number(v ?? 0);
  return rows.map((r) => ({
    direction: r.direction as Direction,
    ...(r.bucket !== undefined ? { bucket: String(r.bucket) } : {}),
    calls: num(r.calls), rejected: num(r.rejected), connected: num(r.connected), abandoned: num(r.abandoned),
    human_answered: num(r.human_answered), dropped: num(r.dropped), converted: num(r.converted),
    talk_seconds: num(r.talk_seconds), hold_seconds: num(r.hold_seconds), wrap_seconds: num(r.wrap_seconds),
    connected_queue_seconds: num(r.connected_queue_seconds),
    connected_wait: mapOf(r.connected_wait), abandoned_wait: mapOf(r.abandoned_wait),
  }));
}

function mapOf(v: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries((v as Record<string, unknown>) ?? {})) if (Number(n) !== 0) out[k] = Number(n);
  return out;
}

const HOUR = 3_600_000;

/** The cheapest table that answers exactly: hourly rollup for whole hours without agents, else per minute. */
export function rollupFor(f: KpiFilter, bucket?: Bucket): { table: string; time: string } {
  const wholeHours = f.from % HOUR === 0 && f.to % HOUR === 0 && bucket !== 'quarter';
  // Hours and days of a zone off UTC by a fraction of an hour (India, Nepal, Newfoundland) cut the hour rows in two.
  const zoneOnHours = !bucket || !f.timeZone || [f.from, f.to - 1].every((t) => utcOffsetMinutes(f.timeZone!, t) % 60 === 0);
  return wholeHours && zoneOnHours && f.agents.length === 0 ? { table: 'calls_by_hour', time: 'hour' } : { table: 'calls_by_minute', time: 'minute' };
}

/** How far `timeZone` is ahead of UTC at `t`, in minutes. */
function utcOffsetMinutes(timeZone: string, t: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(t).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** Call totals per direction (and per bucket when asked), from a rollup or, to check it, from raw rows. */
export async function callTotals(ch: Clickhouse, f: KpiFilter, bucket?: Bucket, source: 'rollup' | 'raw' = 'rollup') {
  const { table, time } = source === 'rollup' ? rollupFor(f, bucket) : { table: 'calls', time: 'started_at' };
  const bucketSql = bucket ? `, toUnixTimestamp(${BUCKET_SQL[bucket].replace('{t}', time)}) AS bucket` : '';
  // The hourly rollup has no agent column; rollupFor only picks it when no agent filter applies.
  const filter = table === 'calls_by_hour' ? CAMPAIGN_AND_DIRECTION : FILTER;
  const query = `
    SELECT direction${bucketSql}, ${source === 'rollup' ? TOTALS_FROM_ROLLUP : TOTALS_FROM_RAW}
    FROM ${table}
    WHERE ${filter}
      AND ${time} >= toDateTime64({from:Float64}, 3) AND ${time} < toDateTime64({to:Float64}, 3)
    GROUP BY direction${bucket ? ', bucket' : ''}
    ORDER BY direction${bucket ? ', bucket' : ''}`;
  const rs = await ch.query({ query, query_params: params(f), format: 'JSONEachRow' });
  return normalise(await rs.json<Record<string, unknown>>());
}

/** Survey counts, per agent when `byAgent` (answers without an agent are then left out). */
export async function surveyRows(ch: Clickhouse, f: KpiFilter, byAgent = false): Promise<(SurveyTotals & { agent: string })[]> {
  const rs = await ch.query({
    // Named group_agent, not agent: an alias would shadow the column in the WHERE clause.
    query: `SELECT ${byAgent ? 'agent' : "''"} AS group_agent, sum(sign) AS responses, sumIf(sign, score >= 9) AS promoters, sumIf(sign, score <= 6) AS detractors
            FROM surveys
            WHERE campaign_id IN {campaigns:Array(String)} ${byAgent ? "AND agent != ''" : ''}
              AND (length({agents:Array(String)}) = 0 OR agent IN {agents:Array(String)})
              AND answered_at >= toDateTime64({from:Float64}, 3) AND answered_at < toDateTime64({to:Float64}, 3)
            ${byAgent ? 'GROUP BY agent' : ''}`,
    query_params: params(f),
    format: 'JSONEachRow',
  });
  return (await rs.json<Record<string, string>>()).map((r) => ({
    agent: r.group_agent ?? '', responses: Number(r.responses ?? 0), promoters: Number(r.promoters ?? 0), detractors: Number(r.detractors ?? 0),
  }));
}

export async function surveyTotals(ch: Clickhouse, f: KpiFilter): Promise<SurveyTotals> {
  const { agent: _all, ...totals } = (await surveyRows(ch, f))[0] ?? { agent: '', responses: 0, promoters: 0, detractors: 0 };
  return totals;
}

/**
 * The QA score's sums: the newest revision of each official evaluation whose call started in the range (a call
 * belongs to the range of its start, as every KPI's), by the campaign, agent and direction filters.
 */
export async function qaRows(ch: Clickhouse, f: KpiFilter, byAgent = false): Promise<(QaTotals & { agent: string })[]> {
  const rs = await ch.query({
    query: `SELECT ${byAgent ? 'agent' : "''"} AS group_agent, count() AS evaluations, sum(assumeNotNull(score)) AS score_sum
            FROM (SELECT newest.1 AS agent, newest.2 AS score, newest.3 AS calibration, newest.4 AS direction
                  FROM (SELECT id, argMax(tuple(agent, score, calibration, direction), revision) AS newest
                        FROM evaluations FINAL
                        WHERE campaign_id IN {campaigns:Array(String)}
                          AND call_started_at >= toDateTime64({from:Float64}, 3) AND call_started_at < toDateTime64({to:Float64}, 3)
                        GROUP BY id))
            WHERE calibration = 0 AND score IS NOT NULL
              AND (length({agents:Array(String)}) = 0 OR agent IN {agents:Array(String)})
              AND ({direction:String} = '' OR toString(direction) = {direction:String})
            ${byAgent ? 'GROUP BY agent' : ''}`,
    query_params: params(f),
    format: 'JSONEachRow',
  });
  return (await rs.json<Record<string, string>>()).map((r) => ({ agent: r.group_agent ?? '', evaluations: Number(r.evaluations ?? 0), score_sum: Number(r.score_sum ?? 0) }));
}

export async function qaTotals(ch: Clickhouse, f: KpiFilter): Promise<QaTotals> {
  const { agent: _all, ...totals } = (await qaRows(ch, f))[0] ?? { agent: '', evaluations: 0, score_sum: 0 };
  return totals;
}

/**
 * Cases whose first resolving call ended in the range: resolution time from the case's first call start.
 * Live rows are found without FINAL (a replaced row and its cancel row share a version and sum to 0),
 * reading only calls with a case started up to CASE_LOOKBACK_DAYS before the range.
 */
export const CASE_LOOKBACK_DAYS = 90;

/**
 * Resolution totals, per resolving agent when `byAgent` (the agent of the call that resolved the case; cases
 * resolved by a call without an agent are then left out). The agent filter too applies to the resolving agent.
 */
export async function resolutionRows(ch: Clickhouse, f: KpiFilter, byAgent = false): Promise<(ResolutionTotals & { agent: string })[]> {
  const rs = await ch.query({
    query: `
      SELECT ${byAgent ? 'resolving_agent' : "''"} AS group_agent,
             count() AS cases_resolved,
             countIf(first_call_resolved) AS resolved_first_call,
             if(count() = 0, NULL, avg(resolution_seconds)) AS mean,
             if(count() = 0, NULL, quantileExactInclusive(0.5)(resolution_seconds)) AS median
      FROM (
        SELECT live.1 AS live_case,
               min(live.2) AS first_start,
               minIf(live.3, live.4 = 1) AS resolved_end,
               countIf(live.4 = 1) > 0 AS is_resolved,
               argMin(ifNull(live.4, 0), live.2) = 1 AS first_call_resolved,
               argMinIf(live.5, live.3, live.4 = 1) AS resolving_agent,
               dateDiff('millisecond', first_start, resolved_end) / 1000 AS resolution_seconds
        FROM (
          -- The live version of each call: tuples keep NULLs that argMax would skip.
          SELECT campaign_id, id, argMax(tuple(case_id, started_at, ended_at, resolved, agent, direction), sign) AS live
          FROM calls
          WHERE campaign_id IN {campaigns:Array(String)} AND case_id != ''
            AND started_at >= toDateTime64({from:Float64}, 3) - INTERVAL ${CASE_LOOKBACK_DAYS} DAY
            AND started_at < toDateTime64({to:Float64}, 3)
          GROUP BY campaign_id, id, version
          HAVING sum(sign) > 0
        )
        WHERE {direction:String} = '' OR live.6 = {direction:String}
        GROUP BY campaign_id, live_case
        HAVING is_resolved
           AND resolved_end >= toDateTime64({from:Float64}, 3) AND resolved_end < toDateTime64({to:Float64}, 3)
           AND (length({agents:Array(String)}) = 0 OR resolving_agent IN {agents:Array(String)})
      )
      ${byAgent ? "WHERE resolving_agent != '' GROUP BY resolving_agent" : ''}`,
    query_params: params(f),
    format: 'JSONEachRow',
  });
  return (await rs.json<Record<string, string | null>>()).map((r) => ({
    agent: r.group_agent ?? '',
    cases_resolved: Number(r.cases_resolved ?? 0),
    resolved_first_call: Number(r.resolved_first_call ?? 0),
    resolution_seconds_mean: r.mean == null ? null : Number(r.mean),
    resolution_seconds_median: r.median == null ? null : Number(r.median),
  }));
}

export async function resolutionTotals(ch: Clickhouse, f: KpiFilter): Promise<ResolutionTotals> {
  const { agent: _all, ...totals } = (await resolutionRows(ch, f))[0]
    ?? { agent: '', cases_resolved: 0, resolved_first_call: 0, resolution_seconds_mean: null, resolution_seconds_median: null };
  return totals;
}

/**
 * Which agent states count for the campaigns: those on them, and those on no campaign of the campaigns' agents
 * (assigned, or seen on them in the range). Another team's agent waiting between calls is not this campaign's.
 * Applied after each state's end is known, so a state ends at the agent's next event whatever its campaign.
 */
export const STATE_SCOPE = `(campaign_id IN {campaigns:Array(String)}
  OR (campaign_id = '' AND (agent IN {campaignAgents:Array(String)} OR agent IN (
    SELECT agent FROM agent_states
    WHERE org_id IN {orgs:Array(String)} AND campaign_id IN {campaigns:Array(String)}
      AND at >= toDateTime64({from:Float64}, 3) - INTERVAL 1 DAY AND at < toDateTime64({to:Float64}, 3)))))`;

/**
 * Time agents spent in each state within the range, per agent when `byAgent`. A state lasts until the
 * agent's next event (or the end of the range); states from a day before `from` are read so a shift that
 * began earlier is counted.
 */
export async function stateRows(ch: Clickhouse, orgIds: string[], f: KpiFilter, byAgent = false): Promise<(StateTotals & { agent: string })[]> {
  const rs = await ch.query({
    query: `
      SELECT ${byAgent ? 'agent' : "''"} AS group_agent,
             sumIf(seconds, state IN ('ringing', 'on_call', 'wrapup')) AS handling_seconds,
             sumIf(seconds, state = 'available') AS available_seconds,
             sumIf(seconds, state != 'offline') AS logged_in_seconds
      FROM (
        SELECT agent, state,
               greatest(0, dateDiff('millisecond',
                 greatest(at, toDateTime64({from:Float64}, 3)),
                 least(next_at, toDateTime64({to:Float64}, 3), now64(3)))) / 1000 AS seconds
        FROM (
          SELECT agent, state, campaign_id, at,
                 leadInFrame(at, 1, toDateTime64({to:Float64}, 3)) OVER
                   (PARTITION BY agent ORDER BY at ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS next_at
          FROM agent_states
          WHERE org_id IN {orgs:Array(String)}
            AND (length({agents:Array(String)}) = 0 OR agent IN {agents:Array(String)})
            AND at >= toDateTime64({from:Float64}, 3) - INTERVAL 1 DAY AND at < toDateTime64({to:Float64}, 3)
        )
        WHERE ${STATE_SCOPE}
      )
      ${byAgent ? 'GROUP BY agent' : ''}`,
    query_params: { ...params(f), orgs: orgIds },
    format: 'JSONEachRow',
  });
  return (await rs.json<Record<string, string>>()).map((r) => ({
    agent: r.group_agent ?? '',
    handling_seconds: Number(r.handling_seconds ?? 0),
    available_seconds: Number(r.available_seconds ?? 0),
    logged_in_seconds: Number(r.logged_in_seconds ?? 0),
  }));
}

export async function stateTotals(ch: Clickhouse, orgIds: string[], f: KpiFilter): Promise<StateTotals> {
  const { agent: _all, ...totals } = (await stateRows(ch, orgIds, f))[0] ?? { agent: '', handling_seconds: 0, available_seconds: 0, logged_in_seconds: 0 };
  return totals;
}
