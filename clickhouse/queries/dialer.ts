// SQL of the dialer: its settings, the attempt journal, callbacks, and what the hopper is rebuilt from.
import type { Clickhouse } from '../client';
import { nextVersion } from '../version';
import { insertRows, selectRows } from './rows';

export interface LeadRow {
  phone: string;
  first_name: string;
  last_name: string;
  country: string;
  email: string;
  segment: string;
  fields: Record<string, string>;
  rank: string;
}
export interface HistoryRow {
  phone: string;
  attempts: string;
  times: string[];
  last_outcome: string;
  last_at: string;
  last_abandoned: string;
  refused_at: string;
  opted_out_at: string;
  called_in_at: string;
}
export interface PacingHistoryRow {
  resolved: string; answered: string; connected: string;
  ring_mean: number | null; ring_sd: number | null; talk_mean: number | null; talk_sd: number | null; wrap_mean: number | null; wrap_sd: number | null;
}
export interface JournalRow { id: string; phone: string; started_at: string }

const ms = (column: string) => `toUnixTimestamp64Milli(${column})`;
/** An attempt: an outbound call actually placed (a compliance refusal places none). */
const ATTEMPT = `direction = 'outbound' AND outcome != 'rejected_compliance'`;
const OURS = `campaign_id = {c:String} AND ${ATTEMPT}`;

