// KPI alerts in the portal: a campaign's rules (read by both sides, edited by the outsourcer's managers and admins),
// its open alerts (the live monitor's and the wallboard's banners), the alerts of a period (the /alerts page), and
// a manager's acknowledgement of an open alert.
import { z } from 'zod';
import { alertsSql, type AlertRow } from '@/clickhouse/queries/alerts';
import { campaignViews, type CampaignView } from '@/server/campaigns/views';
import { checkKpiRange } from '@/server/kpi/range';
import { notifyAlertsChanged } from '@/server/live/bus';
import { CAMPAIGN_MANAGERS, PARTNERSHIP_MEMBERS } from '@/server/tenancy/roles';
import { campaignProcedure, outsourcerCampaignProcedure, requireInScope, roleProcedure, router, type Scope } from '@/server/trpc/init';
import { userError } from '@/server/trpc/user-error';
import type { Clickhouse } from '@/clickhouse/client';
import { ALERT_KPIS, COMPARISONS, kpisOfDirection } from './kpis';
import { deleteRule, KpiNotForCampaignError, LegalRuleError, NoSuchRuleError, rulesOfCampaigns, saveRule } from './rules';

/** A page of alerts at most: a period with more says so. */
const LIST_LIMIT = 500;

const ruleFields = z.object({
  kpi: z.enum(ALERT_KPIS),
  comparison: z.enum(COMPARISONS),
  // In the KPI's own unit (a fraction for a percentage); NPS goes down to −100.
  threshold: z.number().finite().min(-100).max(1_000_000),
  duration_minutes: z.number().int().min(0).max(24 * 60),
  enabled: z.boolean(),
});

const editors = outsourcerCampaignProcedure(CAMPAIGN_MANAGERS, 'error.alertRulesOutsourcer');

async function refusing<T>(change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (err) {
    if (err instanceof NoSuchRuleError) throw userError('NOT_FOUND', 'error.noSuch.alertRule');
    if (err instanceof LegalRuleError) throw userError('FORBIDDEN', 'error.alertRuleLegal');
    if (err instanceof KpiNotForCampaignError) throw userError('BAD_REQUEST', 'error.alertKpiDirection');
    throw err;
  }
}

/** Alerts as the pages show them: with their campaign's names and who acknowledged them. */
async function viewsOf(ch: Clickhouse, rows: AlertRow[], campaigns: CampaignView[]) {
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  const acks = await alertsSql.acknowledgements(ch, [...new Set(rows.map((r) => r.campaign_id))], rows.map((r) => r.id));
  const ackOf = new Map(acks.map((a) => [a.alert_id, a]));
  return rows.filter((r) => byId.has(r.campaign_id)).map((r) => {
    const c = byId.get(r.campaign_id)!;
    const ack = ackOf.get(r.id);
    return {
      id: r.id, rule_id: r.rule_id, legal: r.legal === 1, kpi: r.kpi as (typeof ALERT_KPIS)[number], comparison: r.comparison as (typeof COMPARISONS)[number],
      threshold: r.threshold, duration_minutes: r.duration_minutes, breach_started_at: r.breach_started_at, opened_at: r.opened_at,
      value_at_open: r.value_at_open, worst_value: r.worst_value, worst_at: r.worst_at, cleared_at: r.cleared_at, clear_reason: r.clear_reason,
      campaign: { id: c.id, code: c.code, name: c.name, client_name: c.client_name, direction: c.direction, time_zone: c.time_zone },
      acknowledged: ack ? { by_name: ack.acknowledged_by_name, at: ack.acknowledged_at } : null,
    };
  });
}

/** The scope's campaigns, or the one asked for (checked against the scope). */
async function campaignsAsked(ch: Clickhouse, scope: Scope, campaignId: string | undefined): Promise<CampaignView[]> {
  if (campaignId) requireInScope(scope.campaignIds, campaignId, 'campaign');
  const views = await campaignViews(ch, scope);
  return campaignId ? views.filter((c) => c.id === campaignId) : views;
}

