'use client';
// A KPI of one campaign in a home table: today large and judged against its target, yesterday and the last
// 7 days beside it, each judged the same way.
import { Group, Stack, Text } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import type { KpiKey } from '@/app/components/kpi/format';
import type { RouterOutputs } from '@/app/trpc/types';
import { useSalWindow } from '@/app/components/kpi/sal-window';
import { Figure, TargetLine } from './figure';

type Row = RouterOutputs['home']['figures']['campaigns'][number];

export function PeriodCell({ row, kpi, target, cap, testId }: {
  row: Row; kpi: KpiKey; target?: number | null; cap?: number; testId: string;
}) {
  const t = useT();
  const salWindow = useSalWindow();
  return (
    <Stack gap={2}>
      <Figure kpi={kpi} value={row.today[kpi]} target={target} cap={cap} size="lg" testId={testId} />
      <TargetLine kpi={kpi} target={target} cap={cap} suffix={kpi === 'sal' ? salWindow(row.targets.target_sal_hours) : undefined} />
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
