'use client';
// Agent comparison (outsourcer managers, quality, admins).
import { Stack, Title } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import { AgentComparison } from '@/app/components/kpi/agent-comparison';

export default function AgentsPage() {
  const t = useT();
  return (
    <Stack>
      <Title order={2}>{t('agents.title')}</Title>
      <AgentComparison />
    </Stack>
  );
}
