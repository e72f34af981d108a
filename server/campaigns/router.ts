// Campaigns and partnerships visible to the caller, as lists and one by one.
import { z } from 'zod';
import { tenancy, type Campaign, type Partnership } from '@/clickhouse/queries/tenancy';
import type { Clickhouse } from '@/clickhouse/client';
import { requireInScope, router, scopedProcedure, type Scope } from '@/server/trpc/init';

export interface PartnershipView extends Partnership {
  outsourcer_name: string;
  client_name: string;
}
export interface CampaignView extends Campaign {
  partnership_name: string;
  client_name: string;
  outsourcer_name: string;
}

async function partnershipViews(ch: Clickhouse, scope: Scope): Promise<PartnershipView[]> {
  const ids = [...scope.partnershipIds];
  if (ids.length === 0) return [];
  const partnerships = await tenancy.partnershipsByIds(ch, ids);
  const orgIds = [...new Set(partnerships.flatMap((p) => [p.outsourcer_org_id, p.client_org_id]))];
  const names = new Map((await tenancy.organizationsByIds(ch, orgIds)).map((o) => [o.id, o.name]));
  return partnerships.map((p) => ({
    ...p,
    outsourcer_name: names.get(p.outsourcer_org_id) ?? '',
    client_name: names.get(p.client_org_id) ?? '',
  }));
}

export async function campaignViews(ch: Clickhouse, scope: Scope): Promise<CampaignView[]> {
  const partnerships = await partnershipViews(ch, scope);
  if (partnerships.length === 0) return [];
  const byId = new Map(partnerships.map((p) => [p.id, p]));
  const campaigns = await tenancy.campaignsOfPartnerships(ch, [...byId.keys()]);
  return campaigns
    .filter((c) => scope.campaignIds.has(c.id))
    .map((c) => {
      const p = byId.get(c.partnership_id)!;
      return { ...c, partnership_name: p.name, client_name: p.client_name, outsourcer_name: p.outsourcer_name };
    });
}

const id = z.object({ id: z.string().min(1).max(128) });

export const campaignsRouter = router({
  list: scopedProcedure
    .input(z.object({ partnershipId: z.string().max(128).optional() }).optional())
    .query(async ({ ctx, input }) => {
      const all = await campaignViews(ctx.ch, ctx.scope);
      if (!input?.partnershipId) return all;
      requireInScope(ctx.scope.partnershipIds, input.partnershipId, 'partnership');
      return all.filter((c) => c.partnership_id === input.partnershipId);
    }),
  get: scopedProcedure.input(id).query(async ({ ctx, input }) => {
    requireInScope(ctx.scope.campaignIds, input.id, 'campaign');
    return (await campaignViews(ctx.ch, ctx.scope)).find((c) => c.id === input.id)!;
  }),
});

export const partnershipsRouter = router({
  list: scopedProcedure.query(({ ctx }) => partnershipViews(ctx.ch, ctx.scope)),
  get: scopedProcedure.input(id).query(async ({ ctx, input }) => {
    requireInScope(ctx.scope.partnershipIds, input.id, 'partnership');
    return (await partnershipViews(ctx.ch, ctx.scope)).find((p) => p.id === input.id)!;
  }),
});
