'use client';
// CSV import of call records for one campaign (outsourcer managers and admins). Anyone else is told who may use
// it, in the server's own refusal words, and never sees a form that would refuse them at the last click.
import { Suspense, type ReactNode } from 'react';
import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useRefusalText, useT } from '@/app/i18n/client';
import { useSelectedCampaign } from '@/app/components/campaign-picker';
import { useCurrentUser } from '@/app/components/current-user';
import { CdrImport } from '@/app/components/cdr-import';
import { CAMPAIGN_MANAGERS } from '@/server/tenancy/roles';

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
  const refusal = useRefusalText();
  const user = useCurrentUser();
  // The same rule as the import procedure (server/ingest/cdr-import-router.ts): its roles, outsourcer side only.
  const refused = !CAMPAIGN_MANAGERS.includes(user.role) ? refusal('error.reserved', { roles: CAMPAIGN_MANAGERS.join(', ') })
    : user.orgKind !== 'outsourcer' ? refusal('error.cdrImportOutsourcer') : null;
  const heading = (
    <div>
      <Title order={2}>{t('import.title')}</Title>
      <Text c="dimmed" size="sm">{t('import.lead')}</Text>
    </div>
  );
  return (
    <Stack>
      {refused ? <>{heading}<Alert color="gray" data-testid="import-refused">{refused}</Alert></> : (
        <Suspense fallback={<>{heading}<Loader size="sm" aria-label={t('common.loading')} /></>}>
          <Import heading={heading} />
        </Suspense>
      )}
    </Stack>
  );
}
