'use client';
// The outsourcer's agents and their assignments (managers, quality, admins).
import { Stack, Title } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import { AgentTable } from '@/app/components/agent-table';

export default function TeamPage() {
  const t = useT();
  return (
    <Stack>
      <Title order={2}>{t('team.title')}</Title>
      <AgentTable />
    </Stack>
  );
}
