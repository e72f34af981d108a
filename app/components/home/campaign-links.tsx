'use client';
// A campaign's live page and report, from a home row or a wallboard tile.
import Link from 'next/link';
import { Anchor, Group } from '@mantine/core';
import { useT } from '@/app/i18n/client';

export const liveHref = (campaignId: string) => `/live?campaign=${encodeURIComponent(campaignId)}`;
export const reportHref = (campaignId: string) => `/report?campaign=${encodeURIComponent(campaignId)}`;

export function CampaignLinks({ campaignId, code }: { campaignId: string; code: string }) {
  const t = useT();
  return (
    <Group gap="sm" wrap="nowrap">
      <Anchor component={Link} href={liveHref(campaignId)} size="sm" data-testid={`live-link-${code}`}>{t('home.figures.live')}</Anchor>
      <Anchor component={Link} href={reportHref(campaignId)} size="sm" data-testid={`report-link-${code}`}>{t('home.figures.report')}</Anchor>
    </Group>
  );
}
