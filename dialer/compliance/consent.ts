// Prior consent to canvassing (loi du 30 juin 2025, in force 11 August 2026): campaigns flagged
// consent_required dial only contacts whose consent covers them. A contact may hold several records (one per
// scope and channel); one valid record is enough. A refusal names what is wrong with the closest record:
// none at all, withdrawn, expired, or given for something else (another campaign, another channel).
export type ConsentScope = 'campaign' | 'client';
export type ConsentChannel = 'phone' | 'sms' | 'email';

export interface Consent {
  source: string;
  givenAt: number;
  /** `campaign`: that campaign only; `client`: every campaign of the client in this partnership. */
  scope: ConsentScope;
  campaignId?: string;
  channel: ConsentChannel;
  withdrawnAt?: number | null;
  expiresAt?: number | null;
}

export const CONSENT_RULES = ['consent_missing', 'consent_withdrawn', 'consent_expired', 'consent_out_of_scope'] as const;
export type ConsentRule = (typeof CONSENT_RULES)[number];

export type ConsentVerdict = { allowed: true } | { allowed: false; rule: ConsentRule; reason: string };

/** What the dial is for: a phone call of this campaign. */
export interface ConsentTarget { campaignId: string; channel: ConsentChannel }

const covers = (c: Consent, t: ConsentTarget) => c.channel === t.channel && (c.scope === 'client' || c.campaignId === t.campaignId);

/** One record: valid when given before now, not withdrawn, not expired, covering the campaign and the channel. */
export function checkOneConsent(now: number, target: ConsentTarget, consent: Consent): ConsentVerdict {
  if (!covers(consent, target)) {
    const what = consent.channel !== target.channel ? `the ${consent.channel} channel` : 'another campaign';
    return { allowed: false, rule: 'consent_out_of_scope', reason: `the consent covers ${what}` };
  }
  if (consent.withdrawnAt != null && consent.withdrawnAt <= now) return { allowed: false, rule: 'consent_withdrawn', reason: 'the consent was withdrawn' };
  if (consent.expiresAt != null && consent.expiresAt <= now) return { allowed: false, rule: 'consent_expired', reason: 'the consent has expired' };
  if (consent.givenAt > now) return { allowed: false, rule: 'consent_missing', reason: 'the consent is dated in the future' };
  return { allowed: true };
}

// When no record is valid, the refusal of the record that came closest: withdrawn and expired say more than a
// record for something else.
const CLOSENESS: Record<ConsentRule, number> = { consent_withdrawn: 3, consent_expired: 2, consent_missing: 1, consent_out_of_scope: 0 };

/** Valid when at least one of the contact's records is. */
export function checkConsent(now: number, target: ConsentTarget, consents: readonly Consent[]): ConsentVerdict {
  if (!consents.length) return { allowed: false, rule: 'consent_missing', reason: 'no consent on record for a consent-only campaign' };
  let closest: Extract<ConsentVerdict, { allowed: false }> | undefined;
  for (const consent of consents) {
    const v = checkOneConsent(now, target, consent);
    if (v.allowed) return v;
    if (!closest || CLOSENESS[v.rule] > CLOSENESS[closest.rule]) closest = v;
  }
  return closest!;
}
