'use client';
// The wallboard's grid: one tile per campaign with its figures now (service level or SAL, abandon, callers waiting,
// conversion, the day's calls) and its agents by state; each tile opens the campaign's live page. The manager's home
// shows it at page size, the wall TV's /wallboard large.
import Link from 'next/link';
import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useLocale, useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { formatKpi, type KpiKey } from '@/app/components/kpi/format';
import { AGENT_STATE_COLORS, type AgentState } from '@/app/components/agent-state-style';
import type { RouterOutputs } from '@/app/trpc/types';
import { Figure } from './figure';
import { liveHref } from './campaign-links';
import { abandonKpi, rateKpi, volumeKpi } from '@/server/home/kpi-choice';

export type Wallboard = RouterOutputs['home']['wallboard'];
type Tile = Wallboard['tiles'][number];

/** The states a supervisor counts agents in on the wall (ringing counts as on a call; offline is not there). */
const WALL_STATES: AgentState[] = ['available', 'on_call', 'wrapup', 'paused'];

/**
 * Type sizes: the home's page, the wall with several campaigns, the wall with one (rotation). On the wall they follow
 * the screen's height, so a 2 × 2 grid holds on a 768-line screen and one campaign fills a 1080-line TV.
 */
const SIZES = {
  page: { value: '26px', title: 'var(--mantine-font-size-lg)', small: 'var(--mantine-font-size-xs)', state: 'var(--mantine-font-size-sm)', dot: 10 },
  wall: { value: 'clamp(24px, 3.9vh, 64px)', title: 'clamp(18px, 2.6vh, 36px)', small: 'clamp(11px, 1.5vh, 20px)', state: 'clamp(13px, 1.7vh, 22px)', dot: 14 },
  single: { value: 'clamp(44px, 10vh, 140px)', title: 'clamp(28px, 5vh, 60px)', small: 'clamp(16px, 2.6vh, 30px)', state: 'clamp(18px, 2.8vh, 32px)', dot: 20 },
} as const;
type Size = (typeof SIZES)[keyof typeof SIZES];

function Metric({ label, children, size }: { label: string; children: React.ReactNode; size: Size }) {
  return (
    <Stack gap={0}>
      {/* Two lines kept for every label, so values line up across a tile whatever the language. */}
      <Text fz={size.small} c="dimmed" tt="uppercase" fw={700} lineClamp={2} mih="2.5em" lh={1.25} title={label}>{label}</Text>
      {children}
    </Stack>
  );
}

