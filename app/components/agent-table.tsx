'use client';
// The outsourcer's agents and the campaigns each is assigned to.
import { Badge, Group, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useT } from '@/app/i18n/client';

export function AgentTable() {
  const t = useT();
  const trpc = useTRPC();
  const agents = useQuery(trpc.team.agents.queryOptions());
  const campaigns = useQuery(trpc.campaigns.list.queryOptions());
  if (agents.isPending || campaigns.isPending) return <Loader size="sm" />;
  if (agents.isError || campaigns.isError) return <Text c="red">{t('common.error')}</Text>;
  const code = new Map(campaigns.data.map((c) => [c.id, c.code]));
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped data-testid="agent-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('team.name')}</Table.Th>
            <Table.Th>{t('team.email')}</Table.Th>
            <Table.Th>{t('team.team')}</Table.Th>
            <Table.Th>{t('team.campaigns')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agents.data.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.name} <Text span c="dimmed" size="xs">{a.agentCode}</Text></Table.Td>
              <Table.Td>{a.email}</Table.Td>
              <Table.Td>{a.team}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {a.campaignIds.map((id) => <Badge key={id} variant="outline" size="sm">{code.get(id)}</Badge>)}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
