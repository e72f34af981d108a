'use client';
// The full-screen wallboard for a wall TV: every campaign of the viewer's scope in large type, refreshed by the
// live push; `?rotate=10` shows one campaign at a time, the next every 10 seconds.
import { Suspense } from 'react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Anchor, Badge, Box, Group, Loader, Text, Title } from '@mantine/core';
import { useLocale, useT } from '@/app/i18n/client';
import { useWallboard } from '@/app/components/home/use-wallboard';
import { WallboardTiles } from '@/app/components/home/wallboard-tiles';
import { rotationSeconds, useRotation } from '@/app/components/home/rotation';
import { AlertBanners } from '@/app/components/alerts/alert-banners';
import { LIVE_STATUS_TEXT } from '@/app/components/kpi/use-live-updates';

function Wallboard() {
  const t = useT();
  const [locale] = useLocale();
  const rotate = rotationSeconds(useSearchParams().get('rotate'));
  const { query, alerts, status } = useWallboard();
  const count = query.data?.tiles.length ?? 0;
  const index = useRotation(rotate, count);
  const shown = query.data && rotate ? { ...query.data, tiles: query.data.tiles.slice(index, index + 1) } : query.data;
  return (
    <Box p="lg" mih="100vh" data-testid="wallboard">
      <Group justify="space-between" mb="md">
        <Group gap="md">
          <Title order={1} fz="clamp(22px, 3.4vh, 40px)">{t('home.wallboard.title')}</Title>
          <Badge size="xl" color={status === 'connected' ? 'green' : 'gray'} variant="dot" data-testid="wallboard-status">{t(LIVE_STATUS_TEXT[status])}</Badge>
          {rotate && count > 1 && <Text fz={20} c="dimmed">{t('home.wallboard.rotating', { seconds: String(rotate) })} · {index + 1} / {count}</Text>}
        </Group>
        <Group gap="md">
          {query.data && (
            <Text fz={20} c="dimmed" data-testid="wallboard-updated">
              {t('live.updated', { time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(query.data.asOf) })}
            </Text>
          )}
          <Anchor component={Link} href="/" size="sm" c="dimmed">{t('home.wallboard.back')}</Anchor>
        </Group>
      </Group>
      {shown && (
        <Box mb="md">
          <AlertBanners large showCampaign alerts={(alerts.data ?? []).filter((a) => shown.tiles.some((tile) => tile.campaign.id === a.campaign.id))}
            live={new Map(shown.tiles.map((tile) => [tile.campaign.id, { kpis: tile.kpis, queue: tile.queue }]))} />
        </Box>
      )}
      {query.isPending ? <Loader /> : query.isError ? <Text c="red" fz={24}>{t('home.wallboard.error')}</Text>
        : !shown || shown.tiles.length === 0 ? <Text c="dimmed" fz={24}>{t('home.wallboard.empty')}</Text> : <WallboardTiles data={shown} receivedAt={query.dataUpdatedAt} large />}
    </Box>
  );
}

export default function WallboardPage() {
  return (
    <Suspense>
      <Wallboard />
    </Suspense>
  );
}
