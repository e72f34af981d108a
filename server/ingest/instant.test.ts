// instantMs computes the common `…T…Z` form itself rather than through Date.parse: it must give Date.parse's
// answer (with the month-length check) on every string, canonical or not, valid or not.
import { describe, expect, it } from 'vitest';
import { calendarDay, INSTANT_PATTERN, instantMs } from './instant';
import { mulberry32 } from '@/dialer/pacing/random';

/** The definition: Date.parse, and no day past the month's end (Date.parse would roll it over). */
function reference(s: string): number {
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return NaN;
  const [year, month, day] = [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
  const length = new Date(0);
  length.setUTCFullYear(year, month, 0);
  return month < 1 || month > 12 || day < 1 || day > length.getUTCDate() ? NaN : ms;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('instantMs', () => {
  it('gives Date.parse’s epoch ms for toISOString output across four centuries', () => {
    const random = mulberry32(11);
    for (let i = 0; i < 20_000; i++) {
      const ms = Math.floor((random() * 2 - 0.5) * 8e12);
      const iso = new Date(ms).toISOString();
      expect(instantMs(iso)).toBe(ms);
    }
  });

  it('agrees with the definition on random field values, in and out of range', () => {
    const random = mulberry32(12);
    const field = (max: number) => Math.floor(random() * (max + 1));
    const fractions = ['', '.5', '.25', '.125', '.1234', '.'];
    let checked = 0;
    for (let i = 0; i < 50_000; i++) {
      const s = `${pad(field(9999), 4)}-${pad(field(13), 2)}-${pad(field(32), 2)}T${pad(field(25), 2)}:${pad(field(61), 2)}:${pad(field(61), 2)}${fractions[field(5)]}Z`;
      if (!INSTANT_PATTERN.test(s)) continue;
      const [got, want] = [instantMs(s), reference(s)];
      if (!Object.is(got, want)) expect({ s, got }).toEqual({ s, got: want });
      checked++;
    }
    expect(checked).toBeGreaterThan(40_000);
  });

  it('reads the other forms the pattern allows through Date.parse', () => {
    for (const s of ['2026-11-02T08:15:00+02:00', '2026-11-02T08:15+0200', '2026-11-02t08:15:00z', '2026-11-02T08:15Z', '2026-11-02T08:15:00.123456789Z', '2026-11-02T24:00:00Z']) {
      expect(Object.is(instantMs(s), reference(s))).toBe(true);
    }
    expect(instantMs('2026-11-02T08:15:00+02:00')).toBe(Date.UTC(2026, 10, 2, 6, 15));
  });

  it('refuses days that are not in the month, leap years included', () => {
    expect(instantMs('2026-02-29T10:00:00Z')).toBeNaN();
    expect(instantMs('2024-02-29T10:00:00Z')).toBe(Date.UTC(2024, 1, 29, 10));
    expect(instantMs('2100-02-29T10:00:00Z')).toBeNaN();
    expect(instantMs('2000-02-29T10:00:00.5Z')).toBe(Date.UTC(2000, 1, 29, 10, 0, 0, 500));
    expect(instantMs('2026-04-31T10:00:00Z')).toBeNaN();
    expect(instantMs('2026-13-01T10:00:00Z')).toBeNaN();
    expect(instantMs('2026-00-10T10:00:00Z')).toBeNaN();
  });
});

describe('calendarDay', () => {
  it('takes the portal’s YYYY-MM-DD days and refuses the ones the month lacks', () => {
    expect(calendarDay.parse('2026-12-05')).toBe('2026-12-05');
    expect(calendarDay.parse('2024-02-29')).toBe('2024-02-29');
    expect(calendarDay.safeParse('2026-02-30').error?.issues[0]?.message).toBe('is not a valid date');
    expect(calendarDay.safeParse('2026-13-01').success).toBe(false);
    expect(calendarDay.safeParse('5/12/2026').error?.issues[0]?.message).toBe('a date as YYYY-MM-DD');
  });
});
