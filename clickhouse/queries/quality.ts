// SQL of quality evaluations (0014): grids and their versions, the sampling setting and queue, evaluations and their
// revisions, and the calls they are made on. Every reader takes ids already checked against the caller's scope.
import type { Direction } from '../vocabulary';
import type { Clickhouse } from '../client';
import { insertRows, selectRows } from './rows';

const iso = (column: string, as = column) => `formatDateTime(${column}, '%Y-%m-%dT%H:%i:%S.%fZ', 'UTC') AS ${as}`;

export interface GridRow {
  campaign_id: string;
  org_id: string;
  version: number;
  name: string;
  /** JSON of the sections. */
  sections: string;
  edited_by: string;
  edited_by_name: string;
  /** ISO instant (epoch ms when written). */
  edited_at: string | number;
}

export type EvaluationStatusValue = 'submitted' | 'acknowledged' | 'disputed' | 'revised';

export interface EvaluationRow {
  id: string;
  revision: number;
  org_id: string;
  campaign_id: string;
  call_id: string;
  /** ISO instant (epoch ms when written). */
  call_started_at: string | number;
  direction: Direction;
  agent: string;
  evaluator_id: string;
  evaluator_name: string;
  grid_version: number;
  answers: string;
  comments: string;
  score: number | null;
  eliminated: number;
  calibration: number;
  status: EvaluationStatusValue;
  agent_comment: string;
  evaluator_reply: string;
  changed_by: string;
  changed_by_name: string;
  created_at: string | number;
  updated_at: string | number;
}

const EVALUATION_COLUMNS = `id, revision, org_id, campaign_id, call_id, ${iso('call_started_at')}, direction, agent, evaluator_id,
  evaluator_name, grid_version, answers, comments, score, eliminated, calibration, status, agent_comment, evaluator_reply,
  changed_by, changed_by_name, ${iso('created_at')}, ${iso('updated_at')}`;

/** A call as the quality pages show it. */
export interface QualityCall {
  id: string;
  org_id: string;
  campaign_id: string;
  direction: Direction;
  agent: string;
  contact: string;
  phone: string;
  started_at: string;
  connected_at: string | null;
  ended_at: string;
  talk_seconds: number;
  hold_seconds: number;
  wrap_seconds: number;
  outcome: string;
  disposition: string;
  converted: number;
  resolved: number | null;
  recording_path: string;
}

const CALL_COLUMNS = `id, org_id, campaign_id, direction, agent, contact, phone, ${iso('started_at')},
  if(connected_at IS NULL, NULL, formatDateTime(assumeNotNull(connected_at), '%Y-%m-%dT%H:%i:%S.%fZ', 'UTC')) AS connected_at,
  ${iso('ended_at')}, talk_seconds, hold_seconds, wrap_seconds, outcome, disposition, converted, resolved, recording_path`;

export interface CallSearch {
  campaignIds: string[];
  orgId: string;
  agent?: string;
  /** Epoch ms, [from, to). */
  from?: number;
  to?: number;
  /** Digits the number contains. */
  phone?: string;
  callId?: string;
  limit: number;
}

