'use client';
// The wallboard's grid: one tile per campaign with today's figures against their targets (service level or SAL,
// abandon, callers waiting and the longest wait, ASA, conversion, the day's calls; the last day with calls when today
// has none yet) and its agents by state; each tile opens the campaign's live page. The manager's home
// shows it at page size, the wall TV's /wallboard large.
import Link from 'next/link';
import { Badge, Card, Group, SimpleGrid, Stack, Text, type TextProps } from '@mantine/core';
import { useLocale, useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { formatKpi, type KpiKey } from '@/app/components/kpi/format';
import { AGENT_STATE_COLORS, type AgentState } from '@/app/components/agent-state-style';
import type { RouterOutputs } from '@/app/trpc/types';
import { LongestWait } from '@/app/components/kpi/longest-wait';
import { useSalWindow } from '@/app/components/kpi/sal-window';
import { targetOf } from '@/server/kpi/kpi-targets';
import { Figure, TargetLine } from './figure';
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
  page: { value: '26px', title: 'var(--mantine-font-size-lg)', small: 'var(--mantine-font-size-xs)', state: 'var(--mantine-font-size-sm)', dot: 10, lh: 1.4, labelLines: 2 },
  wall: { value: 'clamp(24px, 3.9vh, 64px)', title: 'clamp(18px, 2.6vh, 36px)', small: 'clamp(11px, 1.5vh, 20px)', state: 'clamp(13px, 1.7vh, 22px)', dot: 14, lh: 1.15, labelLines: 1 },
  single: { value: 'clamp(44px, 10vh, 140px)', title: 'clamp(28px, 5vh, 60px)', small: 'clamp(16px, 2.6vh, 30px)', state: 'clamp(18px, 2.8vh, 32px)', dot: 20, lh: 1.15, labelLines: 1 },
} as const;
type Size = (typeof SIZES)[keyof typeof SIZES];

function Metric({ label, children, size }: { label: string; children: React.ReactNode; size: Size }) {
  return (
    <Stack gap={0}>
      {/* On the page's narrow tiles, two lines kept for every label, so values line up across a tile whatever the
          language; on the wall one line is kept (its height is counted) and a long label (« Regulatory abandon rate »)
          takes a second rather than being cut: nobody hovers a TV for the rest. */}
      <Text fz={size.small} c="dimmed" tt="uppercase" fw={700} lineClamp={2} mih={`${1.25 * size.labelLines}em`} lh={1.25}>{label}</Text>
      {children}
    </Stack>
  );
}

/** A figure that is a count or a duration, at the tile's size. */
function Value({ at, testId, children, ...text }: { at: Size; testId: string; children: React.ReactNode } & TextProps) {
  return <Text fz={at.value} fw={700} lh={at.lh} style={{ whiteSpace: 'nowrap' }} data-testid={testId} {...text}>{children}</Text>;
}

/** A KPI judged against its target (or the law's cap), with what it is read against under it. */
function Judged({ kpi, tile, kpis, cap, size, testId }: { kpi: KpiKey; tile: Tile; kpis: Tile['kpis']; cap: number; size: Size; testId: string }) {
  const target = targetOf(kpi, tile.targets);
  const salWindow = useSalWindow();
  return (
    <>
      <Figure kpi={kpi} value={kpis[kpi]} target={target} cap={cap} fz={size.value} lh={size.lh} testId={testId} />
      <TargetLine kpi={kpi} target={target} cap={cap} suffix={kpi === 'sal' ? salWindow(tile.targets.target_sal_hours) : undefined}
        fz={size.small} data-testid={`${testId}-target`} />
    </>
  );
}