export const dialerSql = {
  settings: async (ch: Clickhouse, campaignIds: string[]) =>
    selectRows<{ campaign_id: string; settings: string }>(ch, 'SELECT campaign_id, settings FROM dialer_settings FINAL WHERE campaign_id IN {ids:Array(String)}', { ids: campaignIds }),

  putSettings: (ch: Clickhouse, campaignId: string, settings: object, updatedBy: string) =>
    insertRows(ch, 'dialer_settings', [{ campaign_id: campaignId, settings: JSON.stringify(settings), updated_by: updatedBy, updated_at: Date.now(), version: nextVersion() }]),

  journal: (ch: Clickhouse, campaignId: string, attempts: { id: string; phone: string; startedAt: number }[]) =>
    insertRows(ch, 'dialer_attempts', attempts.map((a) => ({ campaign_id: campaignId, id: a.id, phone: a.phone, started_at: a.startedAt }))),

  /** Journalled attempts with no call record: cut by a stop before their end was written. */
  unrecordedAttempts: (ch: Clickhouse, campaignId: string) =>
    selectRows<JournalRow>(
      ch,
      `SELECT id, phone, ${ms('started_at')} AS started_at FROM dialer_attempts FINAL
       WHERE campaign_id = {c:String}
         AND id NOT IN (SELECT id FROM calls WHERE campaign_id = {c:String} GROUP BY id HAVING sum(sign) > 0)`,
      { c: campaignId },
    ),

  /** The contacts to work: those of the campaign's ready, non-sample lists, not removed, in list order. */
  leads: (ch: Clickhouse, campaignId: string) =>
    selectRows<LeadRow>(
      ch,
      `SELECT phone_e164 AS phone, first_name, last_name, country, email, segment, fields, row_number() OVER (ORDER BY imported_at, list_id, source_row) AS rank
       FROM contacts FINAL
       WHERE campaign_id = {c:String} AND removed_at IS NULL
         AND list_id IN (SELECT id FROM contact_lists FINAL WHERE campaign_id = {c:String} AND status = 'ready' AND sample = 0 AND deleted = 0)`,
      { c: campaignId },
    ),

  /**
   * Per number, the history the hopper and the compliance rules need: outbound attempts by this campaign, the
   * organization's attempts on it in the last 30 days across the partnership's campaigns, the last outcome,
   * the last abandoned call, refusals and opt-outs (set on any call), and the last time the contact called
   * this campaign back and reached an agent (smart outbound).
   */
  history: (ch: Clickhouse, orgId: string, campaignId: string, partnershipCampaigns: string[], since: number) =>
    selectRows<HistoryRow>(
      ch,
      `SELECT phone,
         countIf(${OURS}) AS attempts,
         groupArrayIf(${ms('started_at')}, ${ATTEMPT} AND started_at >= fromUnixTimestamp64Milli({since:Int64})) AS times,
         argMaxIf(toString(outcome), ended_at, ${OURS}) AS last_outcome,
         ${ms(`maxIf(ended_at, ${OURS})`)} AS last_at,
         ${ms(`maxIf(started_at, direction = 'outbound' AND outcome = 'abandoned')`)} AS last_abandoned,
         ${ms(`maxIf(ended_at, disposition = 'not_interested')`)} AS refused_at,
         ${ms(`maxIf(ended_at, disposition = 'do_not_call')`)} AS opted_out_at,
         ${ms(`maxIf(ended_at, direction = 'inbound' AND campaign_id = {c:String} AND outcome = 'connected')`)} AS called_in_at
       FROM calls FINAL
       WHERE org_id = {org:String} AND campaign_id IN {cs:Array(String)} AND sign = 1 AND phone != ''
       GROUP BY phone
       HAVING countIf(direction = 'outbound') > 0 OR called_in_at > 0`,
      { org: orgId, c: campaignId, cs: partnershipCampaigns, since },
    ),

  /** The campaign's regulatory tally since `from`, by minute of the calls' start: calls answered by a person, drops. */
  tallyByMinute: (ch: Clickhouse, campaignId: string, from: number) =>
    selectRows<{ minute: string; answered: string; dropped: string }>(
      ch,
      `SELECT toUnixTimestamp(toStartOfMinute(started_at)) * 1000 AS minute, sum(sign * human_answered) AS answered, sum(sign * dropped) AS dropped FROM calls
       WHERE campaign_id = {c:String} AND started_at >= fromUnixTimestamp64Milli({from:Int64})
       GROUP BY minute HAVING answered != 0 OR dropped != 0`,
      { c: campaignId, from },
    ),

  /**
   * What the campaign's own outbound calls of the previous days say of its customers and agents: the pacing's
   * prior at start of day (answer rate, answered ring time, talk and wrap times, mean and spread).
   */
  pacingHistory: async (ch: Clickhouse, campaignId: string, from: number, to: number) => {
    const [row] = await selectRows<PacingHistoryRow>(
      ch,
      `WITH dateDiff('millisecond', started_at, answered_at) / 1000 AS ring,
            dateDiff('millisecond', connected_at, ended_at) / 1000 AS talk
       SELECT countIf(outcome NOT IN ('rejected_compliance', 'failed')) AS resolved, countIf(human_answered = 1) AS answered,
         avgIf(ring, human_answered = 1) AS ring_mean, stddevPopIf(ring, human_answered = 1) AS ring_sd,
         countIf(connected_at IS NOT NULL) AS connected,
         avgIf(talk, connected_at IS NOT NULL) AS talk_mean, stddevPopIf(talk, connected_at IS NOT NULL) AS talk_sd,
         avgIf(wrap_seconds, connected_at IS NOT NULL) AS wrap_mean, stddevPopIf(wrap_seconds, connected_at IS NOT NULL) AS wrap_sd
       FROM calls FINAL
       WHERE campaign_id = {c:String} AND sign = 1 AND direction = 'outbound'
         AND started_at >= fromUnixTimestamp64Milli({from:Int64}) AND started_at < fromUnixTimestamp64Milli({to:Int64})`,
      { c: campaignId, from, to },
    );
    return row;
  },

  callbacks: (ch: Clickhouse, campaignId: string) =>
    selectRows<{ phone: string; at: string; agent: string }>(
      ch,
      `SELECT phone, ${ms('at')} AS at, agent FROM dialer_callbacks FINAL WHERE campaign_id = {c:String} AND done = 0`,
      { c: campaignId },
    ),

  putCallback: (ch: Clickhouse, campaignId: string, c: { phone: string; at: number; agent?: string }, done = 0) =>
    insertRows(ch, 'dialer_callbacks', [{ campaign_id: campaignId, phone: c.phone, at: c.at, agent: c.agent ?? '', done, version: nextVersion() }]),

  /** Takes a number out of the campaign (a refusal or an opt-out): the newer row of the contact wins. */
  removeContact: (ch: Clickhouse, campaignId: string, phone: string, reason: string) =>
    ch.command({
      query: `INSERT INTO contacts SELECT * REPLACE (now64(3) AS removed_at, {reason:String} AS removed_reason, {v:UInt64} AS version)
              FROM contacts FINAL WHERE campaign_id = {c:String} AND phone_e164 = {p:String}`,
      query_params: { c: campaignId, p: phone, reason, v: nextVersion() },
    }),
};
