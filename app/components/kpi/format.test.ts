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

  it('shows the digits that set a value apart from the target or cap it is read against', () => {
    const fr = (v: string) => v.replace(/\s/gu, ' ');
    expect(fr(formatKpi('outbound_abandon_rate', 0.0302, 'fr'))).toBe('3 %');
    expect(fr(formatKpi('outbound_abandon_rate', 0.0302, 'fr', 0.03))).toBe('3,02 %');
    expect(fr(formatKpi('outbound_abandon_rate', 0.03, 'fr', 0.03))).toBe('3 %');
    expect(fr(formatKpi('service_level', 0.79996, 'fr', 0.8))).toBe('79,996 %');
    // Far enough apart: the usual precision.
    expect(fr(formatKpi('service_level', 0.7512, 'fr', 0.8))).toBe('75,1 %');
    expect(formatKpi('nps', 29.6, 'en', 30)).toBe('+29.6');
    expect(formatKpi('nps', 29.6, 'en')).toBe('+30');
  });
});
