import { describe, expect, it } from 'vitest';
import { normalisePhone } from '@/dialer/phone';
import { DEMO_LEADS_PER_CAMPAIGN, demoLeads } from './demo-leads';

describe('demoLeads', () => {
  it('gives each outbound campaign its own valid French numbers in the range kept for fiction', () => {
    const a = demoLeads(0);
    const b = demoLeads(1);
    expect(a).toHaveLength(DEMO_LEADS_PER_CAMPAIGN);
    const all = [...a, ...b].map((l) => l.phone);
    expect(new Set(all).size).toBe(all.length);
    for (const phone of all) {
      expect(phone).toMatch(/^\+3319900\d{4}$/);
      expect(normalisePhone(phone, 'FR')).toMatchObject({ ok: true, e164: phone, country: 'FR' });
    }
    expect(demoLeads(0)).toEqual(a);
  });

  it('mixes the customer behaviours like a real list: 35 % answer, 35 % never answer, 15 % busy, 10 % reject, 5 % hang up', () => {
    const digits = demoLeads(0).map((l) => l.phone.at(-1)!);
    const share = (re: RegExp) => digits.filter((d) => re.test(d)).length / digits.length;
    expect(share(/[0-389]/)).toBe(0.35);
    expect(share(/5/)).toBe(0.35);
    expect(share(/4/)).toBe(0.15);
    expect(share(/6/)).toBe(0.1);
    expect(share(/7/)).toBe(0.05);
  });
});
