'use client';
// FR / EN switch; the choice is kept in a cookie and wins over the browser's language.
import { SegmentedControl } from '@mantine/core';
import { useLocale, useT } from '@/app/i18n/client';
import type { Locale } from '@/app/i18n/messages';

export function LanguageSwitch() {
  const [locale, setLocale] = useLocale();
  const t = useT();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('nav.language')}
      value={locale}
      onChange={(value) => setLocale(value as Locale)}
      data={[
        { value: 'fr', label: 'FR' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
