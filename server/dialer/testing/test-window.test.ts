// The integration tests' calling hours hold at any wall-clock time: open in Paris for the next two hours,
// across midnight, the DST changes, weekends and holidays, and closed in Auckland and Chatham meanwhile.
import { describe, expect, it } from 'vitest';
import { inCallingWindow } from '@/dialer/compliance/calling-window';
import { windowOpenInParisNow } from './test-window';

const instants = {
  'Saturday 00:30 UTC': '2026-12-05T00:30:00Z',
  'Sunday 23:59:40 in Paris': '2026-12-06T22:59:40Z',
  'midnight in Paris': '2026-12-06T23:00:00Z',
  'Monday 09:59:50 in Paris': '2026-12-07T08:59:50Z',
  'Christmas Day 11:00 in Paris': '2026-12-25T10:00:00Z',
  'New Year 00:59 in Paris': '2026-12-31T23:59:00Z',
  'the spring DST night, 01:59:30 in Paris': '2026-03-29T00:59:30Z',
  'the autumn DST night, 02:59:30 in Paris (first time)': '2026-10-25T00:59:30Z',
  'a summer evening, 22:30 in Paris': '2026-07-14T20:30:00Z',
};

describe('windowOpenInParisNow', () => {
  for (const [name, iso] of Object.entries(instants)) {
    it(`at ${name}: open in Paris for two hours, shut in Auckland and Chatham`, () => {
      const now = Date.parse(iso);
      const w = windowOpenInParisNow(now);
      for (let t = now; t <= now + 2 * 3_600_000; t += 60_000) {
        expect(inCallingWindow(t, 'Europe/Paris', w), new Date(t).toISOString()).toEqual({ allowed: true });
        expect(inCallingWindow(t, 'Pacific/Auckland', w).allowed, new Date(t).toISOString()).toBe(false);
        expect(inCallingWindow(t, 'Pacific/Chatham', w).allowed, new Date(t).toISOString()).toBe(false);
      }
      for (const [from, to] of w.ranges) expect(0 <= from && from < to && to <= 1440).toBe(true);
    });
  }
});
