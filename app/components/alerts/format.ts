// How an alert's values and rule read on screen, in the user's language: percentages with a decimal comma in
// French, durations, callers, NPS points.
import type { AlertKpi, RuleCondition } from '@/server/alerts/kpis';
import { formatDuration, formatKpi } from '@/app/components/kpi/format';
import { useLocale, useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';

/** `against`: the rule's threshold beside it, so a value just over it does not read as the threshold itself. */
export function formatAlertValue(kpi: AlertKpi, value: number | null | undefined, locale: string, against?: number): string {
  if (value === null || value === undefined) return '—';
  // The queue's two figures are the dialer's, not KPIs of the module; every other one reads as the KPI pages write it.
  if (kpi === 'longest_wait_seconds') return formatDuration(value);
  if (kpi === 'callers_waiting') return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
  return formatKpi(kpi, value, locale, against);
}

/** How long ago `since` was, for "for 15 min": under a minute, minutes, then hours and minutes. */
export function elapsedParts(since: number, now: number): { key: 'lessThanMinute' } | { key: 'minutes'; minutes: number } | { key: 'hours'; hours: number; minutes: number } {
  const minutes = Math.floor(Math.max(0, now - since) / 60_000);
  if (minutes < 1) return { key: 'lessThanMinute' };
  if (minutes < 60) return { key: 'minutes', minutes };
  return { key: 'hours', hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/** A rule in words: "Taux de service sous 70 % · pendant 15 min". */
export function useRuleText() {
  const t = useT();
  const [locale] = useLocale();
  return (r: RuleCondition) => [
    t(`alerts.ruleText.${r.comparison}`, { kpi: t(`kpi.${r.kpi}` as MessageKey), threshold: formatAlertValue(r.kpi, r.threshold, locale) }),
    r.duration_minutes > 0 ? t('alerts.ruleText.for', { minutes: String(r.duration_minutes) }) : t('alerts.ruleText.atOnce'),
  ].join(' · ');
}
