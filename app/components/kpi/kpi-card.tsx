'use client';
// One KPI: its value, and against its target or cap when it has one.
import { Badge, Card, Group, Text } from '@mantine/core';
import { useLocale, useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { formatKpi, meetsTarget, type KpiKey } from './format';

/** `targetSuffix`: what qualifies the target, after its value (SAL's window: "en 8 h"). */
export function KpiCard({ kpi, value, target, targetSuffix, cap, note }: {
  kpi: KpiKey; value: number | null; target?: number | null; targetSuffix?: string; cap?: number; note?: string;
}) {
  const t = useT();
  const [locale] = useLocale();
  // The campaign's target and, for a regulated KPI, the legal cap: both shown, the value red when either is missed.
  const goals = [
    ...(target !== null && target !== undefined ? [{ kind: 'target' as const, value: target }] : []),
    ...(cap !== undefined ? [{ kind: 'cap' as const, value: cap }] : []),
  ].map((g) => ({ ...g, met: meetsTarget(kpi, value, g.value) }));
  const missed = goals.some((g) => g.met === false);
  const label = t(`kpi.${kpi}` as MessageKey);
  return (
    <Card withBorder padding="sm" data-testid={`kpi-${kpi}`}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} lineClamp={2} title={label}>{label}</Text>
      <Text size="xl" fw={700} data-testid={`kpi-${kpi}-value`} c={missed ? 'red.7' : undefined}>
        {formatKpi(kpi, value, locale, (goals.find((g) => g.met === false) ?? goals[0])?.value)}
      </Text>
      <Group gap={6} mih={20}>
        {goals.map((g) => (
          <Badge key={g.kind} size="sm" variant="light" color={g.met === null ? 'gray' : g.met ? 'green' : 'red'} data-testid={`kpi-${kpi}-${g.kind}`}>
            {t(g.kind === 'cap' ? 'kpi.cap' : 'kpi.target', { value: [formatKpi(kpi, g.value, locale), g.kind === 'target' ? targetSuffix : ''].filter(Boolean).join(' ') })}
          </Badge>
        ))}
        {note && <Text size="xs" c="dimmed">{note}</Text>}
      </Group>
    </Card>
  );
}
