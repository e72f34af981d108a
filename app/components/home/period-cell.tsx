'use client';
// A KPI of one campaign in a home table: today large and judged against its target, yesterday and the last
// 7 days beside it, each judged the same way.
import { Group, Stack, Text } from '@mantine/core';
import { useLocale, useT } from '@/app/i18n/client';
import { formatKpi, type KpiKey } from '@/app/components/kpi/format';
import type { RouterOutputs } from '@/app/trpc/types';
import { Figure, isCapped } from './figure';

type Row = RouterOutputs['home']['figures']['campaigns'][number];

export function PeriodCell({ row, kpi, target, cap, testId }: {
  row: Row; kpi: KpiKey; target?: number | null; cap?: number; testId: string;
}) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Stack gap={2}>
      <Figure kpi={kpi} value={row.today[kpi]} target={target} cap={cap} size="lg" testId={testId} />
      {target !== null && target !== undefined ? (
        <Text size="xs" c="dimmed">{t('kpi.target', { value: formatKpi(kpi, target, locale) })}</Text>
      ) : cap !== undefined && isCapped(kpi) && (
        // What a capped rate without a target of its own is read against.
        <Text size="xs" c="dimmed">{t('kpi.cap', { value: formatKpi(kpi, cap, locale) })}</Text>
      )}
      {/* One line per period, each kept whole: a narrow column wraps between periods, not inside a value. */}
      <Group gap={6} wrap="nowrap">
        <Text size="xs" c="dimmed" component="span">{t('home.figures.yesterday')}</Text>
        <Figure kpi={kpi} value={row.yesterday[kpi]} target={target} cap={cap} size="xs" />
      </Group>
      <Group gap={6} wrap="nowrap">
        <Text size="xs" c="dimmed" component="span">{t('home.figures.week')}</Text>
        <Figure kpi={kpi} value={row.week[kpi]} target={target} cap={cap} size="xs" />
      </Group>
    </Stack>
  );
}
