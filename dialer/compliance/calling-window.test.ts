import { describe, expect, it } from 'vitest';
import { inCallingWindow, nextAllowedInstant, WINDOWS } from './calling-window';

const paris = (local: string) => {
  // Local Paris wall time → instant, through the offset the zone has that day.
  const probe = new Date(`${local}Z`);
  const offset = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' }).formatToParts(probe).find((p) => p.type === 'timeZoneName')!.value;
  return Date.parse(`${local}${offset === 'GMT' ? 'Z' : offset.slice(3)}`);
};
const allowed = (t: number, tz = 'Europe/Paris') => inCallingWindow(t, tz, WINDOWS.france).allowed;

describe('French calling window', () => {
  it('opens at 10:00, closes 13:00–14:00 and at 20:00, local time', () => {
    expect(allowed(paris('2026-03-03T09:59:59'))).toBe(false);
    expect(allowed(paris('2026-03-03T10:00:00'))).toBe(true);
    expect(allowed(paris('2026-03-03T12:59:59'))).toBe(true);
    expect(allowed(paris('2026-03-03T13:00:00'))).toBe(false);
    expect(allowed(paris('2026-03-03T14:00:00'))).toBe(true);
    expect(allowed(paris('2026-03-03T19:59:00'))).toBe(true);
    expect(allowed(paris('2026-03-03T20:00:00'))).toBe(false);
  });

  it('never on weekends or public holidays', () => {
    expect(inCallingWindow(paris('2026-03-07T11:00:00'), 'Europe/Paris', WINDOWS.france)).toMatchObject({ allowed: false, rule: 'calling_hours' });
    expect(inCallingWindow(paris('2026-05-14T11:00:00'), 'Europe/Paris', WINDOWS.france)).toMatchObject({ allowed: false, rule: 'public_holiday' });
  });

  it('follows DST: 10:00 in Paris is 09:00 UTC in winter and 08:00 UTC in summer', () => {
    expect(allowed(Date.UTC(2026, 2, 27, 9, 0))).toBe(true); // Friday before the spring change
    expect(allowed(Date.UTC(2026, 2, 30, 8, 0))).toBe(true); // Monday after it: 10:00 CEST
    expect(allowed(Date.UTC(2026, 2, 30, 7, 59))).toBe(false);
    expect(allowed(Date.UTC(2026, 9, 26, 9, 0))).toBe(true); // Monday after the autumn change: 10:00 CET
    expect(allowed(Date.UTC(2026, 9, 26, 8, 59))).toBe(false);
  });

  it('judges a contact in Martinique by Martinique time', () => {
    // 15:00 UTC is 11:00 in Martinique (UTC−4) and 16:00 in Paris.
    expect(allowed(Date.UTC(2026, 2, 3, 15, 0), 'America/Martinique')).toBe(true);
    // 13:30 UTC is 09:30 in Martinique: too early there, fine in Paris.
    expect(allowed(Date.UTC(2026, 2, 3, 13, 30), 'America/Martinique')).toBe(false);
    expect(allowed(Date.UTC(2026, 2, 3, 13, 30), 'Europe/Paris')).toBe(true);
  });

  it('finds the next opening: after lunch, Monday after a weekend, the day after a holiday', () => {
    expect(nextAllowedInstant(paris('2026-03-03T13:20:00'), 'Europe/Paris', WINDOWS.france)).toBe(paris('2026-03-03T14:00:00'));
    expect(nextAllowedInstant(paris('2026-03-06T20:00:00'), 'Europe/Paris', WINDOWS.france)).toBe(paris('2026-03-09T10:00:00'));
    expect(nextAllowedInstant(paris('2026-05-13T21:00:00'), 'Europe/Paris', WINDOWS.france)).toBe(paris('2026-05-15T10:00:00'));
    const now = paris('2026-03-03T11:07:30');
    expect(nextAllowedInstant(now, 'Europe/Paris', WINDOWS.france)).toBe(paris('2026-03-03T11:08:00'));
  });

  it('uses the US preset hours, every day', () => {
    expect(inCallingWindow(Date.UTC(2026, 2, 7, 13, 0), 'America/New_York', WINDOWS.us).allowed).toBe(true); // Saturday 08:00 EST
    expect(inCallingWindow(Date.UTC(2026, 2, 7, 12, 59), 'America/New_York', WINDOWS.us).allowed).toBe(false);
  });
});
