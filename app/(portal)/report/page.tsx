'use client';
// The campaign report page: pick a campaign and a range, read or export its KPIs by day.
import { Suspense } from 'react';
import { Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import { useSelectedCampaign } from '@/app/components/campaign-picker';
import { CampaignReport } from '@/app/components/kpi/campaign-report';

function Report() {
  const t = useT();
  const { campaign, picker, empty, loading, failed } = useSelectedCampaign();
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('report.title')}</Title>
        {picker}
      </Group>
      {loading && <Loader size="sm" aria-label={t('common.loading')} data-testid="page-loading" />}
      {failed && <Text c="red">{t('common.error')}</Text>}
      {empty && <Text c="dimmed">{t('live.noCampaign')}</Text>}
      {campaign && <CampaignReport key={campaign.id} campaignId={campaign.id} timeZone={campaign.time_zone} direction={campaign.direction} code={campaign.code} />}
    </Stack>
  );
}

export default function ReportPage() {
  return (
    <Suspense>
      <Report />
    </Suspense>
  );
}
