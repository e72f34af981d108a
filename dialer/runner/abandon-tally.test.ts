// The abandon tally over each profile's period: the French campaign day, the UK's rolling 24 hours, the US's
// rolling 30 days; and the period's start in the campaign's time zone.
import { describe, expect, it } from 'vitest';
import { abandonPeriodStart, campaignDayStart } from '@/dialer/compliance/abandon-period';
import { AbandonTally } from './abandon-tally';

const H = 3_600_000;
const D = 24 * H;
const t = (iso: string) => Date.parse(iso);

describe('the abandon period', () => {
  it('starts at midnight in the campaign zone, 24 hours ago, or 30 days ago', () => {
    const now = t('2026-12-02T06:30:00Z'); // 07:30 in Paris, 01:30 in New York, 19:30 in Auckland
    expect(abandonPeriodStart('campaign_day', now, 'Europe/Paris')).toBe(t('2026-12-01T23:00:00Z'));
    expect(abandonPeriodStart('campaign_day', now, 'America/New_York')).toBe(t('2026-12-02T05:00:00Z'));
    expect(abandonPeriodStart('campaign_day', now, 'Pacific/Auckland')).toBe(t('2026-12-01T11:00:00Z'));
    expect(abandonPeriodStart('24h', now, 'Europe/London')).toBe(now - D);
    expect(abandonPeriodStart('30_days', now, 'America/New_York')).toBe(now - 30 * D);
  });

  it('follows the summer-time change: the campaign day of 29 March 2026 in Paris is 23 hours long', () => {
    expect(campaignDayStart(t('2026-03-29T12:00:00Z'), 'Europe/Paris')).toBe(t('2026-03-28T23:00:00Z'));
    expect(campaignDayStart(t('2026-03-30T12:00:00Z'), 'Europe/Paris')).toBe(t('2026-03-29T22:00:00Z'));
  });
});

describe('the abandon tally', () => {
  it('keeps the calls of the campaign day and starts the next one at zero', () => {
    const tally = new AbandonTally('campaign_day', 'Europe/Paris', [{ minute: t('2026-12-01T22:00:00Z'), humanAnswered: 40, dropped: 2 }]);
    tally.answered(t('2026-12-01T22:50:10Z'));
    tally.dropped(t('2026-12-01T22:50:10Z'));
    expect(tally.totals(t('2026-12-01T22:59:59Z'))).toEqual({ humanAnswered: 41, dropped: 3 });
    expect(tally.totals(t('2026-12-01T23:00:00Z'))).toEqual({ humanAnswered: 0, dropped: 0 });
    tally.answered(t('2026-12-01T23:05:00Z'));
    expect(tally.totals(t('2026-12-01T23:06:00Z'))).toEqual({ humanAnswered: 1, dropped: 0 });
  });

  it('lets the minutes older than 24 hours go one by one in the UK', () => {
    const now = t('2026-12-02T12:00:00Z');
    const tally = new AbandonTally('24h', 'Europe/London', [
      { minute: now - 25 * H, humanAnswered: 10, dropped: 1 },
      { minute: now - 23 * H, humanAnswered: 20, dropped: 1 },
      { minute: now - H, humanAnswered: 30, dropped: 0 },
    ]);
    // Midnight passes without a reset: the rolling period only lets go what is older than 24 hours.
    expect(tally.totals(now)).toEqual({ humanAnswered: 50, dropped: 1 });
    expect(tally.totals(now + 1.5 * H)).toEqual({ humanAnswered: 30, dropped: 0 });
  });

  it('counts the whole of the last 30 days in the US', () => {
    const now = t('2026-12-02T12:00:00Z');
    const tally = new AbandonTally('30_days', 'America/New_York', [
      { minute: now - 31 * D, humanAnswered: 100, dropped: 10 },
      { minute: now - 29 * D, humanAnswered: 100, dropped: 4 },
      { minute: now - 2 * D, humanAnswered: 100, dropped: 2 },
    ]);
    expect(tally.totals(now)).toEqual({ humanAnswered: 200, dropped: 6 });
    tally.dropped(now - 60_000);
    expect(tally.totals(now + 1.5 * D)).toEqual({ humanAnswered: 100, dropped: 3 });
  });
});
