import { describe, expect, it } from 'vitest';
import { parseDay, showDay } from './day-text';

describe('day text', () => {
  it('reads a day typed the French way, day before month', () => {
    expect(parseDay('05/12/2026', 'fr')).toBe('2026-12-05');
    expect(parseDay('5/12/26', 'fr')).toBe('2026-12-05');
    expect(parseDay('05/12/2026', 'en')).toBe('2026-12-05');
    expect(parseDay('2026-12-05', 'en')).toBe('2026-12-05');
  });

  it('reads back what it shows, in both languages', () => {
    for (const locale of ['fr', 'en'] as const) {
      for (const day of Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}-1${m % 10}`)) expect(parseDay(showDay(day, locale), locale)).toBe(day);
    }
    expect(showDay('2026-12-05', 'fr')).toBe('5 déc. 2026');
    expect(showDay('2026-12-05', 'en')).toBe('5 Dec 2026');
  });

  it('refuses what is no day', () => {
    expect(parseDay('31/02/2026', 'fr')).toBeNull();
    expect(parseDay('demain', 'fr')).toBeNull();
    expect(parseDay('', 'en')).toBeNull();
    expect(parseDay('12/13/2026', 'en')).toBeNull();
  });
});
