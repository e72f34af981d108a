// The request's language: the cookie set by the switcher, else the browser's Accept-Language.
import { cookies, headers } from 'next/headers';
import { isLocale, localeFromAcceptLanguage, LOCALE_COOKIE, type Locale } from './messages';

export async function requestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get('accept-language'));
}
