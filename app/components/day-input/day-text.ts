// A calendar day as a person writes it and as the pages hand it on (yyyy-MM-dd): shown « 5 déc. 2026 » / « 5 Dec
// 2026 », typed in the French way (05/12/2026, 5/12/26), as shown, or yyyy-MM-dd. Day before month in both languages:
// the users are French first, and an English « 05/12 » would otherwise mean two different days.
import { format, isValid, parse } from 'date-fns';
import { enGB, fr } from 'date-fns/locale';

const LOCALES = { fr, en: enGB } as const;
const TYPED = ['yyyy-MM-dd', 'd/M/yyyy', 'd/M/yy', 'd.M.yyyy', 'd-M-yyyy', 'd MMM yyyy', 'd MMMM yyyy', 'd MMM. yyyy'];

/** yyyy-MM-dd of what was typed, or null when it is no day. */
export function parseDay(typed: string, locale: 'fr' | 'en'): string | null {
  const text = typed.trim().replace(/\s+/gu, ' ');
  if (!text) return null;
  const reference = new Date(2000, 0, 1);
  for (const pattern of TYPED) {
    const day = parse(text, pattern, reference, { locale: LOCALES[locale] });
    // A two-digit year is this century's; parse would also take « 1/1/2 » as year 2 with yyyy.
    if (isValid(day) && day.getFullYear() >= 1970 && day.getFullYear() <= 2105) return format(day, 'yyyy-MM-dd');
  }
  return null;
}

/** How a yyyy-MM-dd day reads in the user's language (parseDay reads it back). */
export function showDay(day: string, locale: 'fr' | 'en'): string {
  const date = parse(day.slice(0, 10), 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(date) ? format(date, 'd MMM yyyy', { locale: LOCALES[locale] }) : day;
}
