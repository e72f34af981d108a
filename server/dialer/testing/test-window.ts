// The calling hours the dialer's integration tests dial within: open now in Paris whatever the date and hour.
import { TZDate } from '@date-fns/tz';

/**
 * Calling hours open in Paris from an hour before `now` to four hours after, every day and on holidays: a test
 * dials within them whatever the date, across midnight (the range wraps) and across a DST change (an hour's
 * jump stays inside). Auckland, 10 to 12¾ hours ahead of Paris (Chatham included), stays outside them for ten hours.
 */
export function windowOpenInParisNow(now = Date.now()) {
  const paris = new TZDate(now, 'Europe/Paris');
  const minute = paris.getHours() * 60 + paris.getMinutes();
  const [from, to] = [minute - 60, minute + 240];
  const day = 24 * 60;
  const ranges: [number, number][] = from < 0 ? [[from + day, day], [0, to]] : to > day ? [[from, day], [0, to - day]] : [[from, to]];
  return { days: [1, 2, 3, 4, 5, 6, 7], ranges, skipFrenchHolidays: false, reason: 'test window around the current time in Paris' };
}
