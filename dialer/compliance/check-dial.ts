// One entry point the dialer calls before every dial; the first rule that refuses names the outcome
// `rejected_compliance` and its `rule`. Order: what blocks the whole campaign first, then the contact.
import { checkAttemptCap } from './attempt-cap';
import { checkCallerId } from './caller-id';
import { inCallingWindow, nextAllowedInstant } from './calling-window';
import { checkConsent, type Consent } from './consent';
import { checkContactHistory, checkDncList, type ContactHistory, type DncList } from './dnc';
import type { ComplianceProfile } from './profiles';

export interface DialContext {
  now: number;
  profile: ComplianceProfile;
  /** `ownedNumbers`: the inventory of the campaign's partnership (server/numbers/inventory.ts). */
  campaign: { id: string; callerId: string; automated: boolean; consentRequired: boolean; ownedNumbers: ReadonlySet<string> };
  dnc: DncList;
  contact: { phone: string; timeZone: string; previousAttempts: number[]; history: ContactHistory; consents?: readonly Consent[] };
}

export type DialVerdict = { allowed: true } | { allowed: false; rule: string; reason: string; retryAt?: number };

export function checkDial(c: DialContext): DialVerdict {
  const checks: (() => DialVerdict)[] = [
    () => checkCallerId(c.campaign.callerId, c.campaign.ownedNumbers, c.campaign.automated),
    // A stale list blocks every number, listed or not: checked before the number itself.
    () => checkDncList(c.now, c.dnc, c.contact.phone, c.profile.dncMaxAgeDays),
    () => checkContactHistory(c.now, c.contact.history, c.profile.abandonCooldownHours),
    () => (c.campaign.consentRequired ? checkConsent(c.now, { campaignId: c.campaign.id, channel: 'phone' }, c.contact.consents ?? []) : { allowed: true }),
    () => {
      const verdict = inCallingWindow(c.now, c.contact.timeZone, c.profile.window);
      if (verdict.allowed) return verdict;
      return { ...verdict, retryAt: nextAllowedInstant(c.now, c.contact.timeZone, c.profile.window) ?? undefined };
    },
    () => (c.profile.attemptCap ? checkAttemptCap(c.now, c.contact.previousAttempts, c.profile.attemptCap) : { allowed: true }),
  ];
  for (const check of checks) {
    const verdict = check();
    if (!verdict.allowed) return verdict;
  }
  return { allowed: true };
}
