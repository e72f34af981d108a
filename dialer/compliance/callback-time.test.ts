import { describe, expect, it } from 'vitest';
import { checkCallbackTime } from './callback-time';
import { WINDOWS } from './calling-window';

const paris = (iso: string) => Date.parse(iso);

describe('a callback time', () => {
  it('is allowed inside the contact’s calling hours', () => {
    // Wednesday 25 November 2026, 11:00 in Paris.
    expect(checkCallbackTime(paris('2026-11-25T10:00:00Z'), ['Europe/Paris'], WINDOWS.france)).toEqual({ allowed: true });
  });

  it('outside them, offers the next allowed time: after lunch, the next morning, Monday after a weekend', () => {
    // 13:30 → 14:00 the same day.
    expect(checkCallbackTime(paris('2026-11-25T12:30:00Z'), ['Europe/Paris'], WINDOWS.france)).toEqual({ allowed: false, next: paris('2026-11-25T13:00:00Z') });
    // 21:00 → 10:00 the next day.
    expect(checkCallbackTime(paris('2026-11-25T20:00:00Z'), ['Europe/Paris'], WINDOWS.france)).toEqual({ allowed: false, next: paris('2026-11-26T09:00:00Z') });
    // Saturday → Monday 10:00.
    expect(checkCallbackTime(paris('2026-11-28T10:00:00Z'), ['Europe/Paris'], WINDOWS.france)).toEqual({ allowed: false, next: paris('2026-11-30T09:00:00Z') });
  });

  it('needs every zone of the contact open at once', () => {
    // 10:00 in Paris is 09:00 in London: the UK contact's 10:00 opening is an hour later.
    const v = checkCallbackTime(paris('2026-11-25T09:00:00Z'), ['Europe/Paris', 'Europe/London'], WINDOWS.france);
    expect(v).toEqual({ allowed: false, next: paris('2026-11-25T10:00:00Z') });
  });
});
