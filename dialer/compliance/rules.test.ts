import { describe, expect, it } from 'vitest';
import { checkAbandonRate, ringTimeout } from './abandon-cap';
import { checkAttemptCap } from './attempt-cap';
import { checkCallerId } from './caller-id';
import { checkDial, type DialContext } from './check-dial';
import { checkConsent } from './consent';
import { checkContactHistory, checkDncList, checkDncListAge } from './dnc';
import { PROFILES } from './profiles';

const DAY = 86_400_000;
const now = Date.UTC(2026, 2, 3, 10, 0); // Tuesday 11:00 in Paris

describe('attempt cap', () => {
  it('allows four attempts per rolling 30 days and says when the fifth frees', () => {
    expect(checkAttemptCap(now, [now - 29 * DAY, now - 3 * DAY, now - DAY]).allowed).toBe(true);
    const full = [now - 29 * DAY, now - 10 * DAY, now - 3 * DAY, now - DAY];
    expect(checkAttemptCap(now, full)).toMatchObject({ allowed: false, rule: 'attempt_cap', retryAt: now + DAY });
    // An attempt exactly 30 days old has left the window.
    expect(checkAttemptCap(now, [now - 30 * DAY, now - 10 * DAY, now - 3 * DAY, now - DAY]).allowed).toBe(true);
  });
});

describe('do-not-call, opt-out, refusal, abandon', () => {
  const list = { numbers: new Set(['+33612345678']), listDate: now - 31 * DAY };
  it('blocks listed numbers, and every number once the list is over 31 days old', () => {
    expect(checkDncList(now, list, '+33612345678')).toMatchObject({ allowed: false, rule: 'dnc' });
    expect(checkDncList(now, list, '+33698765432').allowed).toBe(true);
    expect(checkDncList(now, { ...list, listDate: now - 32 * DAY }, '+33698765432')).toMatchObject({ allowed: false, rule: 'dnc_list_stale' });
  });

  it('takes the list’s maximum age from the profile (UK: 28 days)', () => {
    expect(checkDncList(now, { ...list, listDate: now - 29 * DAY }, '+447700900123', PROFILES.uk.dncMaxAgeDays)).toMatchObject({ rule: 'dnc_list_stale' });
    expect(checkDncListAge(now, now - 28 * DAY, PROFILES.uk.dncMaxAgeDays).allowed).toBe(true);
  });

  it('keeps an opt-out forever, a refusal 60 days, an abandoned call 72 hours', () => {
    expect(checkContactHistory(now, { optedOutAt: now - 400 * DAY })).toMatchObject({ rule: 'opt_out' });
    expect(checkContactHistory(now, { refusedAt: now - 59 * DAY })).toMatchObject({ rule: 'refusal_cooldown', retryAt: now + DAY });
    expect(checkContactHistory(now, { refusedAt: now - 60 * DAY }).allowed).toBe(true);
    expect(checkContactHistory(now, { lastAbandonedAt: now - 71 * 3_600_000 })).toMatchObject({ rule: 'abandon_cooldown' });
    expect(checkContactHistory(now, { lastAbandonedAt: now - 72 * 3_600_000 }).allowed).toBe(true);
  });
});

