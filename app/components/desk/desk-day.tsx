'use client';
// The agent's own day beside its calls: per campaign, calls handled, AHT and conversion against the campaign's
// targets (green when met, red when not), occupancy.
import { Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatKpi, meetsTarget, type KpiKey } from '@/app/components/kpi/format';
import { useLocale, useT } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc/client';

export function DeskDay() {
  const t = useT();
  const [locale] = useLocale();
  const trpc = useTRPC();
  const day = useQuery(trpc.desk.today.queryOptions(undefined, { refetchInterval: 30_000 }));
  if (!day.data?.length) return null;
  const cell = (key: KpiKey, value: number | null, target: number | null) => {
    const met = meetsTarget(key, value, target);
    return (
      <Table.Td c={met === null ? undefined : met ? 'teal.9' : 'red.9'}>
        {formatKpi(key, value, locale, target)}
        {target !== null && <Text span size="xs" c="dimmed"> / {formatKpi(key, target, locale)}</Text>}
      </Table.Td>
    );
  };
  return (
    <Paper withBorder p="md" data-testid="desk-day">
      <Title order={5}>{t('desk.day')}</Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th>{t('kpi.connected')}</Table.Th><Table.Th>{t('kpi.aht_seconds')}</Table.Th>
            <Table.Th>{t('kpi.conversion_rate')}</Table.Th><Table.Th>{t('kpi.occupancy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {day.data.map((d) => (
            <Table.Tr key={d.campaignId}>
              <Table.Td>{d.code}</Table.Td>
              <Table.Td>{formatKpi('connected', d.connected, locale)}</Table.Td>
              {cell('aht_seconds', d.aht_seconds, d.targets.aht_seconds)}
              {cell('conversion_rate', d.conversion_rate, d.targets.conversion_rate)}
              <Table.Td>{formatKpi('occupancy', d.occupancy, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">{t('desk.day.note')}</Text>
    </Paper>
  );
}
