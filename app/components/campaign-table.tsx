'use client';
// The campaigns the caller may see, as a table; the server has already filtered them by scope.
import { Badge, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useT } from '@/app/i18n/client';

const STATUS_COLOR = { draft: 'gray', active: 'green', paused: 'yellow', stopped: 'red' } as const;

export function CampaignTable() {
  const t = useT();
  const trpc = useTRPC();
  const campaigns = useQuery(trpc.campaigns.list.queryOptions());
  if (campaigns.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (campaigns.isError) return <Text c="red">{t('common.error')}</Text>;
  if (campaigns.data.length === 0) return <Text c="dimmed">{t('campaigns.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover data-testid="campaign-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('campaigns.code')}</Table.Th>
            <Table.Th>{t('campaigns.name')}</Table.Th>
            <Table.Th>{t('campaigns.client')}</Table.Th>
            <Table.Th>{t('campaigns.direction')}</Table.Th>
            <Table.Th>{t('campaigns.mode')}</Table.Th>
            <Table.Th>{t('campaigns.status')}</Table.Th>
            <Table.Th>{t('campaigns.timezone')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {campaigns.data.map((c) => (
            <Table.Tr key={c.id} data-testid="campaign-row">
              <Table.Td ff="monospace">{c.code}</Table.Td>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>{c.client_name}</Table.Td>
              <Table.Td>{t(`direction.${c.direction}`)}</Table.Td>
              <Table.Td>{t(`mode.${c.dial_mode}`)}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[c.status]} variant="light">{t(`status.${c.status}`)}</Badge>
              </Table.Td>
              <Table.Td>{c.time_zone}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
