// KPIs for the portal: the live monitor of one campaign, and KPIs over a range (reports, comparisons).
import { z } from 'zod';
import { currentDialer } from '@/server/dialer/instance';
import { startOfDay } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { latestStatesOfAgents } from '@/clickhouse/queries/live';
import { latestTargets, NO_TARGETS, type Targets } from '@/clickhouse/queries/targets';
import { sharedTargets } from './shared-targets';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { ABANDON_CAP } from '@/dialer/compliance/abandon-cap';
import { campaignProcedure, outsourcerCampaignProcedure, outsourcerProcedure, requireInScope, router } from '@/server/trpc/init';
import { campaignSl, computeKpis } from './engine';
import { kpisByAgent } from './by-agent';
import { liveAgentRows, utcMillis } from './live-agents';
import { liveOfCampaign } from './live';
import { campaignRequest } from './campaign-request';
import { campaignViews } from '@/server/campaigns/views';
import { EMPTY_CALLS } from './formulas';
import { checkKpiRange } from './range';
import { kpiValues } from './report';
import { AGENT_ANALYSTS, PARTNERSHIP_MEMBERS } from '@/server/tenancy/roles';

// Across campaigns the default thresholds apply: one campaign's T and S would favour its agents.
const COMPARISON_SL = { answerSeconds: 20, shortAbandonSeconds: 5 };

const viewers = campaignProcedure(PARTNERSHIP_MEMBERS);

async function campaignTargets(ch: Parameters<typeof latestTargets>[0], campaignId: string): Promise<Targets> {
  return (await latestTargets(ch, [campaignId])).get(campaignId)!;
}

