'use client';
// The language on the client: `useT()` translates, `useLocale()` reads and switches it (cookie + refresh).
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { LOCALE_COOKIE, messages, translate, type Locale, type MessageKey } from './messages';
import { refusalVars } from '@/server/trpc/refusals';

const LocaleContext = createContext<Locale>('fr');

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useT() {
  const locale = useContext(LocaleContext);
  return useCallback((key: MessageKey, vars?: Record<string, string>) => translate(locale, key, vars), [locale]);
}

/**
 * The text of a failed call: a refusal the server worded for the user (server/trpc/user-error.ts) in the
 * user's language, anything else as it came.
 */
export function useErrorText() {
  const t = useT();
  const locale = useContext(LocaleContext);
  return useCallback((err: unknown) => {
    const i18n = (err as { data?: { i18n?: { key: string; vars: Record<string, string> } | null } } | null)?.data?.i18n;
    if (i18n && i18n.key in messages.en) return t(i18n.key as MessageKey, refusalVars(locale, i18n.vars));
    return err instanceof Error ? err.message : String(err);
  }, [t, locale]);
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
