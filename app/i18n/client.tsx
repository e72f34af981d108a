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

/** A refusal's text in the user's language, its roles named, not coded: for the server's refusals and a page's own. */
export function useRefusalText() {
  const t = useT();
  const locale = useContext(LocaleContext);
  return useCallback((key: MessageKey, vars: Record<string, string> = {}) => t(key, refusalVars(locale, vars)), [t, locale]);
}

/**
 * The text of a failed call: a refusal the server worded for the user (server/trpc/user-error.ts) in the
 * user's language, anything else as it came.
 */
export function useErrorText() {
  const refusal = useRefusalText();
  return useCallback((err: unknown) => {
    const i18n = (err as { data?: { i18n?: { key: string; vars: Record<string, string> } | null } } | null)?.data?.i18n;
    if (i18n && i18n.key in messages.en) return refusal(i18n.key as MessageKey, i18n.vars);
    return err instanceof Error ? err.message : String(err);
  }, [refusal]);
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
