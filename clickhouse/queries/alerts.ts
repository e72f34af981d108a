// SQL of the KPI alerts (0016): rules (every save a revision), the alerts they raised (every change a version), and
// acknowledgements. Times come and go as epoch milliseconds: the SELECTs alias each time column to its milliseconds,
// so a WHERE on the stored column names it with its table (`alerts.opened_at`), or it would read the alias.
import type { Clickhouse } from '../client';
import { insertRows, selectRows } from './rows';

export interface AlertRuleRow {
  id: string;
  campaign_id: string;
  partnership_id: string;
  revision: number;
  kpi: string;
  comparison: string;
  threshold: number;
  duration_minutes: number;
  enabled: number;
  deleted: number;
  edited_by: string;
  edited_by_name: string;
  edited_at: number;
}

export interface AlertRow {
  id: string;
  campaign_id: string;
  partnership_id: string;
  rule_id: string;
  rule_revision: number;
  legal: number;
  kpi: string;
  comparison: string;
  threshold: number;
  duration_minutes: number;
  breach_started_at: number;
  opened_at: number;
  value_at_open: number;
  worst_value: number;
  worst_at: number;
  cleared_at: number | null;
  clear_reason: string;
  version: number;
}

export interface AcknowledgementRow {
  alert_id: string;
  campaign_id: string;
  acknowledged_by: string;
  acknowledged_by_name: string;
  acknowledged_at: number;
}

const ms = (column: string) => `toFloat64(toUnixTimestamp64Milli(${column})) AS ${column}`;
const RULE_COLUMNS = `id, campaign_id, partnership_id, revision, kpi, comparison, threshold, duration_minutes, enabled, deleted,
  edited_by, edited_by_name, ${ms('edited_at')}`;
const ALERT_COLUMNS = `id, campaign_id, partnership_id, rule_id, rule_revision, legal, kpi, comparison, threshold, duration_minutes,
  ${ms('breach_started_at')}, ${ms('opened_at')}, value_at_open, worst_value, ${ms('worst_at')},
  if(isNull(cleared_at), NULL, toFloat64(toUnixTimestamp64Milli(assumeNotNull(cleared_at)))) AS cleared_at, clear_reason, toFloat64(version) AS version`;

export const alertsSql = {
  /** The rules of these campaigns as they stand (newest revision of each), deleted ones left out; oldest first. */
  rules: (ch: Clickhouse, campaignIds: string[]) =>
    selectRows<AlertRuleRow>(ch, `SELECT ${RULE_COLUMNS} FROM alert_rules FINAL
      WHERE campaign_id IN {ids:Array(String)} AND deleted = 0 ORDER BY campaign_id, edited_at, id`, { ids: campaignIds }),

  /** One rule's newest revision, deleted or not (a save numbers its revision after it). */
  rule: async (ch: Clickhouse, campaignId: string, id: string): Promise<AlertRuleRow | undefined> =>
    (await selectRows<AlertRuleRow>(ch, `SELECT ${RULE_COLUMNS} FROM alert_rules FINAL WHERE campaign_id = {c:String} AND id = {id:String}`, { c: campaignId, id }))[0],

  putRule: (ch: Clickhouse, row: AlertRuleRow) => insertRows(ch, 'alert_rules', [row]),

  putAlerts: (ch: Clickhouse, rows: AlertRow[]) => insertRows(ch, 'alerts', rows),

  /** The open alerts of these campaigns, oldest first. */
  open: (ch: Clickhouse, campaignIds: string[]) =>
    selectRows<AlertRow>(ch, `SELECT ${ALERT_COLUMNS} FROM alerts FINAL
      WHERE campaign_id IN {ids:Array(String)} AND alerts.cleared_at IS NULL ORDER BY opened_at, id`, { ids: campaignIds }),

  /** Alerts of these campaigns open at some time of [from, to): opened before `to`, not cleared before `from`; newest first. */
  during: (ch: Clickhouse, campaignIds: string[], from: number, to: number, limit: number) =>
    selectRows<AlertRow>(ch, `SELECT ${ALERT_COLUMNS} FROM alerts FINAL
      WHERE campaign_id IN {ids:Array(String)} AND alerts.opened_at < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
        AND (alerts.cleared_at IS NULL OR alerts.cleared_at >= fromUnixTimestamp64Milli({from:Int64}, 'UTC'))
      ORDER BY opened_at DESC, id LIMIT {limit:UInt32}`, { ids: campaignIds, from, to, limit }),

  /** One alert of one campaign: another campaign's alert "does not exist" here. */
  one: async (ch: Clickhouse, campaignId: string, id: string): Promise<AlertRow | undefined> =>
    (await selectRows<AlertRow>(ch, `SELECT ${ALERT_COLUMNS} FROM alerts FINAL WHERE campaign_id = {c:String} AND id = {id:String}`, { c: campaignId, id }))[0],

  acknowledgements: (ch: Clickhouse, campaignIds: string[], alertIds: string[]) =>
    alertIds.length === 0 ? Promise.resolve([]) : selectRows<AcknowledgementRow>(ch, `SELECT alert_id, campaign_id, acknowledged_by, acknowledged_by_name,
      ${ms('acknowledged_at')} FROM alert_acknowledgements FINAL
      WHERE campaign_id IN {c:Array(String)} AND alert_id IN {ids:Array(String)}`, { c: campaignIds, ids: alertIds }),

  putAcknowledgement: (ch: Clickhouse, row: AcknowledgementRow) => insertRows(ch, 'alert_acknowledgements', [row]),
};
