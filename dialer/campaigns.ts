// The campaigns and the agents the dialer works with, as the tenancy tables have them: every outsourcer's
// campaigns, the staff who take calls, and what a runner needs to know of its campaign.
import type { Clickhouse } from '@/clickhouse/client';
import { tenancy, type Campaign, type User } from '@/clickhouse/queries/tenancy';
import type { CampaignInfo } from './runner/campaign-info';

export async function allCampaigns(ch: Clickhouse): Promise<Campaign[]> {
  const orgs = await tenancy.organizationsOfKind(ch, 'outsourcer');
  const ps = (await Promise.all(orgs.map((o) => tenancy.partnershipsOfOrg(ch, o.id)))).flat();
  return ps.length ? tenancy.campaignsOfPartnerships(ch, [...new Set(ps.map((p) => p.id))]) : [];
}

/** The outsourcers' staff who take calls (those with an agent code and an active account). */
export async function outsourcerAgents(ch: Clickhouse): Promise<User[]> {
  const orgs = await tenancy.organizationsOfKind(ch, 'outsourcer');
  return (await Promise.all(orgs.map((o) => tenancy.usersOfOrg(ch, o.id)))).flat().filter((u) => u.agent_code && u.active !== 0);
}

export async function campaignInfo(ch: Clickhouse, campaign: Campaign): Promise<CampaignInfo> {
  const partnership = (await tenancy.partnershipsByIds(ch, [campaign.partnership_id]))[0]!;
  return {
    id: campaign.id, code: campaign.code, orgId: partnership.outsourcer_org_id, timeZone: campaign.time_zone,
    direction: campaign.direction, partnershipId: campaign.partnership_id, recording: campaign.recording === 1,
  };
}