export const kpiRouter = router({
  /** Today (in the campaign's time zone) so far: KPIs, the 15-minute curve, agents by state. */
  live: viewers.query(async ({ ctx }) => {
    const { campaign } = ctx;
    const now = ctx.now();
    // Night or weekend: nothing today yet, so `lastDay` holds the last day with calls, said as such, rather than dashes.
    const [live, targets] = await Promise.all([liveOfCampaign(ctx.ch, campaign, now, { bucket: 'quarter' }), campaignTargets(ctx.ch, campaign.id)]);
    return {
      campaign,
      /** The campaign's KPI targets: the brief's (one store, one reader). */
      targets,
      asOf: now,
      ...live,
      /** The regulatory cap the outbound abandon rate is shown against. */
      abandonCap: ABANDON_CAP,
    };
  }),

  /**
   * The supervisor's per-agent view of one campaign (outsourcer's managers, quality, admins; a client sees agents
   * as counts only): each agent of the campaign with its state now, its current call, today's calls and AHT.
   */
  liveAgents: outsourcerCampaignProcedure(AGENT_ANALYSTS, 'error.liveAgentsOutsourcer').query(async ({ ctx }) => {
    const { campaign } = ctx;
    const orgId = campaign.outsourcer_org_id;
    const now = ctx.now();
    const from = startOfDay(new TZDate(now, campaign.time_zone)).getTime();
    const { dialer, reason } = currentDialer();
    // Agent codes are unique within an organization only: the pool is read for this outsourcer's agents alone.
    const pool = dialer ? dialer.pool.list().filter((a) => dialer.agentOrg(a.code) === orgId) : null;
    const [users, assigned, byAgent, campaigns] = await Promise.all([
      tenancy.usersOfOrg(ctx.ch, orgId),
      tenancy.agentCodesOfCampaigns(ctx.ch, [campaign.id]),
      kpisByAgent(ctx.ch, { campaignIds: [campaign.id], orgIds: [orgId], from, to: now + 60_000, agents: [], sl: campaignSl(campaign), campaigns: [campaign] }),
      campaignViews(ctx.ch, ctx.scope),
    ]);
    const onList = new Set([...assigned, ...byAgent.keys(), ...(pool ?? []).filter((a) => a.campaigns.includes(campaign.code)).map((a) => a.code)]);
    const agents = users.filter((u) => u.role === 'agent' && u.agent_code && u.active !== 0 && onList.has(u.agent_code))
      .map((u) => ({ code: u.agent_code, name: u.name, team: u.team }));
    // For agents not logged in to this process's dialer (an external dialer posts their states through the API).
    const recorded = await latestStatesOfAgents(ctx.ch, { orgId, agents: agents.map((a) => a.code), since: from, until: now });
    return {
      asOf: now,
      /** Null when a dialer runs in this process; else why not (states then come from the records alone). */
      noDialer: dialer ? null : reason,
      rows: liveAgentRows({
        now, campaign, agents, pool, kpis: byAgent,
        recorded: recorded.map((r) => ({ ...r, at: utcMillis(r.at) })),
        campaigns: campaigns.map((c) => ({ id: c.id, code: c.code, name: c.name })),
      }),
    };
  }),

  /** KPIs over a range, with a per-day or per-hour series (campaign report). */
  range: viewers
    .input(z.object({ from: z.number(), to: z.number(), bucket: z.enum(['hour', 'day']).optional() }).superRefine(checkKpiRange))
    .query(async ({ ctx, input }) => {
      const { campaign } = ctx;
      return {
        campaign,
        targets: await campaignTargets(ctx.ch, campaign.id),
        /** The legal cap on the outbound abandon rate, flagged wherever the rate shows. */
        abandonCap: ABANDON_CAP,
        kpis: await computeKpis(ctx.ch, { ...campaignRequest(campaign, input.from, input.to), bucket: input.bucket }),
      };
    }),

  /** Agents × KPIs over a range, for the outsourcer's managers and quality team (agent comparison). */
  agents: outsourcerProcedure(AGENT_ANALYSTS, 'error.comparisonOutsourcer')
    .input(z.object({ from: z.number(), to: z.number(), campaignIds: z.array(z.string().max(128)).max(200).optional(), team: z.string().max(120).optional() }).superRefine(checkKpiRange))
    .query(async ({ ctx, input }) => {
      const campaignIds = input.campaignIds?.length ? input.campaignIds : [...ctx.scope.campaignIds];
      for (const id of campaignIds) requireInScope(ctx.scope.campaignIds, id, 'campaign');
      const users = (await tenancy.usersOfOrg(ctx.ch, ctx.scope.orgId)).filter((u) => u.role === 'agent' && u.agent_code);
      const teamAgents = input.team ? users.filter((u) => u.team === input.team).map((u) => u.agent_code) : [];
      if (campaignIds.length === 0 || (input.team && teamAgents.length === 0)) return { rows: [], teams: [...new Set(users.map((u) => u.team))].filter(Boolean).sort(), targets: NO_TARGETS };
      const [byAgent, each] = await Promise.all([
        kpisByAgent(ctx.ch, { campaignIds, orgIds: [ctx.scope.orgId], from: input.from, to: input.to, agents: teamAgents, sl: COMPARISON_SL }),
        latestTargets(ctx.ch, campaignIds),
      ]);
      const targets = sharedTargets([...each.values()]);
      const userByCode = new Map(users.map((u) => [u.agent_code, u]));
      const codes = new Set([...byAgent.keys(), ...(input.team ? teamAgents : users.map((u) => u.agent_code))]);
      const empty = kpiValues({ inbound: EMPTY_CALLS, outbound: EMPTY_CALLS, sl: COMPARISON_SL });
      return {
        rows: [...codes].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).map((code) => ({
          agent: code,
          name: userByCode.get(code)?.name ?? code,
          team: userByCode.get(code)?.team ?? '',
          kpis: byAgent.get(code) ?? empty,
        })),
        teams: [...new Set(users.map((u) => u.team))].filter(Boolean).sort(),
        /** The targets all the compared campaigns share: each agent's figure is read against them. */
        targets,
      };
    }),
});
