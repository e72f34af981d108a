'use client';
// The campaigns the caller may see, as a table; the server has already filtered them by scope.
import Link from 'next/link';
import { Anchor, Badge, Group, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useT } from '@/app/i18n/client';
import { useCurrentUser } from '@/app/components/current-user';
import { PARTNERSHIP_MEMBERS } from '@/server/tenancy/roles';

const STATUS_COLOR = { draft: 'gray', active: 'green', paused: 'yellow', stopped: 'red' } as const;

export function CampaignTable() {
  const t = useT();
  const trpc = useTRPC();
  const user = useCurrentUser();
  // The settings, live and report pages: every member of the partnership (agents have no campaign pages).
  const seesSettings = PARTNERSHIP_MEMBERS.includes(user.role);
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
            {seesSettings && <Table.Th>{t('campaigns.follow')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {campaigns.data.map((c) => (
            <Table.Tr key={c.id} data-testid="campaign-row">
              <Table.Td ff="monospace">
                {seesSettings ? <Anchor component={Link} href={`/campaigns/${c.id}/settings`} data-testid="campaign-settings-link">{c.code}</Anchor> : c.code}
              </Table.Td>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>{c.client_name}</Table.Td>
              <Table.Td>{t(`direction.${c.direction}`)}</Table.Td>
              <Table.Td>{t(`mode.${c.dial_mode}`)}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[c.status]} variant="light">{t(`status.${c.status}`)}</Badge>
              </Table.Td>
              <Table.Td>{c.time_zone}</Table.Td>
              {seesSettings && (
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <Anchor component={Link} href={`/live?campaign=${encodeURIComponent(c.id)}`} size="sm" data-testid="campaign-live-link">{t('campaigns.live')}</Anchor>
                    <Anchor component={Link} href={`/report?campaign=${encodeURIComponent(c.id)}`} size="sm" data-testid="campaign-report-link">{t('campaigns.report')}</Anchor>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
