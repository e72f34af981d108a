// The signed-in user and the figures their home page opens with.
import { roleProcedure, scopedProcedure, router } from '@/server/trpc/init';
import { campaignViews } from '@/server/campaigns/views';
import { PARTNERSHIP_MEMBERS } from '@/server/tenancy/roles';
import { campaignFigures, wallboardFigures } from './figures';

// The figures are the partnership members' (an agent's home is its desk's lists); the scope gives the campaigns.
const members = roleProcedure(PARTNERSHIP_MEMBERS);

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
  /** Each campaign in scope today, yesterday and over the last 7 days, with its targets (client and quality homes). */
  figures: members.query(async ({ ctx }) => campaignFigures(ctx.ch, await campaignViews(ctx.ch, ctx.scope), ctx.now())),
  /** Each campaign in scope right now (manager home and the wall TV). */
  wallboard: members.query(async ({ ctx }) => wallboardFigures(ctx.ch, await campaignViews(ctx.ch, ctx.scope), ctx.now())),
});
