'use client';
// The workspaces of the signed-in user's partnerships, with what is new in each.
import Link from 'next/link';
import { Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCurrentUser } from '@/app/components/current-user';
import { useTRPC } from '@/app/trpc/client';
import { useT } from '@/app/i18n/client';
import { OptOutLists } from '@/app/components/workspace/opt-out-lists';
import { CAMPAIGN_MANAGERS } from '@/server/tenancy/roles';

export default function WorkspacesPage() {
  const t = useT();
  const trpc = useTRPC();
  const user = useCurrentUser();
  const workspaces = useQuery(trpc.workspace.activity.workspaces.queryOptions());
  return (
    <Stack>
      <div>
        <Title order={2}>{t('ws.title')}</Title>
        <Text c="dimmed" size="sm">{t('ws.lead')}</Text>
      </div>
      {workspaces.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {workspaces.isError && <Text c="red">{t('common.error')}</Text>}
      {workspaces.data?.length === 0 && <Text c="dimmed">{t('ws.none')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {workspaces.data?.map((w) => (
          <Card key={w.id} withBorder data-testid={`workspace-${w.client_name}`}>
            <Group justify="space-between" mb="xs">
              <Text fw={700}>{w.name}</Text>
              {w.unread > 0 && <Badge color="red" data-testid="workspace-unread">{t('ws.unread', { count: String(w.unread) })}</Badge>}
            </Group>
            <Text size="sm" c="dimmed">{w.client_name} × {w.outsourcer_name}</Text>
            <Button component={Link} href={`/workspace/${w.id}`} mt="md" variant="light">{t('ws.open')}</Button>
          </Card>
        ))}
      </SimpleGrid>
      {user.orgKind === 'outsourcer' && CAMPAIGN_MANAGERS.includes(user.role) && <OptOutLists />}
    </Stack>
  );
}
