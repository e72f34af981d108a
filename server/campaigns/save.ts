// The one path a campaign's settings and targets are written by, from the portal's form and the public PUT: the
// settings checked with the shared schema (settings.ts), the code refused when taken (nothing written), the
// caller ID checked against the other clients' campaigns before anything is written, then the dialer's part and the
// campaigns row saved, each change with its audit line (campaign.create / campaign.update / campaign.targets).
import { randomUUID } from 'node:crypto';
import type { Clickhouse } from '@/clickhouse/client';
import { latestTargets, pickTargets, targetsSql, TARGET_KEYS, type Targets } from '@/clickhouse/queries/targets';
import { tenancy, type Campaign } from '@/clickhouse/queries/tenancy';
import { loadSettings, saveSettingsChange } from '@/dialer/settings-store';
import { DEFAULT_SETTINGS, type DialerSettings } from '@/dialer/runner/settings';
import { audited, type AuditActor } from '@/server/audit/record';
import { currentDialer } from '@/server/dialer/instance';
import { outsourcerCampaign } from './outsourcer-campaign';
import { catalogueOf, dialerPart, storedCatalogue, type CampaignSettings } from './settings';

export class CodeTakenError extends Error {
  constructor(readonly code: string) {
    super(`campaign code ${code} is already taken`);
  }
}
export class NoSuchCampaignError extends Error {}
/** A campaign's direction changes only while it is stopped and has no call in progress (its runner is rebuilt). */
export class DirectionChangeRefused extends Error {
  constructor(readonly reason: 'running' | 'busy') {
    super(reason === 'running' ? 'direction: stop the campaign before changing its direction' : 'direction: the campaign has calls in progress; change its direction once they end');
  }
}

export interface Writer extends AuditActor {
  /** Shown in the targets' history (a user's name, or the API key's). */
  name: string;
}

interface SaveRequest {
  outsourcerOrgId: string;
  partnership: { id: string; outsourcer_org_id: string; client_org_id: string };
  code: string;
  settings: CampaignSettings;
  /** create: refused when the code is taken; update: refused when it is not there; put: either. */
  mode: 'create' | 'update' | 'put';
  /** The targets to set (the public PUT): absent keys unchanged. */
  targets?: Partial<Targets>;
}

/** The settings as the form shows them: the campaigns row, the dialer's part, the catalogue. */
export async function campaignSettingsOf(ch: Clickhouse, campaign: Campaign) {
  const dialer = await loadSettings(ch, campaign);
  return {
    code: campaign.code,
    partnership_id: campaign.partnership_id,
    settings: {
      // An outbound campaign's mode is the dialer's (the /dialer page changes it live); `campaigns.dial_mode` is only
      // the mode of a campaign never configured (settings-store.ts).
      name: campaign.name, direction: campaign.direction, dial_mode: campaign.direction === 'outbound' ? dialer.mode : campaign.dial_mode,
      status: campaign.status, time_zone: campaign.time_zone,
      sl_threshold_seconds: campaign.sl_threshold_seconds, short_abandon_seconds: campaign.short_abandon_seconds,
      dispositions: storedCatalogue(campaign), recording: campaign.recording !== 0, script: campaign.script,
      compliance_profile: dialer.profile, ring_timeout_seconds: dialer.ringTimeoutSeconds, wrap_up_seconds: dialer.wrapSeconds,
      caller_id: dialer.callerId, consent_required: dialer.consentRequired, retry: dialer.retry,
    } satisfies CampaignSettings,
  };
}

