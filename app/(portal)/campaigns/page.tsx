'use client';
// All campaigns in the caller's scope; the outsourcer's managers and admins create one from here.
import Link from 'next/link';
import { Button, Group, Stack, Title } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import { CampaignTable } from '@/app/components/campaign-table';
import { useCurrentUser } from '@/app/components/current-user';
import { CAMPAIGN_MANAGERS } from '@/server/tenancy/roles';

export default function CampaignsPage() {
  const t = useT();
  const user = useCurrentUser();
  const canCreate = user.orgKind === 'outsourcer' && CAMPAIGN_MANAGERS.includes(user.role);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('campaigns.title')}</Title>
        {canCreate && <Button component={Link} href="/campaigns/new" data-testid="campaign-new">{t('campaign.new')}</Button>}
      </Group>
      <CampaignTable />
    </Stack>
  );
}
