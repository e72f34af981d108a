// The signed-in user and the figures their home page opens with.
import { scopedProcedure, router } from '@/server/trpc/init';
import { campaignViews } from '@/server/campaigns/views';

export const homeRouter = router({
  me: scopedProcedure.query(({ ctx }) => ctx.user),
  summary: scopedProcedure.query(async ({ ctx }) => {
    const campaigns = await campaignViews(ctx.ch, ctx.scope);
    return {
      partnerships: ctx.scope.partnershipIds.size,
      campaigns: campaigns.length,
      inbound: campaigns.filter((c) => c.direction === 'inbound').length,
      outbound: campaigns.filter((c) => c.direction === 'outbound').length,
      active: campaigns.filter((c) => c.status === 'active').length,
      clients: [...new Set(campaigns.map((c) => c.client_name))].sort(),
    };
  }),
});
