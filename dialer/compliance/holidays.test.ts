import { describe, expect, it } from 'vitest';
import { easterSunday, frenchHolidays } from './holidays';

describe('French public holidays', () => {
  it('finds Easter for known years', () => {
    expect(easterSunday(2024)).toEqual([3, 31]);
    expect(easterSunday(2025)).toEqual([4, 20]);
    expect(easterSunday(2026)).toEqual([4, 5]);
    expect(easterSunday(2027)).toEqual([3, 28]);
  });

  it('lists the eleven holidays, Easter-based ones included', () => {
    const h2025 = frenchHolidays(2025);
    expect(h2025.size).toBe(11);
    expect(h2025.has('2025-04-21')).toBe(true); // lundi de Pâques
    expect(h2025.has('2025-05-29')).toBe(true); // Ascension
    expect(h2025.has('2025-06-09')).toBe(true); // lundi de Pentecôte
    expect(frenchHolidays(2026).has('2026-05-14')).toBe(true); // Ascension
    expect(frenchHolidays(2027).has('2027-05-17')).toBe(true); // lundi de Pentecôte
    expect(frenchHolidays(2026).has('2026-07-14')).toBe(true);
    expect(frenchHolidays(2026).has('2026-12-26')).toBe(false);
  });

  it('adds Good Friday and 26 December in Alsace-Moselle', () => {
    const h = frenchHolidays(2026, { alsaceMoselle: true });
    expect(h.has('2026-04-03')).toBe(true);
    expect(h.has('2026-12-26')).toBe(true);
    expect(h.size).toBe(13);
  });
});
