// Campaigns and partnerships visible to the caller, as lists and one by one; a campaign's settings, created and
// edited by the outsourcer's managers and admins (one schema with the public PUT: settings.ts; one write path:
// save.ts), read by every member of the partnership (the client sees them read-only: they are its campaign's rules).
import { z } from 'zod';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { NumberTakenError, savedSettings } from '@/dialer/settings-store';
import { campaignProcedure, outsourcerCampaignProcedure, outsourcerProcedure, requireInScope, router, scopedProcedure } from '@/server/trpc/init';
import { ROLES } from '@/clickhouse/vocabulary';
import { CAMPAIGN_MANAGERS, PARTNERSHIP_MEMBERS } from '@/server/tenancy/roles';
import { userError } from '@/server/trpc/user-error';
import { campaignSettingsOf, CodeTakenError, DirectionChangeRefused, saveCampaign } from './save';
import { campaignCode, campaignSettings } from './settings';
import { campaignViews, partnershipViews } from './views';

/** The refusals of a save, worded for the person. */
async function refusing<T>(save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (err) {
    if (err instanceof CodeTakenError) throw userError('CONFLICT', 'error.campaignCodeTaken', { code: err.code });
    if (err instanceof NumberTakenError) throw userError('CONFLICT', 'error.numberTaken');
    if (err instanceof DirectionChangeRefused) throw userError('CONFLICT', `error.directionChange.${err.reason}`);
    throw err;
  }
}

export const campaignsRouter = router({
  list: scopedProcedure
    .input(z.object({ partnershipId: z.string().max(128).optional() }).optional())
    .query(async ({ ctx, input }) => {
      const views = await campaignViews(ctx.ch, ctx.scope);
      if (input?.partnershipId) requireInScope(ctx.scope.partnershipIds, input.partnershipId, 'partnership');
      const listed = input?.partnershipId ? views.filter((c) => c.partnership_id === input.partnershipId) : views;
      // An outbound campaign dials in the dialer's mode (one source: its settings), not the one it was created with.
      const settings = await savedSettings(ctx.ch, listed);
      return listed.map((c) => (c.direction === 'outbound' ? { ...c, dial_mode: settings.get(c.id)!.mode } : c));
    }),
  get: campaignProcedure(ROLES).query(({ ctx }) => ctx.campaign),

  /** Every setting of the campaign, as the form shows it; `editable` for the outsourcer's managers and admins. */
  settings: campaignProcedure(PARTNERSHIP_MEMBERS).query(async ({ ctx }) => ({
    campaign: { id: ctx.campaign.id, code: ctx.campaign.code, name: ctx.campaign.name, client_name: ctx.campaign.client_name },
    ...(await campaignSettingsOf(ctx.ch, ctx.campaign)),
    editable: ctx.scope.orgKind === 'outsourcer' && CAMPAIGN_MANAGERS.includes(ctx.scope.role),
  })),

  /** A new campaign of one of the caller's partnerships; a code already taken is refused and nothing written. */
  create: outsourcerProcedure(CAMPAIGN_MANAGERS, 'error.campaignsOutsourcer')
    .input(z.object({ partnershipId: z.string().min(1).max(128), code: campaignCode, settings: campaignSettings }))
    .mutation(async ({ ctx, input }) => {
      requireInScope(ctx.scope.partnershipIds, input.partnershipId, 'partnership');
      const partnership = (await tenancy.partnershipsByIds(ctx.ch, [input.partnershipId]))[0];
      if (!partnership || partnership.outsourcer_org_id !== ctx.scope.orgId) throw userError('NOT_FOUND', 'error.noSuch.partnership');
      const { campaign } = await refusing(() => saveCampaign(ctx.ch, ctx.user, {
        outsourcerOrgId: ctx.scope.orgId, partnership, code: input.code, settings: input.settings, mode: 'create',
      }));
      return { id: campaign.id, code: campaign.code };
    }),

  /** The campaign's settings changed (its code and partnership stay). */
  update: outsourcerCampaignProcedure(CAMPAIGN_MANAGERS, 'error.campaignsOutsourcer')
    .input(z.object({ settings: campaignSettings }))
    .mutation(async ({ ctx, input }) => {
      const c = ctx.campaign;
      const partnership = { id: c.partnership_id, outsourcer_org_id: c.outsourcer_org_id, client_org_id: c.client_org_id };
      const { campaign } = await refusing(() => saveCampaign(ctx.ch, ctx.user, {
        outsourcerOrgId: ctx.scope.orgId, partnership, code: c.code, settings: input.settings, mode: 'update',
      }));
      return { id: campaign.id, code: campaign.code };
    }),
});

export const partnershipsRouter = router({
  list: scopedProcedure.query(({ ctx }) => partnershipViews(ctx.ch, ctx.scope)),
  get: scopedProcedure.input(z.object({ id: z.string().min(1).max(128) })).query(async ({ ctx, input }) => {
    requireInScope(ctx.scope.partnershipIds, input.id, 'partnership');
    return (await partnershipViews(ctx.ch, ctx.scope)).find((p) => p.id === input.id)!;
  }),
});
