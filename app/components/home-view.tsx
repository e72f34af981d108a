'use client';
// The home page of each role: what it is for, the figures in scope, and the lists that role works from. The client,
// the manager and the quality team open on their campaigns' KPIs, an admin on its side's (the contact center's
// wallboard, a client's campaigns against targets) with the counts it administers, an agent on its own day.
import { Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { SessionUser } from '@/server/auth/session-user';
import { useTRPC } from '@/app/trpc/client';
import { useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { CampaignTable } from './campaign-table';
import { AgentTable } from './agent-table';
import { UserTable } from './user-table';
import { ClientFigures } from './home/client-figures';
import { ManagerWallboard, WallboardLink } from './home/manager-wallboard';
import { QualityFigures } from './home/quality-figures';
import { AgentDay } from './home/agent-day';

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Card withBorder padding="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{label}</Text>
      <Text size="xl" fw={700}>{value}</Text>
    </Card>
  );
}

export function HomeView({ user }: { user: SessionUser }) {
  const t = useT();
  const trpc = useTRPC();
  const role = user.role;
  const counts = role === 'admin';
  // An admin sees its own side's figures: the contact center's wallboard, or a client's campaigns against targets.
  const clientFigures = role === 'client' || (role === 'admin' && user.orgKind !== 'outsourcer');
  const centerWallboard = role === 'manager' || (role === 'admin' && user.orgKind === 'outsourcer');
  const summary = useQuery({ ...trpc.home.summary.queryOptions(), enabled: counts });
  return (
    <Stack gap="lg" data-testid={`home-${role}`}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>{t(`home.${role}.title` as MessageKey)}</Title>
          <Text c="dimmed">{t(`home.${role}.lead` as MessageKey, { org: user.orgName })}</Text>
        </div>
        {clientFigures && <WallboardLink />}
      </Group>
      {clientFigures && <ClientFigures />}
      {centerWallboard && <ManagerWallboard />}
      {role === 'quality' && <QualityFigures />}
      {role === 'agent' && <AgentDay />}
      {!counts ? null : summary.data ? (
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          <Stat label={t('stat.partnerships')} value={summary.data.partnerships} />
          <Stat label={t('stat.campaigns')} value={summary.data.campaigns} />
          <Stat label={t('stat.inbound')} value={summary.data.inbound} />
          <Stat label={t('stat.outbound')} value={summary.data.outbound} />
          <Stat label={t('stat.active')} value={summary.data.active} />
        </SimpleGrid>
      ) : (
        <Loader size="sm" />
      )}
      <Stack gap="xs">
        <Title order={4}>{t('campaigns.title')}</Title>
        <CampaignTable />
      </Stack>
      {(role === 'manager' || role === 'quality') && (
        <Stack gap="xs">
          <Title order={4}>{t('team.title')}</Title>
          <AgentTable />
        </Stack>
      )}
      {role === 'admin' && (
        <Stack gap="xs">
          <Title order={4}>{t('users.title')}</Title>
          <UserTable />
        </Stack>
      )}
    </Stack>
  );
}
