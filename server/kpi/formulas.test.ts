import { describe, expect, it } from 'vitest';
import {
  averageHandleTime, averageSpeedOfAnswer, contactRate, conversionRate, EMPTY_CALLS, firstCallResolution,
  inboundAbandonRate, netPromoterScore, occupancy, outboundAbandonRate, serviceLevel, callsPerAgentHour,
  addSal, listPenetration, salWindow,
} from './formulas';
import { kpiValues } from './report';

const sl = { answerSeconds: 20, shortAbandonSeconds: 5 };

describe('KPI formulas', () => {
  it('service level counts connected within T over connected plus abandons after S', () => {
    const inbound = {
      ...EMPTY_CALLS, calls: 10, connected: 7, abandoned: 3,
      connected_wait: { '0': 2, '20': 2, '21': 3 }, abandoned_wait: { '5': 1, '6': 1, '90': 1 },
    };
    // within 20 s: 4; denominator: 7 connected + 2 abandons after 5 s.
    expect(serviceLevel(inbound, sl)).toBeCloseTo(4 / 9);
    expect(serviceLevel(inbound, { answerSeconds: 21, shortAbandonSeconds: 0 })).toBeCloseTo(7 / 10);
  });

  it('answers null, not 0, when there is nothing to measure', () => {
    const values = kpiValues({ inbound: EMPTY_CALLS, outbound: EMPTY_CALLS, sl });
    for (const key of ['service_level', 'asa_seconds', 'abandon_rate', 'outbound_abandon_rate', 'contact_rate',
      'conversion_rate', 'aht_seconds', 'nps', 'resolution_seconds_mean', 'fcr', 'sal', 'occupancy'] as const) {
      expect(values[key], key).toBeNull();
    }
    expect(values).toMatchObject({ offered: 0, connected: 0, abandoned: 0, attempts: 0, nps_responses: 0 });
  });

  it('computes ASA, abandon rates, contact and conversion rates and AHT from totals', () => {
    const inbound = { ...EMPTY_CALLS, calls: 8, connected: 6, abandoned: 2, connected_queue_seconds: 60, talk_seconds: 600, hold_seconds: 30, wrap_seconds: 90, converted: 3 };
    const outbound = { ...EMPTY_CALLS, calls: 20, rejected: 4, human_answered: 5, dropped: 1, connected: 4 };
    expect(averageSpeedOfAnswer(inbound)).toBe(10);
    expect(inboundAbandonRate(inbound)).toBe(0.25);
    expect(outboundAbandonRate(outbound)).toBe(0.2);
    expect(contactRate(outbound)).toBe(5 / 16);
    expect(conversionRate(inbound)).toBe(0.5);
    expect(averageHandleTime(inbound)).toBe(120);
  });

  it('has no conversion rate where nothing converts (no success disposition in scope), unless a call came marked converted', () => {
    const service = { ...EMPTY_CALLS, calls: 8, connected: 6 };
    expect(conversionRate(service, false)).toBeNull();
    expect(conversionRate(service, true)).toBe(0);
    expect(conversionRate({ ...service, converted: 1 }, false)).toBe(1 / 6);
  });

  it('computes NPS from −100 to 100, FCR, occupancy and calls per agent-hour', () => {
    expect(netPromoterScore({ responses: 10, promoters: 6, detractors: 1 })).toBe(50);
    expect(netPromoterScore({ responses: 4, promoters: 0, detractors: 4 })).toBe(-100);
    expect(netPromoterScore({ responses: 0, promoters: 0, detractors: 0 })).toBeNull();
    expect(firstCallResolution({ cases_resolved: 4, resolved_first_call: 3, resolution_seconds_mean: 1, resolution_seconds_median: 1 })).toBe(0.75);
    const states = { handling_seconds: 2700, available_seconds: 900, logged_in_seconds: 3600 * 2 };
    expect(occupancy(states)).toBe(0.75);
    expect(callsPerAgentHour({ ...EMPTY_CALLS, connected: 30 }, states)).toBe(15);
  });

  it('computes SAL as contacts attempted over contacts in the list, null without a list', () => {
    expect(listPenetration({ contacts: 8, attempted: 6 })).toBe(0.75);
    expect(listPenetration({ contacts: 8, attempted: 0 })).toBe(0);
    expect(listPenetration({ contacts: 0, attempted: 0 })).toBeNull();
    expect(listPenetration(addSal({ contacts: 8, attempted: 6 }, { contacts: 2, attempted: 0 }))).toBe(0.6);
    const values = kpiValues({ inbound: EMPTY_CALLS, outbound: EMPTY_CALLS, sl, sal: { contacts: 4, attempted: 3, window_hours: 8 } });
    expect(values).toMatchObject({ sal: 0.75, sal_contacts: 4, sal_attempted: 3, sal_window_hours: 8 });
    expect(kpiValues({ inbound: EMPTY_CALLS, outbound: EMPTY_CALLS, sl })).toMatchObject({ sal: null, sal_contacts: 0, sal_attempted: 0, sal_window_hours: null });
  });

  it('measures SAL over the target’s window from the first attempt in the range, clipped to it, else over the range', () => {
    const H = 3_600_000;
    const range = { from: 0, to: 24 * H };
    expect(salWindow(range, 9 * H, 8)).toEqual({ from: 9 * H, to: 17 * H });
    expect(salWindow(range, 20 * H, 8)).toEqual({ from: 20 * H, to: 24 * H });
    expect(salWindow(range, 9 * H, null)).toEqual(range);
    expect(salWindow(range, null, 8)).toEqual(range);
    expect(salWindow(range, 9 * H, 0)).toEqual(range);
  });
});