function CampaignTile({ tile, cap, size }: { tile: Tile; cap: number; size: Size }) {
  const large = size !== SIZES.page;
  const t = useT();
  const [locale] = useLocale();
  const { campaign, kpis, targets } = tile;
  const inbound = campaign.direction === 'inbound';
  const rate = rateKpi(campaign.direction);
  const abandon = abandonKpi(campaign.direction);
  const volume = volumeKpi(campaign.direction);
  const fz = size.value;
  const code = campaign.code;
  const label = (kpi: KpiKey) => t(`kpi.${kpi}` as MessageKey);
  const onCall = (tile.agentsByState.on_call ?? 0) + (tile.agentsByState.ringing ?? 0);
  const agents = (s: AgentState) => (s === 'on_call' ? onCall : tile.agentsByState[s] ?? 0);
  return (
    <Card withBorder padding={large ? 'lg' : 'md'} component={Link} href={liveHref(campaign.id)} data-testid={`tile-${code}`}
      style={{ textDecoration: 'none', color: 'inherit' }}>
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <div style={{ minWidth: 0 }}>
          <Text fz={size.title} fw={800} truncate title={`${code} · ${campaign.name}`}>{code} · {campaign.name}</Text>
          <Text fz={size.small} c="dimmed" truncate>{campaign.client_name} · {t(`home.figures.${campaign.direction}`)}</Text>
        </div>
        {campaign.status !== 'active' && <Badge color="gray" size={large ? 'xl' : 'sm'}>{t(`status.${campaign.status}`)}</Badge>}
      </Group>
      <SimpleGrid cols={3} spacing={large ? 'lg' : 'sm'} verticalSpacing="xs">
        <Metric label={label(rate.kpi)} size={size}>
          <Figure kpi={rate.kpi} value={kpis[rate.kpi]} target={targets[rate.target]} fz={fz} testId={`tile-${code}-rate`} />
        </Metric>
        <Metric label={label(abandon)} size={size}>
          <Figure kpi={abandon} value={kpis[abandon]} target={targets.target_abandon_rate} cap={cap} fz={fz} testId={`tile-${code}-abandon`} />
        </Metric>
        {inbound ? (
          <Metric label={t('home.tile.waiting')} size={size}>
            {/* Only a dialer in this process knows the queue: an externally run campaign has none to show. */}
            {tile.queue ? (
              <Text fz={fz} fw={700} data-testid={`tile-${code}-waiting`} c={tile.queue.waiting > 0 ? 'orange' : undefined}>
                {formatKpi('offered', tile.queue.waiting, locale)}
              </Text>
            ) : (
              // Words, not a dash: nobody is counted, which is not the same as nobody waiting.
              <Text fz={size.small} c="dimmed" data-testid={`tile-${code}-waiting`} title={t('home.tile.waitingUnknownWhy')}>{t('home.tile.waitingUnknown')}</Text>
            )}
          </Metric>
        ) : (
          <Metric label={t('live.inProgress')} size={size}>
            <Text fz={fz} fw={700} data-testid={`tile-${code}-in-progress`}>{formatKpi('connected', tile.callsInProgress, locale)}</Text>
          </Metric>
        )}
        <Metric label={label('conversion_rate')} size={size}>
          <Figure kpi="conversion_rate" value={kpis.conversion_rate} target={targets.target_conversion_rate} fz={fz} testId={`tile-${code}-conversion`} />
        </Metric>
        <Metric label={label(volume)} size={size}>
          <Text fz={fz} fw={700} data-testid={`tile-${code}-volume`}>{formatKpi(volume, kpis[volume], locale)}</Text>
        </Metric>
        <Metric label={label('connected')} size={size}>
          <Text fz={fz} fw={700} data-testid={`tile-${code}-connected`}>{formatKpi('connected', kpis.connected, locale)}</Text>
        </Metric>
      </SimpleGrid>
      <Text fz={size.small} c="dimmed" tt="uppercase" fw={700} mt={large ? 'md' : 'xs'}>{t('home.tile.agents')}</Text>
      <Group gap={large ? 'md' : 'sm'} data-testid={`tile-${code}-agents`}>
        {WALL_STATES.map((s) => (
          <Group key={s} gap={6} wrap="nowrap">
            <span aria-hidden style={{ width: size.dot, height: size.dot, borderRadius: '50%', background: `var(--mantine-color-${AGENT_STATE_COLORS[s]}-6)` }} />
            <Text fz={size.state}><b data-testid={`tile-${code}-${s}`}>{agents(s)}</b> {t(`state.${s}` as MessageKey)}</Text>
          </Group>
        ))}
      </Group>
    </Card>
  );
}

export function WallboardTiles({ data, large = false }: { data: Wallboard; large?: boolean }) {
  // On the wall: one campaign full width, up to four as a 2 × 2 grid, more in three columns on a wide screen.
  const cols = large ? (data.tiles.length <= 1 ? 1 : data.tiles.length <= 4 ? { base: 1, md: 2 } : { base: 1, md: 2, xl: 3 }) : { base: 1, sm: 2, xl: 3 };
  return (
    <SimpleGrid cols={cols} spacing={large ? 'lg' : 'md'} data-testid="wallboard-tiles">
      {data.tiles.map((tile) => <CampaignTile key={tile.campaign.id} tile={tile} cap={data.abandonCap} size={!large ? SIZES.page : data.tiles.length === 1 ? SIZES.single : SIZES.wall} />)}
    </SimpleGrid>
  );
}
