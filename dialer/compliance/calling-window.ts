// When a contact may be called: days and hours in the contact's own time zone (décret 2022-1313 for France).
import { TZDate } from '@date-fns/tz';
import { frenchHolidays, type HolidayOptions } from './holidays';

export interface CallingWindow {
  /** ISO weekdays allowed, 1 = Monday … 7 = Sunday. */
  days: number[];
  /** Local [start, end) ranges in minutes after midnight. */
  ranges: [number, number][];
  /** Never on the country's public holidays. */
  skipFrenchHolidays: boolean;
  holidays?: HolidayOptions;
}

const h = (hours: number, minutes = 0) => hours * 60 + minutes;

export const WINDOWS = {
  /** France: Monday–Friday, 10:00–13:00 and 14:00–20:00, never on public holidays. */
  france: { days: [1, 2, 3, 4, 5], ranges: [[h(10), h(13)], [h(14), h(20)]], skipFrenchHolidays: true },
  /** US Telemarketing Sales Rule: 08:00–21:00 local time, every day. */
  us: { days: [1, 2, 3, 4, 5, 6, 7], ranges: [[h(8), h(21)]], skipFrenchHolidays: false },
  /** UK (Ofcom guidance, no statutory hours): Monday–Saturday 08:00–21:00 as commonly applied. */
  uk: { days: [1, 2, 3, 4, 5, 6], ranges: [[h(8), h(21)]], skipFrenchHolidays: false },
} satisfies Record<string, CallingWindow>;

function localParts(instant: number, timeZone: string) {
  const local = new TZDate(instant, timeZone);
  const date = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
  return { date, year: local.getFullYear(), weekday: local.getDay() === 0 ? 7 : local.getDay(), minute: local.getHours() * 60 + local.getMinutes() };
}

export type WindowVerdict = { allowed: true } | { allowed: false; rule: 'public_holiday' | 'calling_hours'; reason: string };

export function inCallingWindow(instant: number, timeZone: string, window: CallingWindow): WindowVerdict {
  const p = localParts(instant, timeZone);
  if (window.skipFrenchHolidays && frenchHolidays(p.year, window.holidays).has(p.date)) {
    return { allowed: false, rule: 'public_holiday', reason: `${p.date} is a public holiday in France` };
  }
  if (!window.days.includes(p.weekday)) return { allowed: false, rule: 'calling_hours', reason: `no calls on this day of the week (${p.date}, ${timeZone})` };
  if (!window.ranges.some(([start, end]) => p.minute >= start && p.minute < end)) {
    return { allowed: false, rule: 'calling_hours', reason: `outside calling hours at ${String(Math.floor(p.minute / 60)).padStart(2, '0')}:${String(p.minute % 60).padStart(2, '0')} (${timeZone})` };
  }
  return { allowed: true };
}

const STEP = 15 * 60_000;

/**
 * The first minute at or after `instant` when calling is allowed, within 31 days (null if none).
 * Walks in 15-minute steps, then back minute by minute to the opening: exact for windows whose allowed
 * stretches last 15 minutes or more, as every preset's do.
 */
export function nextAllowedInstant(instant: number, timeZone: string, window: CallingWindow): number | null {
  let t = Math.ceil(instant / 60_000) * 60_000;
  if (inCallingWindow(t, timeZone, window).allowed) return t;
  const limit = t + 31 * 86_400_000;
  while (t <= limit) {
    const next = t + STEP;
    if (inCallingWindow(next, timeZone, window).allowed) {
      let first = next;
      while (first - 60_000 > t && inCallingWindow(first - 60_000, timeZone, window).allowed) first -= 60_000;
      return first;
    }
    t = next;
  }
  return null;
}
