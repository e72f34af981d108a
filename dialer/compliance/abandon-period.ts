// Over which period a profile measures the abandon rate (pure): the campaign day in France (from midnight in the
// campaign's time zone), the last 24 hours in the UK (Ofcom), the last 30 days in the US (TSR).
import { TZDate } from '@date-fns/tz';

export type AbandonPeriod = 'campaign_day' | '24h' | '30_days';

const HOUR = 3_600_000;

/** Midnight of `now`'s day in the campaign's time zone: the start of the "campaign day". */
export function campaignDayStart(now: number, timeZone: string): number {
  const local = new TZDate(now, timeZone);
  return new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), timeZone).getTime();
}

/** The first instant of the period that ends at `now`. */
export function abandonPeriodStart(period: AbandonPeriod, now: number, timeZone: string): number {
  if (period === 'campaign_day') return campaignDayStart(now, timeZone);
  return now - (period === '24h' ? 24 : 30 * 24) * HOUR;
}
