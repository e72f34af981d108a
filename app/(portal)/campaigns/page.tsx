'use client';
// All campaigns in the caller's scope.
import { Stack, Title } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import { CampaignTable } from '@/app/components/campaign-table';

export default function CampaignsPage() {
  const t = useT();
  return (
    <Stack>
      <Title order={2}>{t('campaigns.title')}</Title>
      <CampaignTable />
    </Stack>
  );
}
