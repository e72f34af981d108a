import { describe, expect, it } from 'vitest';
import { idleText, whenText } from './idle-text';

const PARIS = 'Europe/Paris';

describe('the dialer card’s idle reasons', () => {
  it('says when calling resumes, in the campaign’s zone and the user’s language', () => {
    // Saturday 7 March 2026, 15:00 in Paris; calling resumes Monday 9 March, 10:00 Paris.
    const now = Date.UTC(2026, 2, 7, 14, 0);
    const monday = Date.UTC(2026, 2, 9, 9, 0);
    expect(idleText({ kind: 'outside_hours', resumesAt: monday }, { now, timeZone: PARIS, locale: 'fr' })).toBe('Hors des heures d’appel, reprise lundi 10:00.');
    expect(idleText({ kind: 'outside_hours', resumesAt: monday }, { now, timeZone: PARIS, locale: 'en' })).toBe('Outside calling hours, resumes Monday 10:00.');
    // The same instant read in New York's zone.
    expect(whenText(monday, now, 'America/New_York', 'en')).toBe('Monday 05:00');
    // Later the same day, and beyond the week.
    expect(whenText(Date.UTC(2026, 2, 10, 13, 0), Date.UTC(2026, 2, 10, 12, 30), PARIS, 'fr')).toBe('à 14:00');
    expect(whenText(Date.UTC(2026, 2, 20, 9, 0), now, PARIS, 'fr')).toBe('le 20/03 à 10:00');
  });

  it('words every other reason in French and English', () => {
    const o = { now: 0, timeZone: PARIS };
    expect(idleText({ kind: 'no_dialer', detail: 'no SIP proxy configured' }, { ...o, locale: 'fr' })).toBe('Aucun appel ne part : numéroteur indisponible (aucun proxy SIP configuré).');
    for (const kind of ['sip_down', 'no_caller_id', 'no_agent', 'all_paused', 'no_leads'] as const) {
      expect(idleText({ kind }, { ...o, locale: 'fr' })).toMatch(/^Aucun appel ne part/);
      expect(idleText({ kind }, { ...o, locale: 'en' })).toMatch(/^No call goes out/);
    }
    expect(idleText({ kind: 'no_lead_due', nextDueAt: null }, { ...o, locale: 'en' })).toBe('No lead due now.');
    // An inbound line takes calls rather than placing them.
    expect(idleText({ kind: 'no_dialer', detail: 'no SIP proxy configured' }, { ...o, locale: 'fr', inbound: true })).toBe('La ligne ne reçoit aucun appel : numéroteur indisponible (aucun proxy SIP configuré).');
    expect(idleText({ kind: 'no_agent' }, { ...o, locale: 'en', inbound: true })).toBe('No agent logged in to answer: callers will wait in the queue.');
  });
});
