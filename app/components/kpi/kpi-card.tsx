'use client';
// One KPI: its value, and against its target or cap when it has one.
import { Badge, Card, Group, Text } from '@mantine/core';
import { useLocale, useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { formatKpi, meetsTarget, type KpiKey } from './format';

export function KpiCard({ kpi, value, target, cap, note }: { kpi: KpiKey; value: number | null; target?: number | null; cap?: number; note?: string }) {
  const t = useT();
  const [locale] = useLocale();
  const goal = cap ?? target;
  const met = meetsTarget(kpi, value, goal);
  return (
    <Card withBorder padding="sm" data-testid={`kpi-${kpi}`}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} lineClamp={1}>{t(`kpi.${kpi}` as MessageKey)}</Text>
      <Text size="xl" fw={700} data-testid={`kpi-${kpi}-value`} c={met === false ? 'red.7' : undefined}>
        {formatKpi(kpi, value, locale)}
      </Text>
      <Group gap={6} mih={20}>
        {goal !== null && goal !== undefined && (
          <Badge size="sm" variant="light" color={met === null ? 'gray' : met ? 'green' : 'red'} data-testid={`kpi-${kpi}-target`}>
            {t(cap !== undefined ? 'kpi.cap' : 'kpi.target', { value: formatKpi(kpi, goal, locale) })}
          </Badge>
        )}
        {note && <Text size="xs" c="dimmed">{note}</Text>}
      </Group>
    </Card>
  );
}
