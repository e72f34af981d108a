// KPIs for the portal: the live monitor of one campaign, and KPIs over a range (reports, comparisons).
import { z } from 'zod';
import { startOfDay } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { latestAgentStates } from '@/clickhouse/queries/live';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { requireInScope, roleProcedure, router } from '@/server/trpc/init';
import { campaignViews } from '@/server/campaigns/router';
import { computeKpis } from './engine';

const viewers = roleProcedure('client', 'manager', 'quality', 'admin');

async function campaignInScope(ctx: { ch: Parameters<typeof campaignViews>[0]; scope: Parameters<typeof campaignViews>[1] }, id: string) {
  requireInScope(ctx.scope.campaignIds, id, 'campaign');
  const campaign = (await campaignViews(ctx.ch, ctx.scope)).find((c) => c.id === id)!;
  const partnership = (await tenancy.partnershipsByIds(ctx.ch, [campaign.partnership_id]))[0]!;
  return { campaign, outsourcerOrgId: partnership.outsourcer_org_id };
}

export const kpiRouter = router({
  /** Today (in the campaign's time zone) so far: KPIs, the 15-minute curve, agents by state. */
  live: viewers.input(z.object({ campaignId: z.string().max(128) })).query(async ({ ctx, input }) => {
    const { campaign, outsourcerOrgId } = await campaignInScope(ctx, input.campaignId);
    const now = Date.now();
    const from = startOfDay(new TZDate(now, campaign.time_zone)).getTime();
    const [kpis, states] = await Promise.all([
      computeKpis(ctx.ch, {
        campaignIds: [campaign.id], orgIds: [outsourcerOrgId], from, to: now + 60_000, agents: [], bucket: 'quarter', timeZone: campaign.time_zone,
        sl: { answerSeconds: campaign.sl_threshold_seconds, shortAbandonSeconds: campaign.short_abandon_seconds },
      }),
      latestAgentStates(ctx.ch, outsourcerOrgId, campaign.id, from),
    ]);
    const byState: Record<string, number> = {};
    for (const s of states) byState[s.state] = (byState[s.state] ?? 0) + 1;
    return {
      campaign,
      from,
      asOf: now,
      kpis,
      agentsByState: byState,
      callsInProgress: (byState.on_call ?? 0) + (byState.ringing ?? 0),
    };
  }),

  /** KPIs over a range, with a per-day or per-hour series (campaign report). */
  range: viewers
    .input(z.object({ campaignId: z.string().max(128), from: z.number(), to: z.number(), bucket: z.enum(['hour', 'day']).optional() }))
    .query(async ({ ctx, input }) => {
      const { campaign, outsourcerOrgId } = await campaignInScope(ctx, input.campaignId);
      return {
        campaign,
        kpis: await computeKpis(ctx.ch, {
          campaignIds: [campaign.id], orgIds: [outsourcerOrgId], from: input.from, to: input.to, agents: [], bucket: input.bucket, timeZone: campaign.time_zone,
          sl: { answerSeconds: campaign.sl_threshold_seconds, shortAbandonSeconds: campaign.short_abandon_seconds },
        }),
      };
    }),
});
