'use client';
// The live monitor of one campaign: today's KPIs against targets, calls in progress, agents by state,
// the day's curve and, for the outsourcer's supervisors, each agent; it refreshes itself on every change pushed by the server.
import { Alert, Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useLocale, useT } from '@/app/i18n/client';
import { KpiCard } from './kpi-card';
import { formatKpi } from './format';
import { DayCurve } from './day-curve';
import { AgentStates } from './agent-states';
import { LIVE_STATUS_TEXT, useLiveUpdates } from './use-live-updates';
import { LiveAgents, liveAgentsOptions } from './live-agents';
import { LongestWait } from './longest-wait';
import { useSalWindow } from './sal-window';
import { useCurrentUser } from '@/app/components/current-user';
import { AGENT_ANALYSTS } from '@/server/tenancy/roles';
import { AlertBanners } from '@/app/components/alerts/alert-banners';
import { pluralForm } from '@/app/i18n/plural';

const QUARTER = 15 * 60_000;

export function LiveMonitor({ campaignId }: { campaignId: string }) {
  const t = useT();
  const [locale] = useLocale();
  const trpc = useTRPC();
  const salWindow = useSalWindow();
  const user = useCurrentUser();
  // The per-agent view is the outsourcer's supervisors'; a client sees agents as counts only.
  const supervisor = user.orgKind === 'outsourcer' && AGENT_ANALYSTS.includes(user.role);
  const options = trpc.kpi.live.queryOptions({ campaignId }, { refetchInterval: 60_000, staleTime: 0 });
  const live = useQuery(options);
  const alertOptions = trpc.alerts.open.queryOptions({ campaignId }, { refetchInterval: 60_000, staleTime: 0 });
  const alerts = useQuery(alertOptions);
  const status = useLiveUpdates(campaignId, [options.queryKey, alertOptions.queryKey, ...(supervisor ? [liveAgentsOptions(trpc, campaignId).queryKey] : [])]);
  if (live.isPending) return <Loader size="sm" aria-label={t('common.loading')} data-testid="page-loading" />;
  if (live.isError) return <Text c="red">{t('common.error')}</Text>;
  const { campaign, targets, agentsByState, callsInProgress, queue, asOf, abandonCap, lastDay } = live.data;
  // Today empty (night, weekend): the cards and the curve show the last day with calls, said in a banner.
  const kpis = lastDay?.kpis ?? live.data.kpis;
  const from = lastDay?.from ?? live.data.from;
  const until = lastDay ? lastDay.to - QUARTER : asOf;
  const day = (ms: number) => new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: campaign.time_zone }).format(ms);
  const inbound = campaign.direction === 'inbound';
  const time = (ms: number) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: campaign.time_zone }).format(ms);
  return (
    <Stack gap="md" data-testid="live-monitor">
      <Group justify="space-between">
        <div>
          <Title order={3}>{campaign.name}</Title>
          <Text size="sm" c="dimmed">{campaign.client_name} · {lastDay ? t('live.dayShown', { day: day(lastDay.from), tz: campaign.time_zone }) : t('live.today', { time: time(live.data.from), tz: campaign.time_zone })}</Text>
        </div>
        <Group gap="xs">
          <Badge color={status === 'connected' ? 'green' : 'gray'} variant="dot" data-testid="live-status">{t(LIVE_STATUS_TEXT[status])}</Badge>
          <Text size="xs" c="dimmed" data-testid="live-updated">{t('live.updated', { time: time(asOf) })}</Text>
        </Group>
      </Group>
      {/* Today's figures, not the last day's: an alert is about now. */}
      <AlertBanners alerts={alerts.data ?? []} live={new Map([[campaignId, { kpis: live.data.kpis, queue }]])} />
      {lastDay && (
        <Alert color="gray" variant="light" data-testid="live-last-day">
          {t('live.lastDay', { today: day(live.data.from), day: day(lastDay.from) })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        {inbound ? (
          <>
            <KpiCard kpi="service_level" value={kpis.service_level} target={targets.target_service_level}
              note={`${campaign.sl_threshold_seconds} s / ${campaign.short_abandon_seconds} s`} />
            <KpiCard kpi="asa_seconds" value={kpis.asa_seconds} />
            <KpiCard kpi="abandon_rate" value={kpis.abandon_rate} target={targets.target_abandon_rate} />
            <KpiCard kpi="offered" value={kpis.offered} />
          </>
        ) : (
          <>
            <KpiCard kpi="contact_rate" value={kpis.contact_rate} />
            <KpiCard kpi="outbound_abandon_rate" value={kpis.outbound_abandon_rate} target={targets.target_abandon_rate} cap={abandonCap} />
            <KpiCard kpi="sal" value={kpis.sal} target={targets.target_sal}
              targetSuffix={salWindow(targets.target_sal_hours)}
              note={kpis.sal === null ? undefined : [
                t('kpi.salContacts', { attempted: formatKpi('sal_attempted', kpis.sal_attempted, locale), contacts: formatKpi('sal_contacts', kpis.sal_contacts, locale) }),
                ...(kpis.sal_window_hours === null ? [t('kpi.salOverRange')] : []),
              ].join(' · ')} />
            <KpiCard kpi="attempts" value={kpis.attempts} />
          </>
        )}
        <KpiCard kpi="connected" value={kpis.connected} />
        <KpiCard kpi="conversion_rate" value={kpis.conversion_rate} target={targets.target_conversion_rate} />
        <KpiCard kpi="aht_seconds" value={kpis.aht_seconds} target={targets.target_aht_seconds} />
        <KpiCard kpi="nps" value={kpis.nps} target={targets.target_nps} note={t(`kpi.responses.${pluralForm(locale, kpis.nps_responses)}`, { count: new Intl.NumberFormat(locale).format(kpis.nps_responses) })} />
        <KpiCard kpi="fcr" value={kpis.fcr} />
        <KpiCard kpi="qa_score" value={kpis.qa_score} note={t('kpi.qaEvaluations', { count: String(kpis.qa_evaluations) })} />
        <KpiCard kpi="occupancy" value={kpis.occupancy} />
        {inbound && <KpiCard kpi="abandoned" value={kpis.abandoned} />}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Card withBorder>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{t('live.inProgress')}</Text>
          <Text fz={42} fw={800} data-testid="calls-in-progress">{callsInProgress}</Text>
          {inbound && queue && (
            <Text size="sm" data-testid="callers-waiting">
              {/* The longest wait counts on between events (the queue pushes only when it changes). */}
              {t('live.queue', { count: String(queue.waiting) })}{queue.waiting > 0 && <> · <LongestWait seconds={queue.longestWaitSeconds} receivedAt={live.dataUpdatedAt} /></>}
            </Text>
          )}
          <Text size="xs" c="dimmed" tt="uppercase" fw={700} mt="sm">{t('live.agentsByState')}</Text>
          <AgentStates byState={agentsByState} />
        </Card>
        <Card withBorder style={{ gridColumn: 'span 2' }}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{lastDay ? t('live.curveOf', { day: day(lastDay.from) }) : t('live.curve')}</Text>
          <DayCurve series={kpis.series ?? []} direction={campaign.direction} timeZone={campaign.time_zone}
            target={campaign.direction === 'inbound' ? targets.target_service_level : targets.target_conversion_rate}
            slots={Array.from({ length: Math.floor((until - from) / QUARTER) + 1 }, (_, i) => from + i * QUARTER)} />
        </Card>
      </SimpleGrid>
      {supervisor && <LiveAgents campaignId={campaignId} />}
    </Stack>
  );
}
