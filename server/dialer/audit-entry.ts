// Pure: the audit line of a manager's dialer control (start, pause, stop, mode, pacing and line settings).
import type { DialerSettings, SettingsChange } from '@/dialer/runner/settings';
import type { AuditEntry } from '@/server/audit/record';
import type { CampaignView } from '@/server/campaigns/views';

export function dialerAuditEntry(campaign: CampaignView, before: DialerSettings, change: SettingsChange): AuditEntry {
  const changed = Object.fromEntries(
    Object.entries(change).filter(([k, v]) => v !== undefined && JSON.stringify(before[k as keyof DialerSettings]) !== JSON.stringify(v))
      .map(([k, v]) => [k, { before: before[k as keyof DialerSettings], after: v }]),
  );
  const status = change.status !== undefined && change.status !== before.status ? change.status : undefined;
  const action = status === 'running' ? 'dialer.start' : status ? 'dialer.stop' : change.mode !== undefined && change.mode !== before.mode ? 'dialer.mode' : 'dialer.settings';
  return {
    action,
    subject: { type: 'campaign', id: campaign.id },
    orgIds: [campaign.outsourcer_org_id, campaign.client_org_id],
    summary: campaign.code,
    detail: changed,
  };
}