const members = roleProcedure(PARTNERSHIP_MEMBERS);

export const alertsRouter = router({
  /** The campaign's rules, the legal one first; `editable` for the outsourcer's managers and admins. */
  rules: campaignProcedure(PARTNERSHIP_MEMBERS).query(async ({ ctx }) => ({
    campaign: { id: ctx.campaign.id, code: ctx.campaign.code, direction: ctx.campaign.direction },
    rules: (await rulesOfCampaigns(ctx.ch, [ctx.campaign])).get(ctx.campaign.id)!,
    kpis: kpisOfDirection(ctx.campaign.direction),
    editable: ctx.scope.orgKind === 'outsourcer' && ctx.campaign.outsourcer_org_id === ctx.scope.orgId && CAMPAIGN_MANAGERS.includes(ctx.scope.role),
  })),

  /** A new rule (no `ruleId`), or a change of one of the campaign's rules. */
  saveRule: editors
    .input(z.object({ ruleId: z.string().min(1).max(128).optional(), rule: ruleFields }))
    .mutation(({ ctx, input }) => refusing(() => saveRule(ctx.ch, ctx.user, ctx.campaign, input.ruleId, input.rule))),

  deleteRule: editors
    .input(z.object({ ruleId: z.string().min(1).max(128) }))
    .mutation(async ({ ctx, input }) => {
      await refusing(() => deleteRule(ctx.ch, ctx.user, ctx.campaign, input.ruleId));
      return { deleted: input.ruleId };
    }),

  /** The open alerts of the scope's campaigns, or of one (the live monitor's and the wallboard's banners). */
  open: members
    .input(z.object({ campaignId: z.string().min(1).max(128).optional() }).optional())
    .query(async ({ ctx, input }) => {
      const campaigns = await campaignsAsked(ctx.ch, ctx.scope, input?.campaignId);
      if (!campaigns.length) return [];
      return viewsOf(ctx.ch, await alertsSql.open(ctx.ch, campaigns.map((c) => c.id)), campaigns);
    }),

  /** Alerts open at some time of [from, to), of the scope's campaigns or of one; newest first. */
  list: members
    .input(z.object({ from: z.number(), to: z.number(), campaignId: z.string().min(1).max(128).optional() }).superRefine(checkKpiRange))
    .query(async ({ ctx, input }) => {
      const campaigns = await campaignsAsked(ctx.ch, ctx.scope, input.campaignId);
      if (!campaigns.length) return { alerts: [], more: false };
      const rows = await alertsSql.during(ctx.ch, campaigns.map((c) => c.id), input.from, input.to, LIST_LIMIT + 1);
      return { alerts: await viewsOf(ctx.ch, rows.slice(0, LIST_LIMIT), campaigns), more: rows.length > LIST_LIMIT };
    }),

  /** "Seen, on it": the alert must be the campaign's (another campaign's alert does not exist here) and still open. */
  acknowledge: outsourcerCampaignProcedure(CAMPAIGN_MANAGERS, 'error.alertAcknowledgeOutsourcer')
    .input(z.object({ alertId: z.string().min(1).max(128) }))
    .mutation(async ({ ctx, input }) => {
      const alert = await alertsSql.one(ctx.ch, ctx.campaign.id, input.alertId);
      if (!alert) throw userError('NOT_FOUND', 'error.noSuch.alert');
      const [already] = await alertsSql.acknowledgements(ctx.ch, [ctx.campaign.id], [alert.id]);
      if (already) return { by_name: already.acknowledged_by_name, at: already.acknowledged_at };
      if (alert.cleared_at !== null) throw userError('CONFLICT', 'error.alertCleared');
      const row = { alert_id: alert.id, campaign_id: ctx.campaign.id, acknowledged_by: ctx.user.id, acknowledged_by_name: ctx.user.name, acknowledged_at: ctx.now() };
      await alertsSql.putAcknowledgement(ctx.ch, row);
      notifyAlertsChanged([ctx.campaign.id]);
      return { by_name: row.acknowledged_by_name, at: row.acknowledged_at };
    }),
});
