'use client';
// SAL's target is a share of the list reached within a window (« 75 % en 8 h »): every page that shows the target
// says the window the same way.
import { useLocale, useT } from '@/app/i18n/client';
import { formatHours } from './format';

/** The words after SAL's target value (« en 8 h »), or undefined without a window. */
export function useSalWindow(): (hours: number | null | undefined) => string | undefined {
  const t = useT();
  const [locale] = useLocale();
  return (hours) => (hours ? t('kpi.salWindow', { hours: formatHours(hours, locale) }) : undefined);
}
