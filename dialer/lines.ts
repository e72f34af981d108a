// The numbers of the campaigns (inbound lines and presented caller IDs) as the routing of incoming calls sees
// them, read from the campaigns and their saved dialer settings.
import type { Clickhouse } from '@/clickhouse/client';
import { dialerSql } from '@/clickhouse/queries/dialer';
import type { Campaign } from '@/clickhouse/queries/tenancy';
import { numberConflict, type Line } from './runner/inbound-routing';
import { DEFAULT_SETTINGS, dialerSettings, type DialerSettings } from './runner/settings';

export function lineOf(campaign: Campaign, settings: DialerSettings): Line | null {
  if (!settings.callerId) return null;
  return { campaignId: campaign.id, code: campaign.code, direction: campaign.direction, partnershipId: campaign.partnership_id, number: settings.callerId, status: settings.status };
}

export async function loadLines(ch: Clickhouse, campaigns: readonly Campaign[]): Promise<Line[]> {
  if (!campaigns.length) return [];
  const saved = new Map((await dialerSql.settings(ch, campaigns.map((c) => c.id))).map((s) => [s.campaign_id, dialerSettings.parse(JSON.parse(s.settings))]));
  return campaigns.flatMap((c) => lineOf(c, saved.get(c.id) ?? DEFAULT_SETTINGS) ?? []);
}

export class NumberTakenError extends Error {}

/** Refuses a number another client's campaign (or another inbound line) already has. */
export async function assertNumberFree(ch: Clickhouse, campaigns: readonly Campaign[], campaign: Campaign, number: string): Promise<void> {
  const conflict = numberConflict(await loadLines(ch, campaigns), { campaignId: campaign.id, direction: campaign.direction, partnershipId: campaign.partnership_id }, number);
  if (conflict) throw new NumberTakenError(conflict);
}
