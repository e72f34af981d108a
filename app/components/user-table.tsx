'use client';
// The organization's users, for its administrator.
import { Badge, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useT } from '@/app/i18n/client';

export function UserTable() {
  const t = useT();
  const trpc = useTRPC();
  const users = useQuery(trpc.team.users.queryOptions());
  if (users.isPending) return <Loader size="sm" />;
  if (users.isError) return <Text c="red">{t('common.error')}</Text>;
  return (
    <Table striped data-testid="user-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('team.name')}</Table.Th>
          <Table.Th>{t('team.email')}</Table.Th>
          <Table.Th>{t('users.role')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.data.map((u) => (
          <Table.Tr key={u.id}>
            <Table.Td>{u.name}</Table.Td>
            <Table.Td>{u.email}</Table.Td>
            <Table.Td><Badge variant="light">{t(`role.${u.role}`)}</Badge></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
