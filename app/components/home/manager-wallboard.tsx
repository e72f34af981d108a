'use client';
// The manager's home figures: every campaign as a wallboard tile, and the way to the full-screen wallboard.
import Link from 'next/link';
import { Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import { useWallboard } from './use-wallboard';
import { WallboardTiles } from './wallboard-tiles';
import { AlertBanners } from '@/app/components/alerts/alert-banners';
import { LIVE_STATUS_TEXT } from '@/app/components/kpi/use-live-updates';

export function ManagerWallboard() {
  const t = useT();
  const { query, alerts, status } = useWallboard();
  return (
    <Stack gap="xs" data-testid="manager-wallboard">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm">
          <Title order={4}>{t('home.wallboard.title')}</Title>
          <Badge color={status === 'connected' ? 'green' : 'gray'} variant="dot">{t(LIVE_STATUS_TEXT[status])}</Badge>
        </Group>
        <WallboardLink />
      </Group>
      {query.data && <AlertBanners showCampaign alerts={alerts.data ?? []}
        live={new Map(query.data.tiles.map((tile) => [tile.campaign.id, { kpis: tile.kpis, queue: tile.queue }]))} />}
      {query.isPending ? <Loader size="sm" /> : query.isError ? <Text c="red">{t('home.wallboard.error')}</Text>
        : query.data.tiles.length === 0 ? <Text c="dimmed">{t('home.wallboard.empty')}</Text> : <WallboardTiles data={query.data} receivedAt={query.dataUpdatedAt} />}
    </Stack>
  );
}

/** The full-screen wallboard, for the floor's TV (the client's home shows it too). */
export function WallboardLink() {
  const t = useT();
  return (
    <Button component={Link} href="/wallboard" variant="light" size="sm" title={t('home.wallboard.openHint')} data-testid="wallboard-link">
      {t('home.wallboard.open')}
    </Button>
  );
}
