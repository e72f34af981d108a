// SQL for surveys (issue 19): the calls a survey is credited to, survey links (tokens), the inbox, the follow-ups
// of detractors and the campaigns' survey setting. Survey rows are read live without FINAL: sum(sign) per key.
import type { Clickhouse } from '../client';
import { nextVersion } from '../version';
import { insertRows, selectRows } from './rows';

/** The stored calls (of one outsourcer) behind these ids: what a survey is credited to. */
export function callsForCredit(ch: Clickhouse, orgId: string, ids: string[]) {
  return selectRows<{ id: string; campaign_id: string; agent: string; case_id: string }>(
    ch,
    `SELECT id, campaign_id, argMax(agent, version) AS agent, argMax(case_id, version) AS case_id
     FROM calls WHERE org_id = {org:String} AND id IN {ids:Array(String)} AND sign = 1
     GROUP BY campaign_id, id`,
    { org: orgId, ids },
  );
}

export interface SurveyToken {
  token: string;
  org_id: string;
  campaign_id: string;
  call_id: string;
  agent: string;
  case_id: string;
  phone: string;
  language: string;
  /** Epoch ms. */
  created_at: number;
  expires_at: number;
  answered_at: number | null;
  survey_id: string;
}

const TOKEN_COLUMNS = `token, org_id, campaign_id, call_id, agent, case_id, phone, language,
  toUnixTimestamp64Milli(created_at) AS created_at, toUnixTimestamp64Milli(expires_at) AS expires_at,
  if(answered_at IS NULL, NULL, toUnixTimestamp64Milli(answered_at)) AS answered_at, survey_id`;

const asToken = (r: Record<string, unknown>): SurveyToken => ({
  ...(r as unknown as SurveyToken),
  created_at: Number(r.created_at), expires_at: Number(r.expires_at), answered_at: r.answered_at === null ? null : Number(r.answered_at),
});

export const surveyTokens = {
  put: (ch: Clickhouse, tokens: SurveyToken[]) =>
    insertRows(ch, 'survey_tokens', tokens.map((t) => ({ ...t, version: nextVersion() }))),
  get: async (ch: Clickhouse, token: string): Promise<SurveyToken | undefined> => {
    const rows = await selectRows<Record<string, unknown>>(ch, `SELECT ${TOKEN_COLUMNS} FROM survey_tokens FINAL WHERE token = {token:String}`, { token });
    return rows[0] ? asToken(rows[0]) : undefined;
  },
  /** The tokens of the calls given (one per call at most; a call id is unique per campaign only: `campaign_id` tells them apart). */
  ofCalls: async (ch: Clickhouse, orgId: string, callIds: string[]) =>
    (await selectRows<Record<string, unknown>>(
      ch,
      `SELECT ${TOKEN_COLUMNS} FROM survey_tokens FINAL WHERE org_id = {org:String} AND call_id IN {ids:Array(String)}`,
      { org: orgId, ids: callIds },
    )).map(asToken),
  /** An outsourcer's tokens of one campaign created in [from, to), oldest first, with the call's phone. */
  ofCampaign: async (ch: Clickhouse, orgId: string, campaignId: string, from: number, to: number, limit: number) =>
    (await selectRows<Record<string, unknown>>(
      ch,
      `SELECT ${TOKEN_COLUMNS} FROM survey_tokens FINAL
       WHERE org_id = {org:String} AND campaign_id = {campaign:String}
         AND created_at >= toDateTime64({from:Float64}, 3) AND created_at < toDateTime64({to:Float64}, 3)
       ORDER BY created_at, token LIMIT {limit:UInt32}`,
      { org: orgId, campaign: campaignId, from: from / 1000, to: to / 1000, limit },
    )).map(asToken),
};

/** Days a campaign's survey links stay open, by campaign (campaigns without a row are absent: the default applies). */
export async function surveyTokenDays(ch: Clickhouse, campaignIds: string[]): Promise<Map<string, number>> {
  const rows = await selectRows<{ campaign_id: string; token_days: number }>(
    ch,
    'SELECT campaign_id, token_days FROM survey_settings FINAL WHERE campaign_id IN {ids:Array(String)}',
    { ids: campaignIds },
  );
  return new Map(rows.map((r) => [r.campaign_id, Number(r.token_days)]));
}

export const putSurveyTokenDays = (ch: Clickhouse, campaignId: string, days: number, by: string) =>
  insertRows(ch, 'survey_settings', [{ campaign_id: campaignId, token_days: days, updated_by: by, updated_at: Date.now(), version: nextVersion() }]);

