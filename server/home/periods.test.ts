import { describe, expect, it } from 'vitest';
import { homePeriods } from './periods';

describe('homePeriods', () => {
  it('cuts days at midnight in the campaign’s time zone, across a DST change', () => {
    // Monday 27 Oct 2025, 10:00 in Paris; Sunday 26 was the 25-hour day (end of summer time).
    const now = Date.parse('2025-10-27T09:00:00Z');
    const p = homePeriods(now, 'Europe/Paris');
    expect(new Date(p.today.from).toISOString()).toBe('2025-10-26T23:00:00.000Z');
    expect(new Date(p.yesterday.from).toISOString()).toBe('2025-10-25T22:00:00.000Z');
    expect(p.yesterday.to).toBe(p.today.from);
    expect(new Date(p.week.from).toISOString()).toBe('2025-10-20T22:00:00.000Z');
    expect(p.today.to).toBeGreaterThan(now);
  });
});
