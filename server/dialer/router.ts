// Manager controls of the dialer: per campaign, start / pause / stop (an inbound line opens and closes), dial
// mode and pacing target changed live, the campaign's number, and what the dialer is doing (lines, dial level,
// abandon rate, inbound queue, agents by state, leads). Settings are saved even when no dialer runs in this
// process, so they apply as soon as one starts.
import { z } from 'zod';
import { dialerSql } from '@/clickhouse/queries/dialer';
import { assertNumberFree, NumberTakenError } from '@/dialer/lines';
import { DIAL_MODES, RUN_STATUSES, dialerSettings } from '@/dialer/runner/settings';
import { allCampaigns, loadSettings } from '@/dialer/service';
import { campaignViews } from '@/server/campaigns/router';
import { requireInScope, roleProcedure, router, type Scope } from '@/server/trpc/init';
import type { Clickhouse } from '@/clickhouse/client';
import { currentDialer } from './instance';
import { userError } from '@/server/trpc/user-error';
import { CAMPAIGN_MANAGERS } from '@/server/tenancy/roles';

const managers = roleProcedure(CAMPAIGN_MANAGERS);

/** The campaigns the caller may drive: the outsourcer's staff only. */
async function controllable(ch: Clickhouse, scope: Scope) {
  if (scope.orgKind !== 'outsourcer') return [];
  return campaignViews(ch, scope);
}

export const dialerRouter = router({
  state: managers.query(async ({ ctx }) => {
    const { dialer, reason } = currentDialer();
    const rows = await Promise.all((await controllable(ctx.ch, ctx.scope)).map(async (c) => {
      const runner = dialer ? await dialer.runner(c.id) : null;
      const settings = runner ? runner.current : await loadSettings(ctx.ch, c);
      return { id: c.id, code: c.code, name: c.name, client: c.client_name, direction: c.direction, timeZone: c.time_zone, settings, live: runner?.snapshot() ?? null };
    }));
    // Outbound campaigns first, as the page shows them.
    rows.sort((a, b) => (a.direction === b.direction ? a.code.localeCompare(b.code) : a.direction === 'outbound' ? -1 : 1));
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
      queueTimeoutSeconds: z.number().int().min(10).max(3600).optional(),
      callerId: z.string().regex(/^\+[1-9]\d{5,14}$/, 'the number must be in E.164 form, e.g. +33180001000').optional(),
    }))
    .mutation(async ({ ctx, input }) => {
      const { campaignId, ...change } = input;
      requireInScope(ctx.scope.campaignIds, campaignId, 'campaign');
      const campaign = (await controllable(ctx.ch, ctx.scope)).find((c) => c.id === campaignId);
      if (!campaign) throw userError('NOT_FOUND', 'error.noSuch.campaign');
      try {
        const { dialer } = currentDialer();
        if (dialer) return await dialer.configure(campaignId, change, ctx.user.id);
        const current = await loadSettings(ctx.ch, campaign);
        const next = dialerSettings.parse({ ...current, ...change });
        if (change.callerId && change.callerId !== current.callerId) await assertNumberFree(ctx.ch, await allCampaigns(ctx.ch), campaign, change.callerId);
        await dialerSql.putSettings(ctx.ch, campaignId, next, ctx.user.id);
        return next;
      } catch (err) {
        if (err instanceof NumberTakenError) throw userError('CONFLICT', 'dialer.numberTaken');
        throw err;
      }
    }),
});