export interface InboxFilter {
  campaignIds: string[];
  agents: string[];
  /** Inclusive score bounds (the band). */
  minScore: number;
  maxScore: number;
  /** null: either. */
  resolved: 0 | 1 | null;
  from: number;
  to: number;
  search: string;
  /** Follow-up status of detractors; '' for any. */
  followup: string;
}

export interface InboxRow {
  id: string;
  campaign_id: string;
  call_id: string;
  agent: string;
  score: number;
  comment: string;
  resolved: number | null;
  case_id: string;
  source: string;
  language: string;
  answered_at: number;
  status: string;
  owner_id: string;
  note: string;
  followup_at: number | null;
  followup_by: string;
}

/** The live survey rows (replaced versions cancelled), with the latest follow-up of each. */
const LIVE_SURVEYS = `
  SELECT campaign_id, id, argMax(call_id, version) AS call_id, argMax(agent, version) AS agent, argMax(score, version) AS score,
    argMax(comment, version) AS comment, argMax(resolved, version) AS resolved, argMax(case_id, version) AS case_id,
    argMax(source, version) AS source, argMax(language, version) AS language, argMax(answered_at, version) AS answered_at
  FROM surveys
  WHERE campaign_id IN {campaigns:Array(String)}
    AND answered_at >= toDateTime64({from:Float64}, 3) AND answered_at < toDateTime64({to:Float64}, 3)
  GROUP BY campaign_id, id
  HAVING sum(sign) > 0`;

const LATEST_FOLLOWUPS = `
  SELECT campaign_id, survey_id, argMax(status, version) AS status, argMax(owner_id, version) AS owner_id,
    argMax(note, version) AS note, max(updated_at) AS followup_at, argMax(updated_by_name, version) AS followup_by
  FROM survey_followups WHERE campaign_id IN {campaigns:Array(String)}
  GROUP BY campaign_id, survey_id`;

function inboxWhere(f: InboxFilter): string {
  return `s.score BETWEEN {min:UInt8} AND {max:UInt8}
    AND (length({agents:Array(String)}) = 0 OR s.agent IN {agents:Array(String)})
    AND ({resolved:Int8} = -1 OR s.resolved = {resolved:Int8})
    AND ({search:String} = '' OR positionCaseInsensitiveUTF8(s.comment, {search:String}) > 0)
    AND ({followup:String} = '' OR (s.score <= 6 AND if(f.status = '', 'new', toString(f.status)) = {followup:String}))`;
}

const inboxParams = (f: InboxFilter) => ({
  campaigns: f.campaignIds, agents: f.agents, min: f.minScore, max: f.maxScore, resolved: f.resolved ?? -1,
  from: f.from / 1000, to: f.to / 1000, search: f.search, followup: f.followup,
});

const FROM_INBOX = `FROM (${LIVE_SURVEYS}) AS s
  LEFT JOIN (${LATEST_FOLLOWUPS}) AS f ON f.campaign_id = s.campaign_id AND f.survey_id = s.id`;

/** One page of the filtered answers, newest first. */
export async function inboxPage(ch: Clickhouse, f: InboxFilter, offset: number, limit: number): Promise<InboxRow[]> {
  const rows = await selectRows<Record<string, unknown>>(
    ch,
    `SELECT s.id AS id, s.campaign_id AS campaign_id, s.call_id AS call_id, s.agent AS agent, s.score AS score, s.comment AS comment,
       s.resolved AS resolved, s.case_id AS case_id, toString(s.source) AS source, s.language AS language,
       toUnixTimestamp64Milli(s.answered_at) AS answered_at,
       if(s.score <= 6, if(f.status = '', 'new', toString(f.status)), '') AS status, f.owner_id AS owner_id, f.note AS note,
       if(f.survey_id = '', NULL, toUnixTimestamp64Milli(f.followup_at)) AS followup_at, f.followup_by AS followup_by
     ${FROM_INBOX}
     WHERE ${inboxWhere(f)}
     ORDER BY s.answered_at DESC, s.id
     LIMIT {limit:UInt32} OFFSET {offset:UInt32}
     SETTINGS join_use_nulls = 0, prefer_column_name_to_alias = 1`,
    { ...inboxParams(f), offset, limit },
  );
  return rows.map((r) => ({
    ...(r as unknown as InboxRow),
    score: Number(r.score), resolved: r.resolved === null ? null : Number(r.resolved), answered_at: Number(r.answered_at),
    followup_at: r.followup_at === null ? null : Number(r.followup_at),
  }));
}

