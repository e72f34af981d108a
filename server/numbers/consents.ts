// Consent records of a partnership's contacts (PRODUCT §5): written by the contact import and the public API,
// withdrawn through the API, read by the dialer before every dial of a consent-only campaign, exported for an
// audit. Every write and withdrawal has its audit line; a change reloads the dialer's copy of the partnership.
import { createHash } from 'node:crypto';
import type { Clickhouse } from '@/clickhouse/client';
import { numbersSql, type ConsentChannel, type ConsentRow, type ConsentScope } from '@/clickhouse/queries/numbers';
import { audited, type AuditActor } from '@/server/audit/record';
import { currentDialer } from '@/server/dialer/instance';
import type { ConsentFields } from './consent-line';

/** One record per (partnership, number, scope, campaign, channel): writing it again replaces it. */
export function consentId(partnershipId: string, phone: string, scope: ConsentScope, campaignId: string, channel: ConsentChannel): string {
  return createHash('sha256').update([partnershipId, phone, scope, scope === 'campaign' ? campaignId : '', channel].join('\u0000')).digest('hex').slice(0, 32);
}

export interface ConsentWhere { partnershipId: string; campaignId: string; orgIds: readonly string[] }

export function consentRow(where: { partnershipId: string; campaignId: string }, c: ConsentFields, origin: string, by: string, now: number): ConsentRow {
  const campaignId = c.scope === 'campaign' ? where.campaignId : '';
  return {
    id: consentId(where.partnershipId, c.phone_e164, c.scope, campaignId, c.channel), partnership_id: where.partnershipId, phone_e164: c.phone_e164,
    contact_ref: c.contact_ref, scope: c.scope, campaign_id: campaignId, channel: c.channel, source: c.source, given_at: c.given_at,
    expires_at: c.expires_at, proof_ref: c.proof_ref, withdrawn_at: null, origin, recorded_by: by, recorded_at: now,
  };
}

async function reloadDialer(partnershipIds: Iterable<string>): Promise<void> {
  const { dialer } = currentDialer();
  if (dialer) await Promise.all([...new Set(partnershipIds)].map((id) => dialer.partnershipRecords.refresh(id)));
}

/** Writes records (one audit line for the batch, `consent.import` from a file, `consent.record` from the API). */
export async function writeConsents(
  ch: Clickhouse, actor: AuditActor, action: 'consent.import' | 'consent.record', subject: { type: string; id: string }, orgIds: readonly string[], rows: ConsentRow[],
): Promise<void> {
  if (!rows.length) return;
  const partnerships = new Set(rows.map((r) => r.partnership_id));
  await audited(ch, actor, {
    action, subject, orgIds,
    summary: `${rows.length} consent record(s) ${action === 'consent.import' ? 'imported' : 'recorded'}`,
    detail: { records: rows.length, phones: rows.slice(0, 20).map((r) => r.phone_e164), partnerships: [...partnerships] },
  }, () => numbersSql.putConsents(ch, rows));
  await reloadDialer(partnerships);
}

export interface Withdrawal { partnershipId: string; phone: string; at: number; scope?: ConsentScope; channel?: ConsentChannel; /** One record only. */ recordId?: string }

/** Marks the matching records withdrawn; answers how many each withdrawal matched (0: nothing on record). */
export async function withdrawConsents(ch: Clickhouse, actor: AuditActor, orgIds: readonly string[], withdrawals: Withdrawal[], now = Date.now()): Promise<number[]> {
  const byPartnership = new Map<string, Withdrawal[]>();
  for (const w of withdrawals) byPartnership.set(w.partnershipId, [...(byPartnership.get(w.partnershipId) ?? []), w]);
  const current = new Map<string, ConsentRow[]>();
  for (const [pid, ws] of byPartnership) {
    for (const row of await numbersSql.consentsOfPhone(ch, pid, [...new Set(ws.map((w) => w.phone))])) {
      const key = `${pid}\u0000${row.phone_e164}`;
      current.set(key, [...(current.get(key) ?? []), row]);
    }
  }
  const changed = new Map<string, ConsentRow>();
  const counts = withdrawals.map((w) => {
    const rows = (current.get(`${w.partnershipId}\u0000${w.phone}`) ?? []).filter((r) => (!w.scope || r.scope === w.scope) && (!w.channel || r.channel === w.channel) && (!w.recordId || r.id === w.recordId));
    for (const r of rows) if (r.withdrawn_at === null) changed.set(r.id, { ...r, withdrawn_at: w.at, recorded_at: now });
    return rows.length;
  });
  if (changed.size) {
    const rows = [...changed.values()];
    await audited(ch, actor, {
      action: 'consent.withdraw', subject: { type: 'consent', id: rows[0]!.id }, orgIds,
      summary: `${rows.length} consent record(s) withdrawn`, detail: { records: rows.length, phones: rows.slice(0, 20).map((r) => r.phone_e164) },
    }, () => numbersSql.putConsents(ch, rows));
    await reloadDialer(rows.map((r) => r.partnership_id));
  }
  return counts;
}
