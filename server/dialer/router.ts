// Manager controls of the dialer: per campaign, start / pause / stop, dial mode and pacing target changed
// live, and what the dialer is doing (lines, dial level, abandon rate, agents by state, leads). Settings are
// saved even when no dialer runs in this process, so they apply as soon as one starts.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { dialerSql } from '@/clickhouse/queries/dialer';
import { DIAL_MODES, RUN_STATUSES, dialerSettings } from '@/dialer/runner/settings';
import { loadSettings } from '@/dialer/service';
import { campaignViews } from '@/server/campaigns/router';
import { requireInScope, roleProcedure, router } from '@/server/trpc/init';
import { currentDialer } from './instance';

const managers = roleProcedure('manager', 'admin');

export const dialerRouter = router({
  state: managers.query(async ({ ctx }) => {
    const { dialer, reason } = currentDialer();
    // The dialer belongs to the outsourcer: its staff only, on outbound campaigns.
    const campaigns = (await campaignViews(ctx.ch, ctx.scope)).filter((c) => c.direction === 'outbound' && ctx.scope.orgKind === 'outsourcer');
    const rows = await Promise.all(campaigns.map(async (c) => {
      const settings = dialer ? (await dialer.runner(c.id)).current : await loadSettings(ctx.ch, c);
      const live = dialer ? (await dialer.runner(c.id)).snapshot() : null;
      return { id: c.id, code: c.code, name: c.name, client: c.client_name, timeZone: c.time_zone, settings, live };
    }));
    return { available: dialer !== null, reason: dialer ? '' : reason, campaigns: rows };
  }),

  configure: managers
    .input(z.object({
      campaignId: z.string().min(1).max(128),
      status: z.enum(RUN_STATUSES).optional(),
      mode: z.enum(DIAL_MODES).optional(),
      abandonTarget: z.number().min(0).max(0.03).optional(),
      maxLines: z.number().int().min(1).max(5000).optional(),
      wrapSeconds: z.number().min(0).max(600).optional(),
      ringTimeoutSeconds: z.number().min(15).max(120).optional(),
    }))
    .mutation(async ({ ctx, input }) => {
      const { campaignId, ...change } = input;
      requireInScope(ctx.scope.campaignIds, campaignId, 'campaign');
      const campaign = (await campaignViews(ctx.ch, ctx.scope)).find((c) => c.id === campaignId);
      if (!campaign || ctx.scope.orgKind !== 'outsourcer') throw new TRPCError({ code: 'NOT_FOUND', message: 'No such campaign' });
      if (campaign.direction !== 'outbound') throw new TRPCError({ code: 'BAD_REQUEST', message: 'Only outbound campaigns are dialled' });
      const { dialer } = currentDialer();
      if (dialer) return dialer.configure(campaignId, change, ctx.user.id);
      const next = dialerSettings.parse({ ...(await loadSettings(ctx.ch, campaign)), ...change });
      await dialerSql.putSettings(ctx.ch, campaignId, next, ctx.user.id);
      return next;
    }),
});