/** Counts of the filtered answers: total, promoters (9–10), detractors (0–6). */
export async function inboxTotals(ch: Clickhouse, f: InboxFilter): Promise<{ responses: number; promoters: number; detractors: number }> {
  const [r] = await selectRows<Record<string, string>>(
    ch,
    `SELECT count() AS responses, countIf(s.score >= 9) AS promoters, countIf(s.score <= 6) AS detractors
     ${FROM_INBOX} WHERE ${inboxWhere(f)} SETTINGS join_use_nulls = 0, prefer_column_name_to_alias = 1`,
    inboxParams(f),
  );
  return { responses: Number(r?.responses ?? 0), promoters: Number(r?.promoters ?? 0), detractors: Number(r?.detractors ?? 0) };
}

/** One live survey of these campaigns. */
export async function surveyById(ch: Clickhouse, campaignIds: string[], id: string): Promise<{ campaign_id: string; id: string; score: number } | undefined> {
  const [r] = await selectRows<{ campaign_id: string; id: string; score: number }>(
    ch,
    `SELECT campaign_id, id, argMax(score, version) AS score FROM surveys
     WHERE campaign_id IN {campaigns:Array(String)} AND id = {id:String}
     GROUP BY campaign_id, id HAVING sum(sign) > 0`,
    { campaigns: campaignIds, id },
  );
  return r ? { ...r, score: Number(r.score) } : undefined;
}

export interface FollowupRow {
  org_id: string;
  campaign_id: string;
  survey_id: string;
  status: 'new' | 'contacted' | 'closed';
  owner_id: string;
  note: string;
  updated_by: string;
  updated_by_name: string;
  updated_at: number;
}

export const putFollowup = (ch: Clickhouse, row: FollowupRow) => insertRows(ch, 'survey_followups', [{ ...row, version: nextVersion() }]);

/** A survey's follow-up, every change, newest first. */
export async function followupHistory(ch: Clickhouse, campaignId: string, surveyId: string): Promise<FollowupRow[]> {
  const rows = await selectRows<Record<string, unknown>>(
    ch,
    `SELECT org_id, campaign_id, survey_id, toString(status) AS status, owner_id, note, updated_by, updated_by_name,
       toUnixTimestamp64Milli(updated_at) AS updated_at
     FROM survey_followups WHERE campaign_id = {campaign:String} AND survey_id = {survey:String} ORDER BY version DESC`,
    { campaign: campaignId, survey: surveyId },
  );
  return rows.map((r) => ({ ...(r as unknown as FollowupRow), updated_at: Number(r.updated_at) }));
}

/** The name of the client a campaign is run for (what the public survey page names), '' when unknown. */
export async function clientNameOfCampaign(ch: Clickhouse, campaignId: string): Promise<string> {
  const [r] = await selectRows<{ name: string }>(
    ch,
    `SELECT o.name AS name FROM (SELECT partnership_id FROM campaigns FINAL WHERE id = {id:String} AND deleted = 0) AS c
     JOIN (SELECT id, client_org_id FROM partnerships FINAL WHERE deleted = 0) AS p ON p.id = c.partnership_id
     JOIN (SELECT id, name FROM organizations FINAL WHERE deleted = 0) AS o ON o.id = p.client_org_id`,
    { id: campaignId },
  );
  return r?.name ?? '';
}

/**
 * The stored calls of the outsourcer with this id, with what a survey link needs (campaign, outcome, agent, phone,
 * case): one per campaign, since a call id is unique per campaign only (the caller picks, or asks which).
 */
export async function connectedCallsForLink(ch: Clickhouse, orgId: string, callId: string) {
  return selectRows<{ id: string; campaign_id: string; campaign_code: string; outcome: string; agent: string; phone: string; case_id: string }>(
    ch,
    `SELECT c.id AS id, c.campaign_id AS campaign_id, k.code AS campaign_code, toString(c.outcome) AS outcome, c.agent AS agent, c.phone AS phone, c.case_id AS case_id
     FROM (SELECT id, campaign_id, argMax(outcome, version) AS outcome, argMax(agent, version) AS agent,
             argMax(phone, version) AS phone, argMax(case_id, version) AS case_id
           FROM calls WHERE org_id = {org:String} AND id = {id:String} AND sign = 1 GROUP BY campaign_id, id) AS c
     JOIN (SELECT id, code FROM campaigns FINAL WHERE deleted = 0) AS k ON k.id = c.campaign_id`,
    { org: orgId, id: callId },
  );
}
