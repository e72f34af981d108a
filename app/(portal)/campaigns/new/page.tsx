'use client';
// A new campaign, for the outsourcer's managers and admins (PageGate refuses the others): every setting, checked
// field by field.
import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { CampaignForm, NEW_CAMPAIGN } from '@/app/components/campaigns/campaign-form';
import { useTRPC } from '@/app/trpc/client';
import { useT } from '@/app/i18n/client';

export default function NewCampaignPage() {
  const t = useT();
  const trpc = useTRPC();
  const partnerships = useQuery(trpc.partnerships.list.queryOptions());
  return (
    <Stack>
      <Title order={2}>{t('campaign.new')}</Title>
      <Text c="dimmed" size="sm">{t('campaign.newLead')}</Text>
      {partnerships.isPending ? <Loader size="sm" aria-label={t('common.loading')} />
        : partnerships.isError ? <Text c="red">{t('common.error')}</Text>
        : partnerships.data.length === 0 ? <Alert color="yellow">{t('campaign.noPartnership')}</Alert>
        : <CampaignForm initial={NEW_CAMPAIGN} mode={{ kind: 'create', partnerships: partnerships.data }} readOnly={false} />}
    </Stack>
  );
}
