'use client';
// The callbacks waiting in the agent's campaigns, soonest first: its own and those for the whole team.
import { Badge, Paper, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLocale, useT } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc/client';
import { displayPhone } from './display-phone';

export function DeskCallbacks() {
  const t = useT();
  const [locale] = useLocale();
  const trpc = useTRPC();
  const list = useQuery(trpc.desk.callbacks.queryOptions(undefined, { refetchInterval: 15_000 }));
  if (!list.data?.length) return null;
  const when = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(ms));
  return (
    <Paper withBorder p="md" data-testid="desk-callbacks">
      <Title order={5}>{t('desk.callbacks')}</Title>
      <Table>
        <Table.Tbody>
          {list.data.map((c) => (
            <Table.Tr key={`${c.campaignId}-${c.phone}`}>
              <Table.Td>{when(c.at)}</Table.Td>
              <Table.Td>{c.name || displayPhone(c.phone)}</Table.Td>
              <Table.Td>{c.code}</Table.Td>
              <Table.Td><Badge variant="light" color={c.personal ? 'blue' : 'gray'}>{t(c.personal ? 'desk.callbacks.mine' : 'desk.callbacks.anyone')}</Badge></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
