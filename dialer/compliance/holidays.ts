// French public holidays of a year (Code du travail L3133-1), Easter-based ones computed.
export interface HolidayOptions {
  /** Alsace-Moselle adds Good Friday and 26 December (Code du travail L3134-13). */
  alsaceMoselle?: boolean;
}

/** Easter Sunday (Gregorian, anonymous algorithm) as [month 1–12, day]. */
export function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Holidays as local calendar dates `YYYY-MM-DD`. */
export function frenchHolidays(year: number, options: HolidayOptions = {}): Set<string> {
  const [em, ed] = easterSunday(year);
  const easter = iso(year, em, ed);
  const days = [
    iso(year, 1, 1), iso(year, 5, 1), iso(year, 5, 8), iso(year, 7, 14), iso(year, 8, 15), iso(year, 11, 1), iso(year, 11, 11), iso(year, 12, 25),
    plusDays(easter, 1), // lundi de Pâques
    plusDays(easter, 39), // Ascension
    plusDays(easter, 50), // lundi de Pentecôte
  ];
  if (options.alsaceMoselle) days.push(plusDays(easter, -2), iso(year, 12, 26));
  return new Set(days);
}
