'use client';
// An agent's home: its day so far against the campaigns' targets (the desk's « Ma journée »), and the way to the desk.
import Link from 'next/link';
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useT } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc/client';
import { DeskDay } from '@/app/components/desk/desk-day';

export function AgentDay() {
  const t = useT();
  const trpc = useTRPC();
  // The same query as DeskDay's: one request, shared.
  const day = useQuery(trpc.desk.today.queryOptions(undefined, { refetchInterval: 30_000 }));
  return (
    <Stack gap="sm" data-testid="agent-day">
      {day.isPending ? <Loader size="sm" /> : day.isError ? <Text c="red">{t('common.error')}</Text>
        : day.data.length === 0 ? <Text c="dimmed">{t('home.agent.noCampaign')}</Text> : <DeskDay />}
      <Group>
        <Button component={Link} href="/desk" data-testid="open-desk">{t('home.agent.openDesk')}</Button>
      </Group>
    </Stack>
  );
}
