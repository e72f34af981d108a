// The survey inbox (I/O): the answers of the caller's campaigns with their follow-ups, filtered, one page at a time,
// with the NPS of the whole filtered set; and the same rows whole for the export.
import 'server-only';
import type { Clickhouse } from '@/clickhouse/client';
import { inboxPage, inboxTotals, type InboxFilter, type InboxRow } from '@/clickhouse/queries/surveys';
import { netPromoterScore } from '@/server/kpi/formulas';
import { bandScores, type ScoreBand } from './token';
import type { FollowupStatus } from './followup';

export interface InboxQuery {
  campaignIds: string[];
  agents: string[];
  band: ScoreBand | null;
  resolved: boolean | null;
  followup: FollowupStatus | null;
  from: number;
  to: number;
  search: string;
}

/** Pure: the query's filter for the SQL, on the campaigns it may read. */
export function inboxFilter(q: InboxQuery, campaignIds: string[]): InboxFilter {
  const [minScore, maxScore] = bandScores(q.band);
  return {
    campaignIds, agents: q.agents, minScore, maxScore, resolved: q.resolved === null ? null : q.resolved ? 1 : 0,
    from: q.from, to: q.to, search: q.search.trim(), followup: q.followup ?? '',
  };
}

export interface InboxAnswer {
  rows: InboxRow[];
  responses: number;
  nps: number | null;
  promoters: number;
  detractors: number;
}

export async function surveyInbox(ch: Clickhouse, filter: InboxFilter, offset: number, limit: number): Promise<InboxAnswer> {
  if (filter.campaignIds.length === 0) return { rows: [], responses: 0, nps: null, promoters: 0, detractors: 0 };
  const [rows, totals] = await Promise.all([inboxPage(ch, filter, offset, limit), inboxTotals(ch, filter)]);
  return { rows, ...totals, nps: netPromoterScore(totals) };
}
