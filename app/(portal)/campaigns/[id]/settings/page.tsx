'use client';
// One campaign's settings: edited by the outsourcer's managers and admins, read-only for the client and quality
// (the rules their campaign runs by: compliance profile, recording, consent). Its targets are in the brief; its alert
// rules follow the form.
import { use } from 'react';
import { Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { BriefLink, CampaignForm } from '@/app/components/campaigns/campaign-form';
import { useTRPC } from '@/app/trpc/client';
import { useErrorText, useT } from '@/app/i18n/client';
import { RuleEditor } from '@/app/components/alerts/rule-editor';

export default function CampaignSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = use(params);
  const t = useT();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const settings = useQuery(trpc.campaigns.settings.queryOptions({ campaignId: id }));
  if (settings.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (settings.isError) return <Text c="red" data-testid="campaign-error">{errorText(settings.error)}</Text>;
  const { campaign, settings: initial, editable, partnership_id } = settings.data;
  return (
    <Stack>
      <div>
        <Title order={2}>{t('campaign.settingsOf', { code: campaign.code })}</Title>
        <Text c="dimmed" size="sm">{campaign.name} · {campaign.client_name}</Text>
      </div>
      <CampaignForm key={JSON.stringify(initial)} initial={initial} mode={{ kind: 'edit', campaignId: campaign.id, code: campaign.code }} readOnly={!editable}
        footer={<BriefLink partnershipId={partnership_id} />} />
      <RuleEditor campaignId={campaign.id} />
    </Stack>
  );
}
