'use client';
import { useState } from 'react';
// The red banners of the open alerts of the campaigns a page shows (live monitor, wallboard): "Taux de service sous
// 70 % depuis 15 min — 62,4 %", the value being today's figure now; the contact center's managers acknowledge them.
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useErrorText, useLocale, useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { useTRPC } from '@/app/trpc/client';
import type { RouterOutputs } from '@/app/trpc/types';
import { useNow } from '@/app/components/kpi/clock';
import { useCurrentUser } from '@/app/components/current-user';
import { CAMPAIGN_MANAGERS } from '@/server/tenancy/roles';
import { alertValueOf, type LiveFigures } from '@/server/alerts/kpis';
import { elapsedParts, formatAlertValue } from './format';

export type OpenAlert = RouterOutputs['alerts']['open'][number];

/** The banner's sentence: the KPI, its rule, since when, and the value (now when known, else at opening). */
export function useAlertSentence() {
  const t = useT();
  const [locale] = useLocale();
  return (a: OpenAlert, now: number, value: number | null) => {
    const e = elapsedParts(a.breach_started_at, now);
    const elapsed = t(`alerts.elapsed.${e.key}`, 'hours' in e ? { hours: String(e.hours), minutes: String(e.minutes).padStart(2, '0') } : 'minutes' in e ? { minutes: String(e.minutes) } : {});
    return t(`alerts.banner.${a.comparison}`, {
      kpi: t(`kpi.${a.kpi}` as MessageKey), threshold: formatAlertValue(a.kpi, a.threshold, locale), elapsed, value: formatAlertValue(a.kpi, value ?? a.worst_value, locale, a.threshold),
    });
  };
}

/** `live`: each campaign's figures now, by campaign id (the page's own), for the value the banner shows. */
export function AlertBanners({ alerts, live, showCampaign = false, large = false }: {
  alerts: OpenAlert[]; live?: ReadonlyMap<string, LiveFigures>; showCampaign?: boolean; large?: boolean;
}) {
  const now = useNow(15_000);
  const sentence = useAlertSentence();
  if (alerts.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="alert-banners" role="region" aria-live="polite">
      {alerts.map((a) => {
        const figures = live?.get(a.campaign.id);
        return <Banner key={a.id} alert={a} text={sentence(a, now, figures ? alertValueOf(a.kpi, figures) : null)} showCampaign={showCampaign} large={large} />;
      })}
    </Stack>
  );
}

function Banner({ alert: a, text, showCampaign, large }: { alert: OpenAlert; text: string; showCampaign: boolean; large: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const user = useCurrentUser();
  const [error, setError] = useState<string | null>(null);
  const canAcknowledge = user.orgKind === 'outsourcer' && CAMPAIGN_MANAGERS.includes(user.role) && !a.acknowledged;
  const acknowledge = useMutation(trpc.alerts.acknowledge.mutationOptions({
    onSuccess: () => void qc.invalidateQueries({ queryKey: trpc.alerts.pathKey() }),
    onError: (e) => setError(errorText(e)),
  }));
  const time = (ms: number) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: a.campaign.time_zone }).format(ms);
  return (
    <Alert color="red" variant="filled" p={large ? 'md' : 'sm'} data-testid={`alert-banner-${a.rule_id}`} data-alert-id={a.id}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="xs" wrap="wrap">
          {showCampaign && <Badge color="white" c="red.9" variant="filled" size={large ? 'xl' : 'md'}>{a.campaign.code}</Badge>}
          {/* Before the words: at the end of a long line the badge would wrap alone onto the next. */}
          {a.legal && <Badge color="white" c="red.9" variant="filled" size={large ? 'lg' : 'sm'}>{t('alerts.banner.legal')}</Badge>}
          <Text fw={700} fz={large ? 26 : 'sm'} data-testid="alert-banner-text">{text}</Text>
          {a.acknowledged && <Text fz={large ? 18 : 'xs'} data-testid="alert-banner-acknowledged">{t('alerts.banner.acknowledged', { who: a.acknowledged.by_name, time: time(a.acknowledged.at) })}</Text>}
          {error && <Text fz="xs">{error}</Text>}
        </Group>
        {canAcknowledge && !large && (
          <Button size="xs" variant="white" color="red" loading={acknowledge.isPending} data-testid="alert-acknowledge"
            onClick={() => { setError(null); acknowledge.mutate({ campaignId: a.campaign.id, alertId: a.id }); }}>{t('alerts.acknowledge')}</Button>
        )}
      </Group>
    </Alert>
  );
}
