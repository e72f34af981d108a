import { describe, expect, it } from 'vitest';
import { formatHours, formatKpi, meetsTarget } from './format';

describe('KPI formatting', () => {
  it('writes SAL as a percentage and its window in hours, with the French decimal comma', () => {
    expect(formatKpi('sal', 0.425, 'fr').replace(/\s/gu, ' ')).toBe('42,5 %');
    expect(formatKpi('sal', 0.425, 'en')).toBe('42.5%');
    expect(formatKpi('sal', null, 'fr')).toBe('—');
    expect(formatHours(8, 'fr')).toBe('8');
    expect(formatHours(7.5, 'fr')).toBe('7,5');
    expect(formatKpi('sal_contacts', 1500, 'fr').replace(/\s/gu, ' ')).toBe('1 500');
    // Higher is better: at or over the target meets it.
    expect(meetsTarget('sal', 0.75, 0.75)).toBe(true);
    expect(meetsTarget('sal', 0.4, 0.75)).toBe(false);
  });
});
