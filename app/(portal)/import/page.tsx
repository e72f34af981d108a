'use client';
// CSV import of call records for one campaign (outsourcer managers and admins).
import { Suspense } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useT } from '@/app/i18n/client';
import { useSelectedCampaign } from '@/app/components/campaign-picker';
import { CdrImport } from '@/app/components/cdr-import';

function Import() {
  const t = useT();
  const trpc = useTRPC();
  const { campaignId, picker } = useSelectedCampaign();
  const campaign = useQuery(trpc.campaigns.list.queryOptions()).data?.find((c) => c.id === campaignId);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('import.title')}</Title>
          <Text c="dimmed" size="sm">{t('import.lead')}</Text>
        </div>
        {picker}
      </Group>
      {campaign && <CdrImport key={campaign.id} campaignId={campaign.id} campaignCode={campaign.code} timeZone={campaign.time_zone} />}
    </Stack>
  );
}

export default function ImportPage() {
  return (
    <Suspense>
      <Import />
    </Suspense>
  );
}
