// The periods a home page compares a campaign over, in the campaign's own time zone: today so far, yesterday, and
// the last 7 days (today and the 6 days before it), so "today" on the home is the live monitor's "today".
import { addDays, startOfDay } from 'date-fns';
import { TZDate } from '@date-fns/tz';

export interface Period { from: number; to: number }
export interface HomePeriods { today: Period; yesterday: Period; week: Period }

export function homePeriods(now: number, timeZone: string): HomePeriods {
  const today = startOfDay(new TZDate(now, timeZone));
  // One minute past now: a call ended this very second is inside (as on the live monitor).
  const to = now + 60_000;
  return {
    today: { from: today.getTime(), to },
    yesterday: { from: addDays(today, -1).getTime(), to: today.getTime() },
    week: { from: addDays(today, -6).getTime(), to },
  };
}
