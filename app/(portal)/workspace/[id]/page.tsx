'use client';
// One partnership's workspace: brief, specification, contact files, training, recording rules, activity.
import { use } from 'react';
import { useRouter, useSearchParams } from 'next/navigation';
import Link from 'next/link';
import { Alert, Anchor, Badge, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCurrentUser } from '@/app/components/current-user';
import { useTRPC } from '@/app/trpc/client';
import { useT } from '@/app/i18n/client';
import { ActivityPanel } from '@/app/components/workspace/activity-panel';
import { BriefPanel } from '@/app/components/workspace/brief-panel';
import { ContactsPanel } from '@/app/components/workspace/contacts-panel';
import { SpecPanel } from '@/app/components/workspace/spec-panel';
import { TrainingPanel } from '@/app/components/workspace/training-panel';
import { RecordingPolicyPanel } from '@/app/components/quality/recordings/policy-panel';
import { WORKSPACE_EDITORS } from '@/server/tenancy/roles';

const TABS = ['brief', 'spec', 'contacts', 'training', 'recordings', 'activity'] as const;

export default function WorkspacePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = use(params);
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const search = useSearchParams();
  const user = useCurrentUser();
  const canEdit = WORKSPACE_EDITORS.includes(user.role);
  const workspaces = useQuery(trpc.workspace.activity.workspaces.queryOptions());
  const campaigns = useQuery(trpc.campaigns.list.queryOptions({ partnershipId: id }));
  const ws = workspaces.data?.find((w) => w.id === id);
  const tab = (TABS as readonly string[]).includes(search.get('tab') ?? '') ? search.get('tab')! : 'brief';
  if (workspaces.isPending) return <Loader size="sm" aria-label={t('common.loading')} data-testid="page-loading" />;
  if (workspaces.isError) return <Text c="red">{t('common.error')}</Text>;
  // Another client's partnership, or none: said so, never a bare code nor a blank page.
  if (!ws) {
    return (
      <Alert color="gray" data-testid="workspace-not-found">
        {t('ws.notFound')} <Anchor component={Link} href="/workspace">{t('ws.backToList')}</Anchor>
      </Alert>
    );
  }
  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={2} data-testid="workspace-title">{ws.name}</Title>
          <Text c="dimmed" size="sm">{ws.client_name} × {ws.outsourcer_name}</Text>
        </div>
      </Group>
      <Tabs value={tab} onChange={(v) => router.replace(`/workspace/${id}?tab=${v}`)} keepMounted={false}>
        <Tabs.List>
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`tab-${k}`} rightSection={k === 'activity' && ws.unread > 0 ? <Badge size="xs" color="red">{ws.unread}</Badge> : undefined}>
              {t(`ws.tab.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="brief" pt="md"><BriefPanel partnershipId={id} canEdit={canEdit} /></Tabs.Panel>
        <Tabs.Panel value="spec" pt="md"><SpecPanel partnershipId={id} canEdit={canEdit} /></Tabs.Panel>
        <Tabs.Panel value="contacts" pt="md">
          <ContactsPanel partnershipId={id} canEdit={canEdit} campaigns={(campaigns.data ?? []).filter((c) => c.direction === 'outbound')} />
        </Tabs.Panel>
        <Tabs.Panel value="training" pt="md"><TrainingPanel partnershipId={id} canEdit={canEdit} campaigns={campaigns.data} /></Tabs.Panel>
        <Tabs.Panel value="recordings" pt="md"><RecordingPolicyPanel partnershipId={id} /></Tabs.Panel>
        <Tabs.Panel value="activity" pt="md"><ActivityPanel partnershipId={id} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
