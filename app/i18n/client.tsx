'use client';
// The language on the client: `useT()` translates, `useLocale()` reads and switches it (cookie + refresh).
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { LOCALE_COOKIE, translate, type Locale, type MessageKey } from './messages';

const LocaleContext = createContext<Locale>('fr');

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useT() {
  const locale = useContext(LocaleContext);
  return useCallback((key: MessageKey, vars?: Record<string, string>) => translate(locale, key, vars), [locale]);
}

export function useLocale(): [Locale, (next: Locale) => void] {
  const locale = useContext(LocaleContext);
  const router = useRouter();
  const setLocale = useCallback(
    (next: Locale) => {
      document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
      router.refresh();
    },
    [router],
  );
  return [locale, setLocale];
}
