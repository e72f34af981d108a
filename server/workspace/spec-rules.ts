// Sign-off rules of the specification ("cahier des charges"), pure: one side proposes, the other signs,
// a signed version never changes, and only the newest version can be signed.
import type { Side, SpecVersion } from '@/clickhouse/queries/workspace';

export type SpecStatus = 'signed' | 'proposed' | 'superseded';

export function specStatus(version: Pick<SpecVersion, 'number' | 'signed_at'>, latestNumber: number): SpecStatus {
  if (version.signed_at) return 'signed';
  return version.number === latestNumber ? 'proposed' : 'superseded';
}

export type SignCheck = { ok: true } | { ok: false; reason: 'already_signed' | 'own_proposal' | 'superseded' };

export function canSign(version: Pick<SpecVersion, 'number' | 'signed_at' | 'proposed_side'>, latestNumber: number, side: Side): SignCheck {
  if (version.signed_at) return { ok: false, reason: 'already_signed' };
  if (version.number !== latestNumber) return { ok: false, reason: 'superseded' };
  if (version.proposed_side === side) return { ok: false, reason: 'own_proposal' };
  return { ok: true };
}

/** Edits never rewrite a version: they start the next number. */
export function nextSpecNumber(versions: Pick<SpecVersion, 'number'>[]): number {
  return versions.reduce((max, v) => Math.max(max, v.number), 0) + 1;
}
