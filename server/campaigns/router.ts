// Campaigns and partnerships visible to the caller, as lists and one by one.
import { z } from 'zod';
import { campaignProcedure, requireInScope, router, scopedProcedure } from '@/server/trpc/init';
import { ROLES } from '@/clickhouse/vocabulary';
import { campaignViews, partnershipViews } from './views';

export const campaignsRouter = router({
  list: scopedProcedure
    .input(z.object({ partnershipId: z.string().max(128).optional() }).optional())
    .query(async ({ ctx, input }) => {
      const all = await campaignViews(ctx.ch, ctx.scope);
      if (!input?.partnershipId) return all;
      requireInScope(ctx.scope.partnershipIds, input.partnershipId, 'partnership');
      return all.filter((c) => c.partnership_id === input.partnershipId);
    }),
  get: campaignProcedure(ROLES).query(({ ctx }) => ctx.campaign),
});

export const partnershipsRouter = router({
  list: scopedProcedure.query(({ ctx }) => partnershipViews(ctx.ch, ctx.scope)),
  get: scopedProcedure.input(z.object({ id: z.string().min(1).max(128) })).query(async ({ ctx, input }) => {
    requireInScope(ctx.scope.partnershipIds, input.id, 'partnership');
    return (await partnershipViews(ctx.ch, ctx.scope)).find((p) => p.id === input.id)!;
  }),
});
