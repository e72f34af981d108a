'use client';
// The live monitor page: pick a campaign, watch it.
import { Suspense } from 'react';
import { Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import { useSelectedCampaign } from '@/app/components/campaign-picker';
import { LiveMonitor } from '@/app/components/kpi/live-monitor';

function Live() {
  const t = useT();
  const { campaignId, picker, empty, loading, failed } = useSelectedCampaign();
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('live.title')}</Title>
        {picker}
      </Group>
      {loading && <Loader size="sm" aria-label={t('common.loading')} data-testid="page-loading" />}
      {failed && <Text c="red">{t('common.error')}</Text>}
      {empty && <Text c="dimmed">{t('live.noCampaign')}</Text>}
      {campaignId && <LiveMonitor key={campaignId} campaignId={campaignId} />}
    </Stack>
  );
}

export default function LivePage() {
  return (
    <Suspense>
      <Live />
    </Suspense>
  );
}
