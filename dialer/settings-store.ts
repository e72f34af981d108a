// A campaign's dialer settings as saved: read back (the defaults for a campaign never configured), and changed
// by the one path every change takes, from the portal or the dialer: validated, its number checked against the
// other clients' campaigns, saved before it applies, so a restart keeps it.
import type { Clickhouse } from '@/clickhouse/client';
import { dialerSql } from '@/clickhouse/queries/dialer';
import type { Campaign } from '@/clickhouse/queries/tenancy';
import { allCampaigns } from './campaigns';
import { linesOf } from './lines';
import { checkCallerId } from './owned-numbers';
import { numberConflict } from './runner/inbound-routing';
import { DEFAULT_SETTINGS, settingsWith, type DialerSettings } from './runner/settings';

/**
 * A campaign never configured: the defaults with the dial mode it was provisioned with. From its first save on, the
 * dialer's settings hold its mode (the /dialer page changes it live); `campaigns.dial_mode` is only this default.
 */
function neverConfigured(campaign: Campaign): DialerSettings {
  return { ...DEFAULT_SETTINGS, mode: campaign.dial_mode === 'none' ? DEFAULT_SETTINGS.mode : campaign.dial_mode };
}

/** The campaign's saved settings, or those of a campaign never configured. */
export async function loadSettings(ch: Clickhouse, campaign: Campaign): Promise<DialerSettings> {
  const [saved] = await dialerSql.settings(ch, [campaign.id]);
  return saved ? settingsWith(JSON.parse(saved.settings) as Partial<DialerSettings>) : neverConfigured(campaign);
}

/** The saved settings of each campaign, those of a campaign never configured for the others. */
export async function savedSettings(ch: Clickhouse, campaigns: readonly Campaign[]): Promise<Map<string, DialerSettings>> {
  const saved = new Map(campaigns.map((c) => [c.id, neverConfigured(c)]));
  if (!campaigns.length) return saved;
  for (const s of await dialerSql.settings(ch, campaigns.map((c) => c.id))) saved.set(s.campaign_id, settingsWith(JSON.parse(s.settings) as Partial<DialerSettings>));
  return saved;
}

/**
 * Validates and saves `change` over `current`; throws NumberTakenError when the new number is another client's
 * campaign's, CallerIdRefused (owned-numbers.ts) when it is not in the inventory of the campaign's partnership.
 */
export async function saveSettingsChange(ch: Clickhouse, campaign: Campaign, current: DialerSettings, change: Partial<DialerSettings>, by: string): Promise<DialerSettings> {
  const next = settingsWith({ ...current, ...change });
  if (next.callerId && next.callerId !== current.callerId) {
    const all = await allCampaigns(ch);
    await assertNumberFree(ch, all, all.find((c) => c.id === campaign.id) ?? campaign, next.callerId);
    await checkCallerId(ch, campaign, next.callerId, campaign.direction === 'outbound' && next.mode !== 'preview');
  }
  await dialerSql.putSettings(ch, campaign.id, next, by);
  return next;
}

export class NumberTakenError extends Error {}

/** Refuses a number another client's campaign (or another inbound line) already has. */
async function assertNumberFree(ch: Clickhouse, campaigns: readonly Campaign[], campaign: Campaign, number: string): Promise<void> {
  const conflict = numberConflict(linesOf(campaigns, await savedSettings(ch, campaigns)), { campaignId: campaign.id, direction: campaign.direction, partnershipId: campaign.partnership_id }, number);
  if (conflict) throw new NumberTakenError(conflict);
}
