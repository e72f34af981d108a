// Prior consent to canvassing (loi du 30 juin 2025, in force 11 August 2026): campaigns flagged
// consent_required dial only contacts whose consent covers them.
export interface Consent {
  source: string;
  givenAt: number;
  /** Purposes the contact agreed to, e.g. 'energy_offers'; '*' for any of the organization's. */
  scope: string[];
  withdrawnAt?: number;
  expiresAt?: number;
}

export type ConsentVerdict = { allowed: true } | { allowed: false; rule: 'consent_missing'; reason: string };

/** Valid when given before now, not withdrawn, not expired, and covering the campaign's purpose. */
export function checkConsent(now: number, purpose: string, consent: Consent | undefined): ConsentVerdict {
  if (!consent) return { allowed: false, rule: 'consent_missing', reason: 'no consent on record for a consent-only campaign' };
  if (consent.givenAt > now) return { allowed: false, rule: 'consent_missing', reason: 'the consent is dated in the future' };
  if (consent.withdrawnAt !== undefined && consent.withdrawnAt <= now) return { allowed: false, rule: 'consent_missing', reason: 'the consent was withdrawn' };
  if (consent.expiresAt !== undefined && consent.expiresAt <= now) return { allowed: false, rule: 'consent_missing', reason: 'the consent has expired' };
  if (!consent.scope.includes('*') && !consent.scope.includes(purpose)) {
    return { allowed: false, rule: 'consent_missing', reason: `the consent does not cover "${purpose}"` };
  }
  return { allowed: true };
}
