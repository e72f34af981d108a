// SQL behind SAL (list penetration, PRODUCT §4): the contacts of an outbound campaign's lists, and how many of
// them the campaign attempted in a range. The formula (and the window) are in server/kpi/formulas.ts.
//
// An attempt is a live outbound call record of the campaign whose `phone` is a contact's number (calls name
// contacts by their E.164 number; `contact` is free text), started in the range, whatever its outcome, except a
// dial refused by a compliance rule (`rejected_compliance`): no call was placed. Live records are found as in
// resolutionTotals: a replaced record's cancel row shares its version, so a (id, version) whose signs sum to 0 is gone.
import type { Clickhouse } from '../client';
import { selectRows } from './rows';

/** Contacts of the campaign's lists, and how many of them were attempted at least once. */
export interface SalTotals {
  contacts: number;
  attempted: number;
}

const RANGE = `started_at >= toDateTime64({from:Float64}, 3) AND started_at < toDateTime64({to:Float64}, 3)`;

/** The campaign's live outbound attempts in the range (refused dials left out), one row per call. */
const ATTEMPTS = `
  SELECT phone, started_at
  FROM calls
  WHERE campaign_id = {campaign:String} AND direction = 'outbound' AND outcome != 'rejected_compliance' AND ${RANGE}
  GROUP BY id, version, phone, started_at
  HAVING sum(sign) > 0`;

/**
 * The list: contacts of the campaign's ready lists that the dialer works (not samples, not deleted), as the list
 * stood over the range: imported before its end, and not taken out of the campaign (a refusal, an opt-out)
 * before its start — a contact taken out after an attempt in the range still counts, on both sides.
 */
const LIST = `
  SELECT phone_e164
  FROM contacts FINAL
  WHERE campaign_id = {campaign:String}
    AND list_id IN (SELECT id FROM contact_lists FINAL WHERE campaign_id = {campaign:String} AND status = 'ready' AND sample = 0 AND deleted = 0)
    AND imported_at < toDateTime64({to:Float64}, 3)
    AND (removed_at IS NULL OR removed_at >= toDateTime64({from:Float64}, 3))`;

const rangeParams = (campaignId: string, from: number, to: number) => ({ campaign: campaignId, from: from / 1000, to: to / 1000 });

export const salSql = {
  /** When the campaign's first attempt in the range started (epoch ms), or null without one: where a SAL window opens. */
  firstAttempt: async (ch: Clickhouse, campaignId: string, from: number, to: number): Promise<number | null> => {
    const [row] = await selectRows<{ first: number | null }>(
      ch,
      `SELECT if(count() = 0, NULL, toUnixTimestamp64Milli(min(started_at))) AS first FROM (${ATTEMPTS})`,
      rangeParams(campaignId, from, to),
    );
    return row?.first == null ? null : Number(row.first);
  },

  /** The list's size and how many of its contacts the campaign attempted in [from, to). */
  totals: async (ch: Clickhouse, campaignId: string, from: number, to: number): Promise<SalTotals> => {
    const [row] = await selectRows<{ contacts: string; attempted: string }>(
      ch,
      `SELECT
         (SELECT count() FROM (${LIST})) AS contacts,
         (SELECT uniqExact(phone) FROM (${ATTEMPTS}) WHERE phone IN (${LIST})) AS attempted`,
      rangeParams(campaignId, from, to),
    );
    return { contacts: Number(row?.contacts ?? 0), attempted: Number(row?.attempted ?? 0) };
  },
};