function CampaignTile({ tile, cap, size, receivedAt }: { tile: Tile; cap: number; size: Size; receivedAt: number }) {
  const large = size !== SIZES.page;
  const t = useT();
  const [locale] = useLocale();
  const { campaign, queue, lastDay } = tile;
  // Today empty (night, weekend): the day's figures are the last working day's, said on the tile; the queue, the
  // calls in progress and the agents stay those of now.
  const kpis = lastDay?.kpis ?? tile.kpis;
  const inbound = campaign.direction === 'inbound';
  const rate = rateKpi(campaign.direction);
  const volume = volumeKpi(campaign.direction);
  const code = campaign.code;
  const label = (kpi: KpiKey) => t(`kpi.${kpi}` as MessageKey);
  const count = (kpi: KpiKey, value: number | null) => formatKpi(kpi, value, locale);
  const onCall = (tile.agentsByState.on_call ?? 0) + (tile.agentsByState.ringing ?? 0);
  const agents = (s: AgentState) => (s === 'on_call' ? onCall : tile.agentsByState[s] ?? 0);
  const day = (ms: number) => new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: campaign.time_zone }).format(ms);
  return (
    <Card withBorder padding={large ? 'lg' : 'md'} component={Link} href={liveHref(campaign.id)} data-testid={`tile-${code}`}
      style={{ textDecoration: 'none', color: 'inherit' }}>
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <div style={{ minWidth: 0 }}>
          <Text fz={size.title} fw={800} truncate title={`${code} · ${campaign.name}`}>{code} · {campaign.name}</Text>
          <Text fz={size.small} c="dimmed" truncate>{campaign.client_name} · {t(`home.figures.${campaign.direction}`)}</Text>
          {lastDay && (
            <Text fz={size.small} c="dimmed" fs="italic" title={t('home.tile.lastDayWhy')} data-testid={`tile-${code}-last-day`}>
              {t('home.tile.lastDay', { day: day(lastDay.from) })}
            </Text>
          )}
        </div>
        {campaign.status !== 'active' && <Badge color="gray" size={large ? 'xl' : 'sm'}>{t(`status.${campaign.status}`)}</Badge>}
      </Group>
      <SimpleGrid cols={3} spacing={large ? 'lg' : 'sm'} verticalSpacing="xs">
        <Metric label={label(rate)} size={size}>
          <Judged kpi={rate} tile={tile} kpis={kpis} cap={cap} size={size} testId={`tile-${code}-rate`} />
        </Metric>
        <Metric label={label(abandonKpi(campaign.direction))} size={size}>
          <Judged kpi={abandonKpi(campaign.direction)} tile={tile} kpis={kpis} cap={cap} size={size} testId={`tile-${code}-abandon`} />
        </Metric>
        {inbound ? (
          <Metric label={t('home.tile.waiting')} size={size}>
            {/* Only a dialer in this process knows the queue: an externally run campaign has none to show. */}
            {queue ? (
              <>
                <Value at={size} testId={`tile-${code}-waiting`} c={queue.waiting > 0 ? 'orange' : undefined}>{count('offered', queue.waiting)}</Value>
                {queue.waiting > 0 && <LongestWait seconds={queue.longestWaitSeconds} receivedAt={receivedAt} fz={size.small} c="orange" testId={`tile-${code}-longest-wait`} />}
              </>
            ) : (
              // Words, not a dash: nobody is counted, which is not the same as nobody waiting.
              <Text fz={size.small} c="dimmed" data-testid={`tile-${code}-waiting`} title={t('home.tile.waitingUnknownWhy')}>{t('home.tile.waitingUnknown')}</Text>
            )}
          </Metric>
        ) : (
          <Metric label={t('live.inProgress')} size={size}>
            <Value at={size} testId={`tile-${code}-in-progress`}>{count('connected', tile.callsInProgress)}</Value>
          </Metric>
        )}
        {inbound && (
          <Metric label={label('asa_seconds')} size={size}>
            <Value at={size} testId={`tile-${code}-asa`}>{count('asa_seconds', kpis.asa_seconds)}</Value>
          </Metric>
        )}
        <Metric label={label('conversion_rate')} size={size}>
          <Judged kpi="conversion_rate" tile={tile} kpis={kpis} cap={cap} size={size} testId={`tile-${code}-conversion`} />
        </Metric>
        <Metric label={label(volume)} size={size}>
          <Value at={size} testId={`tile-${code}-volume`}>{count(volume, kpis[volume])}</Value>
          {/* Inbound, the calls answered under the calls offered; outbound, the calls put through have a figure of their own. */}
          {inbound && <Text fz={size.small} c="dimmed" data-testid={`tile-${code}-connected`}>{t('home.tile.handled', { count: count('connected', kpis.connected) })}</Text>}
        </Metric>
        {!inbound && (
          <Metric label={label('connected')} size={size}>
            <Value at={size} testId={`tile-${code}-connected`}>{count('connected', kpis.connected)}</Value>
          </Metric>
        )}
      </SimpleGrid>
      <Group gap={large ? 'md' : 'sm'} mt={large ? 'md' : 'xs'} data-testid={`tile-${code}-agents`}>
        <Text fz={size.small} c="dimmed" tt="uppercase" fw={700}>{t('home.tile.agents')}</Text>
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

/** `receivedAt`: when the browser received `data` (the longest wait counts on from there). */
export function WallboardTiles({ data, receivedAt, large = false }: { data: Wallboard; receivedAt: number; large?: boolean }) {
  // On the wall: one campaign full width, up to four as a 2 × 2 grid, more in three columns on a wide screen.
  const cols = large ? (data.tiles.length <= 1 ? 1 : data.tiles.length <= 4 ? { base: 1, md: 2 } : { base: 1, md: 2, xl: 3 }) : { base: 1, sm: 2, xl: 3 };
  return (
    <SimpleGrid cols={cols} spacing={large ? 'lg' : 'md'} data-testid="wallboard-tiles">
      {data.tiles.map((tile) => <CampaignTile key={tile.campaign.id} tile={tile} cap={data.abandonCap} receivedAt={receivedAt} size={!large ? SIZES.page : data.tiles.length === 1 ? SIZES.single : SIZES.wall} />)}
    </SimpleGrid>
  );
}
