// The one reading of an instant a caller sends us (ingest records, the KPI query): ISO-8601 with Z or an offset,
// a real calendar date, as epoch milliseconds.
import { z } from 'zod';

// Naive timestamps would be read in the server's zone and silently shift calls: an offset or Z is required.
export const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
export const INSTANT_MAX_LENGTH = 40;

const digits2 = (s: string, at: number) => (s.charCodeAt(at) - 48) * 10 + s.charCodeAt(at + 1) - 48;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil), any year 0–9999. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

const monthDays = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

const DIGIT_AT = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

const isDigit = (s: string, at: number) => {
  const c = s.charCodeAt(at);
  return c >= 48 && c <= 57;
};

/**
 * Epoch ms of `YYYY-MM-DDTHH:MM:SS[.f{1,3}]Z` (what toISOString and most platforms write), computed rather
 * than through Date.parse, which costs about a third of a microsecond and is called ~3 times a call line;
 * `undefined` for any other form, which Date.parse then reads.
 */
export function canonicalInstantMs(s: string): number | undefined {
  const n = s.length;
  if (n < 20 || n > 24 || s.charCodeAt(n - 1) !== 90 /* Z */ || s.charCodeAt(10) !== 84 /* T */) return undefined;
  for (const at of DIGIT_AT) if (!isDigit(s, at)) return undefined;
  if (s[4] !== '-' || s[7] !== '-' || s[13] !== ':' || s[16] !== ':') return undefined;
  let ms = 0;
  if (n > 20) {
    if (s[19] !== '.' || n === 21) return undefined;
    for (let at = 20, scale = 100; at < n - 1; at++, scale /= 10) {
      if (!isDigit(s, at)) return undefined;
      ms += (s.charCodeAt(at) - 48) * scale;
    }
  }
  const year = digits2(s, 0) * 100 + digits2(s, 2);
  const month = digits2(s, 5);
  const day = digits2(s, 8);
  const hour = digits2(s, 11);
  const minute = digits2(s, 14);
  const second = digits2(s, 17);
  // Hour 24 and the like: left to Date.parse, the definition.
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > monthDays(year, month)) return NaN;
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + ms;
}

/** Epoch ms of a string that matches INSTANT_PATTERN, or NaN when it names no real date. */
export function instantMs(s: string): number {
  const canonical = canonicalInstantMs(s);
  if (canonical !== undefined) return canonical;
  const ms = Date.parse(s);
  const month = digits2(s, 5);
  const day = digits2(s, 8);
  if (Number.isNaN(ms) || month < 1 || month > 12 || day < 1) return NaN;
  // Date.parse rolls 30 February over to March: check the day against the month's length.
  if (day > 28 && day > new Date(Date.UTC(digits2(s, 0) * 100 + digits2(s, 2), month, 0)).getUTCDate()) return NaN;
  return ms;
}

/**
 * The instants the storage holds exactly: the rollups' DateTime is 32-bit unsigned seconds, so an earlier or later
 * call would wrap (a call of 1969 shown in 2106). Refused at the door rather than stored wrong.
 */
export const INSTANT_MIN_MS = 0; // 1970-01-01T00:00:00Z
export const INSTANT_MAX_MS = 4_294_967_295_000; // 2106-02-07T06:28:15Z
export const INSTANT_RANGE_TEXT = 'must be between 1970-01-01T00:00:00Z and 2106-02-07T06:28:15Z';

export function storableInstant(ms: number): boolean {
  return ms >= INSTANT_MIN_MS && ms <= INSTANT_MAX_MS;
}

/** A public input's instant as epoch ms: the ingest's fields and the KPI query's range alike, in the same words. */
export const instant = z
  .string()
  .max(INSTANT_MAX_LENGTH)
  .regex(INSTANT_PATTERN, 'must be an ISO-8601 timestamp with Z or an offset')
  .transform((s, ctx) => {
    const ms = instantMs(s);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: 'is not a valid date' });
      return z.NEVER;
    }
    if (!storableInstant(ms)) {
      ctx.addIssue({ code: 'custom', message: INSTANT_RANGE_TEXT });
      return z.NEVER;
    }
    return ms;
  });

/** A calendar day as `YYYY-MM-DD` (a brief's dates, an opt-out list's date), refusing days the month lacks. */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(instantMs(`${s}T00:00:00Z`)), 'is not a valid date');
