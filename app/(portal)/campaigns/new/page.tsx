'use client';
// A new campaign, for the outsourcer's managers and admins: every setting, checked field by field.
import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCurrentUser } from '@/app/components/current-user';
import { CampaignForm, NEW_CAMPAIGN } from '@/app/components/campaigns/campaign-form';
import { useTRPC } from '@/app/trpc/client';
import { useT } from '@/app/i18n/client';
import { CAMPAIGN_MANAGERS } from '@/server/tenancy/roles';

export default function NewCampaignPage() {
  const t = useT();
  const trpc = useTRPC();
  const user = useCurrentUser();
  const allowed = user.orgKind === 'outsourcer' && CAMPAIGN_MANAGERS.includes(user.role);
  const partnerships = useQuery({ ...trpc.partnerships.list.queryOptions(), enabled: allowed });
  return (
    <Stack>
      <Title order={2}>{t('campaign.new')}</Title>
      <Text c="dimmed" size="sm">{t('campaign.newLead')}</Text>
      {!allowed ? <Alert color="gray">{t('error.campaignsOutsourcer')}</Alert>
        : partnerships.isPending ? <Loader size="sm" aria-label={t('common.loading')} />
        : partnerships.isError ? <Text c="red">{t('common.error')}</Text>
        : partnerships.data.length === 0 ? <Alert color="yellow">{t('campaign.noPartnership')}</Alert>
        : <CampaignForm initial={NEW_CAMPAIGN} mode={{ kind: 'create', partnerships: partnerships.data }} readOnly={false} />}
    </Stack>
  );
}