export const qualitySql = {
  // ---- grids ----
  putGrid: (ch: Clickhouse, row: GridRow) => insertRows(ch, 'quality_grids', [row]),

  /** Every version of a campaign's grid, newest first. */
  gridVersions: (ch: Clickhouse, campaignId: string) =>
    selectRows<GridRow>(ch, `SELECT campaign_id, org_id, version, name, sections, edited_by, edited_by_name, ${iso('edited_at')}
      FROM quality_grids FINAL WHERE campaign_id = {c:String} ORDER BY version DESC`, { c: campaignId }),

  gridVersion: async (ch: Clickhouse, campaignId: string, version: number) =>
    (await selectRows<GridRow>(ch, `SELECT campaign_id, org_id, version, name, sections, edited_by, edited_by_name, ${iso('edited_at')}
      FROM quality_grids FINAL WHERE campaign_id = {c:String} AND version = {v:UInt32}`, { c: campaignId, v: version }))[0],

  // ---- sampling ----
  putSampling: (ch: Clickhouse, campaignId: string, perAgentWeek: number, by: string, at: number) =>
    insertRows(ch, 'quality_sampling', [{ campaign_id: campaignId, per_agent_week: perAgentWeek, edited_by: by, edited_at: at }]),

  sampling: async (ch: Clickhouse, campaignId: string): Promise<number | undefined> => {
    const [r] = await selectRows<{ n: number }>(ch,
      'SELECT argMax(per_agent_week, edited_at) AS n FROM quality_sampling WHERE campaign_id = {c:String} HAVING count() > 0', { c: campaignId });
    return r ? Number(r.n) : undefined;
  },

  queue: (ch: Clickhouse, campaignId: string, week: string) =>
    selectRows<{ call_id: string; agent: string; stratum: string }>(ch,
      `SELECT call_id, agent, stratum FROM quality_queue FINAL WHERE campaign_id = {c:String} AND week = {w:Date} ORDER BY agent, drawn_at, call_id`,
      { c: campaignId, w: week }),

  enqueue: (ch: Clickhouse, campaignId: string, week: string, rows: { call_id: string; agent: string; stratum: string }[], by: string, at: number) =>
    insertRows(ch, 'quality_queue', rows.map((r) => ({ ...r, campaign_id: campaignId, week, drawn_by: by, drawn_at: at }))),

  /** Connected calls with an agent in [from, to), neither queued (any week) nor evaluated: what the sample is drawn from. */
  candidates: (ch: Clickhouse, campaignId: string, orgId: string, from: number, to: number) =>
    selectRows<{ id: string; agent: string; converted: number }>(ch,
      `SELECT id, agent, converted FROM calls FINAL
       WHERE campaign_id = {c:String} AND org_id = {org:String} AND sign = 1 AND connected_at IS NOT NULL AND agent != ''
         AND started_at >= fromUnixTimestamp64Milli({from:Int64}) AND started_at < fromUnixTimestamp64Milli({to:Int64})
         AND id NOT IN (SELECT call_id FROM quality_queue WHERE campaign_id = {c:String})
         AND id NOT IN (SELECT call_id FROM evaluations WHERE campaign_id = {c:String})
       ORDER BY id`,
      { c: campaignId, org: orgId, from, to }),

  // ---- calls ----
  /** A call of these campaigns stored by `orgId` (its outsourcer), its latest version, once per campaign holding that id, two at most. */
  calls: (ch: Clickhouse, campaignIds: string[], orgId: string, callId: string) =>
    selectRows<QualityCall>(ch,
      `SELECT ${CALL_COLUMNS} FROM calls FINAL
       WHERE id = {id:String} AND campaign_id IN {cs:Array(String)} AND org_id = {org:String} AND sign = 1
       ORDER BY campaign_id LIMIT 1 BY campaign_id LIMIT 2`,
      { id: callId, cs: campaignIds, org: orgId }),

  callsByIds: (ch: Clickhouse, campaignId: string, ids: string[]) =>
    ids.length === 0 ? Promise.resolve([]) : selectRows<QualityCall>(ch,
      `SELECT ${CALL_COLUMNS} FROM calls FINAL WHERE campaign_id = {c:String} AND id IN {ids:Array(String)} AND sign = 1`, { c: campaignId, ids }),

  /** Connected calls matching a search, newest first. */
  searchCalls: (ch: Clickhouse, s: CallSearch) =>
    selectRows<QualityCall>(ch,
      `SELECT ${CALL_COLUMNS} FROM (SELECT * FROM calls FINAL
       WHERE campaign_id IN {cs:Array(String)} AND org_id = {org:String} AND sign = 1 AND connected_at IS NOT NULL
         AND ({agent:String} = '' OR agent = {agent:String})
         AND ({callId:String} = '' OR id = {callId:String})
         AND ({phone:String} = '' OR position(replaceRegexpAll(phone, '[^0-9]', ''), {phone:String}) > 0)
         AND started_at >= fromUnixTimestamp64Milli({from:Int64}) AND started_at < fromUnixTimestamp64Milli({to:Int64})
       ORDER BY started_at DESC LIMIT {limit:UInt32})
       ORDER BY started_at DESC`,
      { cs: s.campaignIds, org: s.orgId, agent: s.agent ?? '', callId: s.callId ?? '', phone: s.phone ?? '', from: s.from ?? 0, to: s.to ?? 4102444800000, limit: s.limit }),

  /** The survey answers of a call (the `surveys` table, its live rows). */
  surveysOfCall: (ch: Clickhouse, campaignId: string, callId: string) =>
    selectRows<{ id: string; score: number; comment: string; answered_at: string }>(ch,
      `SELECT id, score, comment, ${iso('answered_at')} FROM surveys FINAL
       WHERE campaign_id = {c:String} AND call_id = {call:String} AND sign = 1 ORDER BY answered_at`, { c: campaignId, call: callId }),

  /** Agent codes → names, for an organization. */
  agentNames: async (ch: Clickhouse, orgId: string): Promise<Map<string, string>> => new Map(
    (await selectRows<{ agent_code: string; name: string }>(ch,
      `SELECT agent_code, name FROM users FINAL WHERE org_id = {org:String} AND agent_code != '' AND deleted = 0`, { org: orgId }))
      .map((r) => [r.agent_code, r.name])),

  // ---- evaluations ----
  putEvaluation: (ch: Clickhouse, row: EvaluationRow) => insertRows(ch, 'evaluations', [row]),

  /** Every revision of one evaluation, oldest first. */
  evaluationHistory: (ch: Clickhouse, orgId: string, campaignIds: string[], id: string) =>
    selectRows<EvaluationRow>(ch, `SELECT ${EVALUATION_COLUMNS} FROM (SELECT * FROM evaluations FINAL
      WHERE id = {id:String} AND org_id = {org:String} AND campaign_id IN {cs:Array(String)}) ORDER BY revision`,
      { id, org: orgId, cs: campaignIds }),

  /** The newest revision of each evaluation matching the filter, newest call first. */
  latestEvaluations: (ch: Clickhouse, f: { orgId: string; campaignIds: string[]; callId?: string; agent?: string; from?: number; to?: number; officialOnly?: boolean }) =>
    selectRows<EvaluationRow>(ch, `SELECT ${EVALUATION_COLUMNS} FROM (SELECT * FROM evaluations FINAL
      WHERE org_id = {org:String} AND campaign_id IN {cs:Array(String)}
        AND ({call:String} = '' OR call_id = {call:String})
        AND ({agent:String} = '' OR agent = {agent:String})
        AND ({official:UInt8} = 0 OR calibration = 0)
        AND call_started_at >= fromUnixTimestamp64Milli({from:Int64}) AND call_started_at < fromUnixTimestamp64Milli({to:Int64}))
      ORDER BY id, revision DESC LIMIT 1 BY id`,
      { org: f.orgId, cs: f.campaignIds, call: f.callId ?? '', agent: f.agent ?? '', official: f.officialOnly ? 1 : 0, from: f.from ?? 0, to: f.to ?? 4102444800000 }),

  /** Calls of a campaign with at least two evaluators: what calibration compares. */
  calibrationCalls: (ch: Clickhouse, orgId: string, campaignId: string) =>
    selectRows<{ call_id: string; agent: string; evaluators: number; first_start: string }>(ch,
      `SELECT call_id, any(agent) AS agent, uniqExact(evaluator_id) AS evaluators, ${iso('min(call_started_at)', 'first_start')}
       FROM evaluations FINAL WHERE org_id = {org:String} AND campaign_id = {c:String}
       GROUP BY call_id HAVING evaluators >= 2 ORDER BY first_start DESC LIMIT 200`, { org: orgId, c: campaignId }),
};