export async function saveCampaign(ch: Clickhouse, writer: Writer, req: SaveRequest): Promise<{ campaign: Campaign; created: boolean; dialer: DialerSettings }> {
  const { settings: s, partnership } = req;
  const existing = await outsourcerCampaign(ch, req.outsourcerOrgId, req.code);
  if (existing && req.mode === 'create') throw new CodeTakenError(req.code);
  if (!existing && req.mode === 'update') throw new NoSuchCampaignError(req.code);
  const catalogue = catalogueOf(s, existing ? storedCatalogue(existing) : []);
  const before = existing ? await loadSettings(ch, existing) : null;
  // Unsaid, the mode stays the one the campaign dials in now: the dialer's for an outbound campaign.
  const currentMode = existing && before && existing.direction === 'outbound' ? before.mode : existing?.dial_mode;
  const dialMode = s.dial_mode ?? currentMode ?? (s.direction === 'inbound' ? 'none' : 'progressive');
  const campaign: Campaign = {
    id: existing?.id ?? randomUUID(),
    code: req.code,
    partnership_id: partnership.id,
    name: s.name,
    direction: s.direction,
    dial_mode: dialMode,
    status: s.status ?? existing?.status ?? 'active',
    time_zone: s.time_zone,
    sl_threshold_seconds: s.sl_threshold_seconds,
    short_abandon_seconds: s.short_abandon_seconds,
    dispositions: JSON.stringify(catalogue),
    success_dispositions: catalogue.filter((d) => d.success).map((d) => d.code),
    recording: (s.recording ?? (existing ? existing.recording !== 0 : true)) ? 1 : 0,
    script: s.script ?? existing?.script ?? '',
  };
  if (existing && existing.direction !== campaign.direction) {
    const refusal = before!.status === 'running' ? 'running' : (await currentDialer().dialer?.directionChangeRefusal(campaign.id)) ?? null;
    if (refusal) throw new DirectionChangeRefused(refusal);
  }
  const change = dialerPart({ ...s, dial_mode: dialMode }, before);
  const orgIds = [partnership.outsourcer_org_id, partnership.client_org_id];
  const created = !existing;
  const detail = existing ? changedSettings(existing, before!, campaign, change) : { code: campaign.code, direction: campaign.direction, dial_mode: dialMode };
  const dialer = await audited(ch, writer, {
    action: created ? 'campaign.create' : 'campaign.update',
    subject: { type: 'campaign', id: campaign.id },
    orgIds,
    summary: created ? `Campaign ${campaign.code} created` : `Campaign ${campaign.code} settings changed`,
    detail,
  }, async () => {
    // The dialer's part first: it refuses a number another client's campaign has before anything is written.
    const running = existing ? currentDialer().dialer : null;
    let next: DialerSettings;
    if (existing && running) {
      // The running dialer saves and applies its part (a new profile's abandon period at once), then the row.
      next = await running.configure(campaign.id, change, writer.id);
      await tenancy.putCampaigns(ch, [campaign]);
      // A new time zone applies to the running campaign at once; a new direction rebuilds its runner.
      await running.campaignChanged(campaign.id);
    } else {
      next = await saveSettingsChange(ch, campaign, before ?? { ...DEFAULT_SETTINGS, callerId: null }, change, writer.id);
      await tenancy.putCampaigns(ch, [campaign]);
    }
    return next;
  });
  if (req.targets) await saveTargets(ch, writer, { campaign, partnership, targets: req.targets });
  return { campaign, created, dialer };
}

function changedSettings(before: Campaign, beforeDialer: DialerSettings, after: Campaign, change: Partial<DialerSettings>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(after) as (keyof Campaign)[]) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out[k] = { before: before[k], after: after[k] };
  }
  for (const [k, v] of Object.entries(change)) {
    const was = beforeDialer[k as keyof DialerSettings];
    if (JSON.stringify(was) !== JSON.stringify(v)) out[k] = { before: was, after: v };
  }
  return out;
}

/**
 * A new revision of the campaign's targets (absent keys keep their value): the brief's targets, from either side,
 * or the public PUT. Nothing is written when nothing changes.
 */
export async function saveTargets(
  ch: Clickhouse, writer: Writer,
  { campaign, partnership, targets }: { campaign: Pick<Campaign, 'id' | 'code'>; partnership: { id: string; outsourcer_org_id: string; client_org_id: string }; targets: Partial<Targets> },
): Promise<{ revision: number; changed: string[] }> {
  const history = await targetsSql.history(ch, [campaign.id]);
  const current = pickTargets(history[0] ?? {});
  const next = pickTargets({ ...current, ...Object.fromEntries(Object.entries(targets).filter(([, v]) => v !== undefined)) });
  const changed = TARGET_KEYS.filter((k) => current[k] !== next[k]);
  if (changed.length === 0) return { revision: history[0]?.revision ?? 0, changed };
  const revision = (history[0]?.revision ?? 0) + 1;
  await audited(ch, writer, {
    action: 'campaign.targets',
    subject: { type: 'campaign', id: campaign.id },
    orgIds: [partnership.outsourcer_org_id, partnership.client_org_id],
    summary: `Targets of ${campaign.code} changed`,
    detail: Object.fromEntries(changed.map((k) => [k, { before: current[k], after: next[k] }])),
  }, () => targetsSql.put(ch, {
    ...next, campaign_id: campaign.id, partnership_id: partnership.id, revision,
    edited_by: writer.id, edited_by_name: writer.name, edited_at: new Date().toISOString(),
  }));
  // The abandon target is the pacing's: a running campaign paces under the new one from its next tick.
  await currentDialer().dialer?.targetsChanged(campaign.id);
  return { revision, changed };
}

export { latestTargets };
