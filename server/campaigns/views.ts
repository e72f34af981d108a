// Campaigns and partnerships as the portal shows them, within a scope: with the names of both sides.
import type { Clickhouse } from '@/clickhouse/client';
import { tenancy, type Campaign, type Partnership } from '@/clickhouse/queries/tenancy';
import type { Scope } from '@/server/tenancy/scope';

export interface PartnershipView extends Partnership {
  outsourcer_name: string;
  client_name: string;
}
export interface CampaignView extends Campaign {
  partnership_name: string;
  client_name: string;
  outsourcer_name: string;
  /** The organization that runs the campaign: its records are stored under it. */
  outsourcer_org_id: string;
  /** The client the campaign is run for. */
  client_org_id: string;
}

async function viewsOf(ch: Clickhouse, partnerships: Partnership[]): Promise<PartnershipView[]> {
  const orgIds = [...new Set(partnerships.flatMap((p) => [p.outsourcer_org_id, p.client_org_id]))];
  const names = new Map((orgIds.length ? await tenancy.organizationsByIds(ch, orgIds) : []).map((o) => [o.id, o.name]));
  return partnerships.map((p) => ({ ...p, outsourcer_name: names.get(p.outsourcer_org_id) ?? '', client_name: names.get(p.client_org_id) ?? '' }));
}

export async function partnershipViews(ch: Clickhouse, scope: Scope): Promise<PartnershipView[]> {
  const ids = [...scope.partnershipIds];
  return ids.length ? viewsOf(ch, await tenancy.partnershipsByIds(ch, ids)) : [];
}

function campaignView(c: Campaign, p: PartnershipView): CampaignView {
  return { ...c, partnership_name: p.name, client_name: p.client_name, outsourcer_name: p.outsourcer_name, outsourcer_org_id: p.outsourcer_org_id, client_org_id: p.client_org_id };
}

export async function campaignViews(ch: Clickhouse, scope: Scope): Promise<CampaignView[]> {
  const partnerships = await partnershipViews(ch, scope);
  if (partnerships.length === 0) return [];
  const byId = new Map(partnerships.map((p) => [p.id, p]));
  const campaigns = await tenancy.campaignsOfPartnerships(ch, [...byId.keys()]);
  return campaigns.filter((c) => scope.campaignIds.has(c.id)).map((c) => campaignView(c, byId.get(c.partnership_id)!));
}

/** One campaign of the scope, or undefined when the scope does not hold it (it then "does not exist"). */
export async function scopedCampaign(ch: Clickhouse, scope: Scope, campaignId: string): Promise<CampaignView | undefined> {
  if (!scope.campaignIds.has(campaignId)) return undefined;
  const campaign = (await tenancy.campaignsOfPartnerships(ch, [...scope.partnershipIds])).find((c) => c.id === campaignId);
  if (!campaign) return undefined;
  const [partnership] = await viewsOf(ch, await tenancy.partnershipsByIds(ch, [campaign.partnership_id]));
  return partnership && campaignView(campaign, partnership);
}

/**
 * Every campaign of every tenant, for the server's own work across tenants: the alert evaluator, which writes what
 * only a scope ever reads back. Never handed to a user (scripts/layers checks who imports these two).
 */
export async function systemCampaignViews(ch: Clickhouse): Promise<CampaignView[]> {
  const partnerships = await viewsOf(ch, await tenancy.allPartnerships(ch));
  if (partnerships.length === 0) return [];
  const byId = new Map(partnerships.map((p) => [p.id, p]));
  const campaigns = await tenancy.campaignsOfPartnerships(ch, [...byId.keys()]);
  return campaigns.map((c) => campaignView(c, byId.get(c.partnership_id)!));
}

/** One campaign of any tenant by its id, as `systemCampaignViews` would list it (undefined: none, or its partnership is gone). */
export async function systemCampaignView(ch: Clickhouse, id: string): Promise<CampaignView | undefined> {
  const [campaign] = await tenancy.campaignsByIds(ch, [id]);
  if (!campaign) return undefined;
  const [partnership] = await viewsOf(ch, await tenancy.partnershipsByIds(ch, [campaign.partnership_id]));
  return partnership && campaignView(campaign, partnership);
}
