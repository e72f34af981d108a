// The KPI request of one campaign over a range: its own ids, time zone and service-level thresholds, and the view the
// caller already holds (so the engine does not read the campaign again). The live monitor, the wallboard, the homes
// and the last-day fallback all ask this way, so the same range gives the same figures on every page.
import type { CampaignView } from '@/server/campaigns/views';
import { campaignSl, type KpiRequest } from './engine';

export const campaignRequest = (campaign: CampaignView, from: number, to: number): KpiRequest => ({
  campaignIds: [campaign.id], orgIds: [campaign.outsourcer_org_id], from, to, agents: [], timeZone: campaign.time_zone,
  sl: campaignSl(campaign), campaigns: [campaign],
});
