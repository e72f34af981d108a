// The numbers of the campaigns (inbound lines and presented caller IDs) as the routing of incoming calls sees
// them, read from the campaigns and their saved dialer settings.
import type { Clickhouse } from '@/clickhouse/client';
import { dialerSql } from '@/clickhouse/queries/dialer';
import type { Campaign } from '@/clickhouse/queries/tenancy';
import { numberConflict, type Line } from './runner/inbound-routing';
import { DEFAULT_SETTINGS, dialerSettings, type DialerSettings } from './runner/settings';

function lineOf(campaign: Campaign, settings: DialerSettings): Line | null {
  if (!settings.callerId) return null;
  return { campaignId: campaign.id, code: campaign.code, direction: campaign.direction, partnershipId: campaign.partnership_id, number: settings.callerId, status: settings.status };
}

/** The saved dialer settings of each campaign, the defaults for those never configured. */
export async function savedSettings(ch: Clickhouse, campaigns: readonly Campaign[]): Promise<Map<string, DialerSettings>> {
  const saved = new Map(campaigns.map((c) => [c.id, DEFAULT_SETTINGS]));
  if (!campaigns.length) return saved;
  for (const s of await dialerSql.settings(ch, campaigns.map((c) => c.id))) saved.set(s.campaign_id, dialerSettings.parse(JSON.parse(s.settings)));
  return saved;
}

/** The lines of the campaigns that have a number. */
export function linesOf(campaigns: readonly Campaign[], settings: ReadonlyMap<string, DialerSettings>): Line[] {
  return campaigns.flatMap((c) => lineOf(c, settings.get(c.id) ?? DEFAULT_SETTINGS) ?? []);
}

export class NumberTakenError extends Error {}

/** Refuses a number another client's campaign (or another inbound line) already has. */
export async function assertNumberFree(ch: Clickhouse, campaigns: readonly Campaign[], campaign: Campaign, number: string): Promise<void> {
  const conflict = numberConflict(linesOf(campaigns, await savedSettings(ch, campaigns)), { campaignId: campaign.id, direction: campaign.direction, partnershipId: campaign.partnership_id }, number);
  if (conflict) throw new NumberTakenError(conflict);
}
