// The numbers of the campaigns (inbound lines and presented caller IDs) as the routing of incoming calls sees
// them (pure), from the campaigns and their dialer settings.
import type { Campaign } from '@/clickhouse/queries/tenancy';
import type { Line } from './runner/inbound-routing';
import { DEFAULT_SETTINGS, type DialerSettings } from './runner/settings';

function lineOf(campaign: Campaign, settings: DialerSettings): Line | null {
  if (!settings.callerId) return null;
  return { campaignId: campaign.id, code: campaign.code, direction: campaign.direction, partnershipId: campaign.partnership_id, number: settings.callerId, status: settings.status };
}

/** The lines of the campaigns that have a number. */
export function linesOf(campaigns: readonly Campaign[], settings: ReadonlyMap<string, DialerSettings>): Line[] {
  return campaigns.flatMap((c) => lineOf(c, settings.get(c.id) ?? DEFAULT_SETTINGS) ?? []);
}