describe('consent, caller ID, abandon rate, ring time', () => {
  it('accepts only consent that is given, current and covering the campaign and the phone', () => {
    const target = { campaignId: 'c1', channel: 'phone' as const };
    const consent = { source: 'web form', givenAt: now - DAY, scope: 'campaign' as const, campaignId: 'c1', channel: 'phone' as const };
    expect(checkConsent(now, target, [consent]).allowed).toBe(true);
    expect(checkConsent(now, target, [])).toMatchObject({ rule: 'consent_missing' });
    expect(checkConsent(now, { ...target, campaignId: 'c2' }, [consent])).toMatchObject({ rule: 'consent_out_of_scope', reason: 'the consent covers another campaign' });
    expect(checkConsent(now, { ...target, campaignId: 'c2' }, [{ ...consent, scope: 'client' }]).allowed).toBe(true);
    expect(checkConsent(now, target, [{ ...consent, channel: 'sms' }])).toMatchObject({ rule: 'consent_out_of_scope', reason: 'the consent covers the sms channel' });
    expect(checkConsent(now, target, [{ ...consent, withdrawnAt: now - 1 }])).toMatchObject({ rule: 'consent_withdrawn', reason: 'the consent was withdrawn' });
    expect(checkConsent(now, target, [{ ...consent, withdrawnAt: now + DAY }]).allowed).toBe(true);
    expect(checkConsent(now, target, [{ ...consent, expiresAt: now }])).toMatchObject({ rule: 'consent_expired' });
    expect(checkConsent(now, target, [{ ...consent, givenAt: now + 1 }])).toMatchObject({ rule: 'consent_missing', reason: 'the consent is dated in the future' });
    // One valid record is enough; without one, the closest refusal is named.
    expect(checkConsent(now, target, [{ ...consent, withdrawnAt: now - 1 }, { ...consent, scope: 'client' }]).allowed).toBe(true);
    expect(checkConsent(now, target, [{ ...consent, channel: 'email' }, { ...consent, expiresAt: now - 1 }])).toMatchObject({ rule: 'consent_expired' });
  });

  it('refuses invalid, foreign-owned and mobile caller IDs for automated campaigns', () => {
    const owned = new Set(['+33142000000', '+33612000000']);
    expect(checkCallerId('+33142000000', owned, true).allowed).toBe(true);
    expect(checkCallerId('+33612000000', owned, true)).toMatchObject({ reason: 'a French mobile number cannot present an automated campaign' });
    expect(checkCallerId('+33612000000', owned, false).allowed).toBe(true);
    expect(checkCallerId('+33143000000', owned, true)).toMatchObject({ rule: 'caller_id_not_owned', reason: expect.stringContaining('not a number of the organization') });
    expect(checkCallerId('+33612000000', new Set(['+33612000000']), true)).toMatchObject({ rule: 'caller_id_mobile' });
    expect(checkCallerId('0142000000', owned, true)).toMatchObject({ reason: expect.stringContaining('not a valid E.164') });
  });

  it('caps the abandon rate at 3 % once there is enough to judge, and rings at least 15 s', () => {
    expect(checkAbandonRate(100, 2).allowed).toBe(true);
    expect(checkAbandonRate(100, 3)).toMatchObject({ allowed: false, rule: 'abandon_rate_cap' });
    expect(checkAbandonRate(10, 5).allowed).toBe(true);
    expect(ringTimeout(8)).toBe(15);
    expect(ringTimeout(25)).toBe(25);
  });
});

describe('checkDial', () => {
  const base: DialContext = {
    now,
    profile: PROFILES.france,
    campaign: { id: 'c1', callerId: '+33142000000', automated: true, consentRequired: false, ownedNumbers: new Set(['+33142000000']) },
    dnc: { numbers: new Set(['+33611111111']), listDate: now - DAY },
    contact: { phone: '+33622222222', timeZone: 'Europe/Paris', previousAttempts: [], history: {} },
  };

  it('allows a clean dial and names the first rule that refuses, in order', () => {
    expect(checkDial(base)).toEqual({ allowed: true });
    expect(checkDial({ ...base, campaign: { ...base.campaign, callerId: '+33612000000' } })).toMatchObject({ rule: 'caller_id_not_owned' });
    expect(checkDial({ ...base, campaign: { ...base.campaign, ownedNumbers: new Set() } })).toMatchObject({ rule: 'caller_id_not_owned' });
    expect(checkDial({ ...base, dnc: { ...base.dnc, listDate: now - 40 * DAY } })).toMatchObject({ rule: 'dnc_list_stale' });
    expect(checkDial({ ...base, contact: { ...base.contact, phone: '+33611111111' } })).toMatchObject({ rule: 'dnc' });
    expect(checkDial({ ...base, campaign: { ...base.campaign, consentRequired: true } })).toMatchObject({ rule: 'consent_missing' });
    const consent = { source: 'web', givenAt: now - DAY, scope: 'client' as const, channel: 'phone' as const };
    expect(checkDial({ ...base, campaign: { ...base.campaign, consentRequired: true }, contact: { ...base.contact, consents: [consent] } })).toEqual({ allowed: true });
    expect(checkDial({ ...base, campaign: { ...base.campaign, consentRequired: true }, contact: { ...base.contact, consents: [{ ...consent, withdrawnAt: now - 1 }] } })).toMatchObject({ rule: 'consent_withdrawn' });
    // Saturday: the calling-hours rule answers, with when to try again (Monday 10:00 Paris = 09:00 UTC).
    expect(checkDial({ ...base, now: Date.UTC(2026, 2, 7, 10, 0) })).toMatchObject({ rule: 'calling_hours', retryAt: Date.UTC(2026, 2, 9, 9, 0) });
    expect(checkDial({ ...base, contact: { ...base.contact, previousAttempts: [1, 2, 3, 4].map((d) => now - d * DAY) } })).toMatchObject({ rule: 'attempt_cap' });
  });
});
