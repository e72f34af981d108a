'use client';
// CSV import of call records for one campaign (outsourcer managers and admins). Anyone else is told who may use it by
// the portal's page gate (page-access.ts, the navigation's rule) and never sees a form that would refuse them.
import { Suspense, type ReactNode } from 'react';
import { Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import { useSelectedCampaign } from '@/app/components/campaign-picker';
import { CdrImport } from '@/app/components/cdr-import';

function Import({ heading }: { heading: ReactNode }) {
  const t = useT();
  const { campaign, picker, loading, failed } = useSelectedCampaign();
  return (
    <>
      <Group justify="space-between" align="flex-end">
        {heading}
        {picker}
      </Group>
      {loading ? <Loader size="sm" aria-label={t('common.loading')} />
        : failed ? <Text c="red">{t('common.error')}</Text>
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
