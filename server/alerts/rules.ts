// A campaign's alert rules: the legal one every outbound campaign has (never stored, never deleted) and those its
// outsourcer's managers and admins create, change and delete, each change a revision with its audit line.
import { randomUUID } from 'node:crypto';
import type { Clickhouse } from '@/clickhouse/client';
import { alertsSql, type AlertRuleRow } from '@/clickhouse/queries/alerts';
import type { Direction } from '@/clickhouse/vocabulary';
import { audited } from '@/server/audit/record';
import type { Writer } from '@/server/campaigns/save';
import { notifyAlertRulesChanged } from '@/server/live/bus';
import { ALERT_KPI_INFO, isLegalRuleId, LEGAL_RULE, legalRuleId, type AlertKpi, type Comparison, type RuleCondition } from './kpis';

export interface AlertRule extends RuleCondition {
  id: string;
  campaign_id: string;
  revision: number;
  enabled: boolean;
  /** The law's rule: shown, never changed nor deleted. */
  legal: boolean;
  edited_by_name: string;
  /** Epoch ms; 0 for the legal rule. */
  edited_at: number;
}

export interface RuleInput extends RuleCondition {
  enabled: boolean;
}

export class LegalRuleError extends Error {
  constructor() { super('the legal rule cannot be changed nor deleted'); }
}
export class NoSuchRuleError extends Error {}
export class KpiNotForCampaignError extends Error {
  constructor(readonly kpi: AlertKpi, readonly direction: Direction) { super(`${kpi} is not a KPI of ${direction} campaigns`); }
}

type CampaignRef = { id: string; code: string; direction: Direction; partnership_id: string; outsourcer_org_id: string; client_org_id: string };

const ruleOf = (r: AlertRuleRow): AlertRule => ({
  id: r.id, campaign_id: r.campaign_id, revision: r.revision, kpi: r.kpi as AlertKpi, comparison: r.comparison as Comparison,
  threshold: r.threshold, duration_minutes: r.duration_minutes, enabled: r.enabled === 1, legal: false,
  edited_by_name: r.edited_by_name, edited_at: r.edited_at,
});

export const legalRule = (campaignId: string): AlertRule => ({
  ...LEGAL_RULE, id: legalRuleId(campaignId), campaign_id: campaignId, revision: 0, enabled: true, legal: true, edited_by_name: '', edited_at: 0,
});

/** Each campaign's rules: the legal one first (outbound campaigns), then the stored ones, oldest first. */
export async function rulesOfCampaigns(ch: Clickhouse, campaigns: Pick<CampaignRef, 'id' | 'direction'>[]): Promise<Map<string, AlertRule[]>> {
  const out = new Map<string, AlertRule[]>(campaigns.map((c) => [c.id, c.direction === 'outbound' ? [legalRule(c.id)] : []]));
  if (!campaigns.length) return out;
  for (const row of await alertsSql.rules(ch, campaigns.map((c) => c.id))) out.get(row.campaign_id)?.push(ruleOf(row));
  return out;
}

function describe(c: RuleCondition & { enabled?: boolean }) {
  return { kpi: c.kpi, comparison: c.comparison, threshold: c.threshold, duration_minutes: c.duration_minutes, enabled: c.enabled ?? true };
}

/** Creates a rule (`id` absent) or changes one of the campaign's (another campaign's rule "does not exist"). */
export async function saveRule(ch: Clickhouse, writer: Writer, campaign: CampaignRef, id: string | undefined, input: RuleInput): Promise<AlertRule> {
  if (id && isLegalRuleId(id)) throw new LegalRuleError();
  const info = ALERT_KPI_INFO[input.kpi];
  if (info.only && info.only !== campaign.direction) throw new KpiNotForCampaignError(input.kpi, campaign.direction);
  const before = id ? await alertsSql.rule(ch, campaign.id, id) : undefined;
  if (id && (!before || before.deleted === 1)) throw new NoSuchRuleError();
  const row: AlertRuleRow = {
    id: id ?? randomUUID(), campaign_id: campaign.id, partnership_id: campaign.partnership_id, revision: (before?.revision ?? 0) + 1,
    kpi: input.kpi, comparison: input.comparison, threshold: input.threshold, duration_minutes: input.duration_minutes, enabled: input.enabled ? 1 : 0,
    deleted: 0, edited_by: writer.id, edited_by_name: writer.name, edited_at: Date.now(),
  };
  const after: Record<string, unknown> = describe(ruleOf(row));
  const was: Record<string, unknown> | undefined = before && describe(ruleOf(before));
  const detail = was ? Object.fromEntries(Object.keys(after).filter((k) => was[k] !== after[k]).map((k) => [k, { before: was[k], after: after[k] }])) : after;
  await audited(ch, writer, {
    action: before ? 'alert_rule.update' : 'alert_rule.create',
    subject: { type: 'alert_rule', id: row.id },
    orgIds: [campaign.outsourcer_org_id, campaign.client_org_id],
    summary: `${campaign.code}: ${summaryOf(row)}`,
    detail,
  }, () => alertsSql.putRule(ch, row));
  notifyAlertRulesChanged([campaign.id]);
  return ruleOf(row);
}

export async function deleteRule(ch: Clickhouse, writer: Writer, campaign: CampaignRef, id: string): Promise<void> {
  if (isLegalRuleId(id)) throw new LegalRuleError();
  const before = await alertsSql.rule(ch, campaign.id, id);
  if (!before || before.deleted === 1) throw new NoSuchRuleError();
  const row: AlertRuleRow = { ...before, revision: before.revision + 1, deleted: 1, edited_by: writer.id, edited_by_name: writer.name, edited_at: Date.now() };
  await audited(ch, writer, {
    action: 'alert_rule.delete', subject: { type: 'alert_rule', id }, orgIds: [campaign.outsourcer_org_id, campaign.client_org_id],
    summary: `${campaign.code}: ${summaryOf(before)}`, detail: describe(ruleOf(before)),
  }, () => alertsSql.putRule(ch, row));
  notifyAlertRulesChanged([campaign.id]);
}

/** Language-neutral, as audit summaries are: "service_level below 0.7 for 15 min". */
const summaryOf = (r: Pick<AlertRuleRow, 'kpi' | 'comparison' | 'threshold' | 'duration_minutes'>) =>
  `${r.kpi} ${r.comparison} ${r.threshold} for ${r.duration_minutes} min`;
