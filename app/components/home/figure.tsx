'use client';
// One KPI value as the homes and the wallboard show it: green when its target is met, red when missed, plain
// without a target; an outbound abandon rate over the legal cap is red and flagged whatever its target says (the
// 3 % cap is the law's for automated outbound calls, PRODUCT §5: an inbound line's abandon has only its target).
import { Text, Tooltip, VisuallyHidden, type TextProps } from '@mantine/core';
import { useLocale, useT } from '@/app/i18n/client';
import { formatKpi, meetsTarget, type KpiKey } from '@/app/components/kpi/format';

const CAPPED: KpiKey[] = ['outbound_abandon_rate'];
/** Whether the law's cap applies to this KPI (the cap handed with any other is ignored). */
export const isCapped = (kpi: KpiKey) => CAPPED.includes(kpi);

export function Figure({ kpi, value, target, cap, testId, ...text }: {
  kpi: KpiKey; value: number | null; target?: number | null; cap?: number; testId?: string;
} & TextProps) {
  const t = useT();
  const [locale] = useLocale();
  const capped = cap !== undefined && isCapped(kpi);
  // Without a target of its own, a capped rate is read against the cap: under it is met, as the live page's badge says.
  const met = meetsTarget(kpi, value, target ?? (capped ? cap : null));
  const overCap = capped && meetsTarget(kpi, value, cap) === false;
  const color = overCap || met === false ? 'red' : met ? 'green' : undefined;
  const shown = (
    <Text component="span" fw={700} c={color} data-testid={testId} data-met={overCap ? 'over-cap' : met === null ? 'none' : String(met)}
      style={{ whiteSpace: 'nowrap' }} {...text}>
      {formatKpi(kpi, value, locale, overCap ? cap : target)}{overCap && <span style={{ fontSize: '0.6em', verticalAlign: 'super' }}> ⚠</span>}
    </Text>
  );
  if (!overCap) return shown;
  const why = t('home.figures.overCap', { cap: formatKpi(kpi, cap, locale) });
  // The sign is not the only cue: its words are in the tooltip, and in hidden text for screen readers.
  return <Tooltip label={why}><span>{shown}<VisuallyHidden>{why}</VisuallyHidden></span></Tooltip>;
}

/**
 * What a figure is read against, said under it: « Objectif 80 % », or « Plafond 3 % » for a capped rate without a
 * target. `suffix` qualifies the target (SAL's window: « en 8 h »).
 */
export function TargetLine({ kpi, target, cap, suffix, ...text }: { kpi: KpiKey; target?: number | null; cap?: number; suffix?: string } & TextProps) {
  const t = useT();
  const [locale] = useLocale();
  if (target !== null && target !== undefined) {
    return <Text size="xs" c="dimmed" {...text}>{t('kpi.target', { value: [formatKpi(kpi, target, locale), suffix].filter(Boolean).join(' ') })}</Text>;
  }
  if (cap !== undefined && isCapped(kpi)) return <Text size="xs" c="dimmed" {...text}>{t('kpi.cap', { value: formatKpi(kpi, cap, locale) })}</Text>;
  return null;
}
