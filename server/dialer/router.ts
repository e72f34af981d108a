// Manager controls of the dialer: per campaign, start / pause / stop, dial mode and pacing target changed
// live, and what the dialer is doing (lines, dial level, abandon rate, agents by state, leads). Settings are
// saved even when no dialer runs in this process, so they apply as soon as one starts.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { dialerSql } from '@/clickhouse/queries/dialer';
import { DIAL_MODES, RUN_STATUSES, dialerSettings } from '@/dialer/runner/settings';
import { loadSettings } from '@/dialer/service';
import { campaignViews } from '@/server/campaigns/router';
import { requireInScope, roleProcedure, router, type Scope } from '@/server/trpc/init';
import type { Clickhouse } from '@/clickhouse/client';
import { currentDialer } from './instance';

const managers = roleProcedure('manager', 'admin');

/** The campaigns the caller may dial: outbound ones, for the outsourcer's staff only. */
async function dialable(ch: Clickhouse, scope: Scope) {
  if (scope.orgKind !== 'outsourcer') return [];
  return (await campaignViews(ch, scope)).filter((c) => c.direction === 'outbound');
}

export const dialerRouter = router({
  state: managers.query(async ({ ctx }) => {
    const { dialer, reason } = currentDialer();
    const rows = await Promise.all((await dialable(ctx.ch, ctx.scope)).map(async (c) => {
      const runner = dialer ? await dialer.runner(c.id) : null;
      const settings = runner ? runner.current : await loadSettings(ctx.ch, c);
      return { id: c.id, code: c.code, name: c.name, client: c.client_name, timeZone: c.time_zone, settings, live: runner?.snapshot() ?? null };
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
      const campaign = (await dialable(ctx.ch, ctx.scope)).find((c) => c.id === campaignId);
      if (!campaign) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such outbound campaign' });
      const { dialer } = currentDialer();
      if (dialer) return dialer.configure(campaignId, change, ctx.user.id);
      const next = dialerSettings.parse({ ...(await loadSettings(ctx.ch, campaign)), ...change });
      await dialerSql.putSettings(ctx.ch, campaignId, next, ctx.user.id);
      return next;
    }),
});
