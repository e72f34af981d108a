'use client';
// CSV import of call records for one campaign (outsourcer managers and admins). Anyone else is told who may use it by
// the portal's page gate (page-access.ts, the navigation's rule) and never sees a form that would refuse them.
import { Suspense, type ReactNode } from 'react';
import { Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useT } from '@/app/i18n/client';
import { useSelectedCampaign } from '@/app/components/campaign-picker';
import { CdrImport } from '@/app/components/cdr-import';

function Import({ heading }: { heading: ReactNode }) {
  const t = useT();
  const trpc = useTRPC();
  const { campaignId, picker } = useSelectedCampaign();
  const campaigns = useQuery(trpc.campaigns.list.queryOptions());
  const campaign = campaigns.data?.find((c) => c.id === campaignId);
  return (
    <>
      <Group justify="space-between" align="flex-end">
        {heading}
        {picker}
      </Group>
      {campaigns.isPending ? <Loader size="sm" aria-label={t('common.loading')} />
        : campaigns.isError ? <Text c="red">{t('common.error')}</Text>
        : campaign && <CdrImport key={campaign.id} campaignId={campaign.id} campaignCode={campaign.code} timeZone={campaign.time_zone} />}
    </>
  );
}

export default function ImportPage() {
  const t = useT();
  const heading = (
    <div>
      <Title order={2}>{t('import.title')}</Title>
      <Text c="dimmed" size="sm">{t('import.lead')}</Text>
    </div>
  );
  return (
    <Stack>
      <Suspense fallback={<>{heading}<Loader size="sm" aria-label={t('common.loading')} /></>}>
        <Import heading={heading} />
      </Suspense>
    </Stack>
  );
}
