'use client';
// The alerts page: the open and past alerts of the caller's campaigns over a period, by campaign; the contact
// center's managers acknowledge the open ones here too. Refreshed by the live push.
import { Suspense, useState } from 'react';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { Alert, Anchor, Badge, Button, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addDays, format, startOfDay, subDays } from 'date-fns';
import { useErrorText, useLocale, useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { useTRPC } from '@/app/trpc/client';
import { useScopeLiveUpdates } from '@/app/components/kpi/use-live-updates';
import { useCurrentUser } from '@/app/components/current-user';
import { formatAlertValue, useRuleText } from '@/app/components/alerts/format';
import { CAMPAIGN_MANAGERS } from '@/server/tenancy/roles';
import { DayInput } from '@/app/components/day-input/day-input';

function Alerts() {
  const t = useT();
  const [locale] = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const params = useSearchParams();
  const user = useCurrentUser();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const campaigns = useQuery(trpc.campaigns.list.queryOptions());
  const campaignId = params.get('campaign') ?? '';
  // The browser's days: a period of whole days, the last one included.
  const [fromDay, setFromDay] = useState(() => format(subDays(new Date(), 6), 'yyyy-MM-dd'));
  const [toDay, setToDay] = useState(() => format(new Date(), 'yyyy-MM-dd'));
  const from = startOfDay(new Date(`${fromDay}T00:00:00`)).getTime();
  const to = addDays(startOfDay(new Date(`${toDay}T00:00:00`)), 1).getTime();
  const valid = Number.isFinite(from) && Number.isFinite(to) && to > from;
  const options = trpc.alerts.list.queryOptions({ from, to, campaignId: campaignId || undefined }, { staleTime: 0 });
  const list = useQuery({ ...options, enabled: valid });
  useScopeLiveUpdates([options.queryKey]);
  const [error, setError] = useState<string | null>(null);
  const acknowledge = useMutation(trpc.alerts.acknowledge.mutationOptions({
    onSuccess: () => void qc.invalidateQueries({ queryKey: trpc.alerts.pathKey() }),
    onError: (e) => setError(errorText(e)),
  }));
  const ruleText = useRuleText();
  const manager = user.orgKind === 'outsourcer' && CAMPAIGN_MANAGERS.includes(user.role);
  const when = (ms: number, timeZone: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(ms);
  return (
    <Stack>
      <div>
        <Title order={2}>{t('alerts.title')}</Title>
        <Text c="dimmed" size="sm">{t('alerts.lead')}</Text>
      </div>
      <Group align="flex-end">
        <Select label={t('alerts.campaign')} data-testid="alerts-campaign" w={340} allowDeselect={false} value={campaignId}
          data={[{ value: '', label: t('alerts.allCampaigns') }, ...(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.code} — ${c.name}` }))]}
          onChange={(v) => router.replace(v ? `/alerts?campaign=${encodeURIComponent(v)}` : '/alerts')} />
        <DayInput label={t('alerts.from')} value={fromDay} onChange={setFromDay} data-testid="alerts-from" />
        <DayInput label={t('alerts.to')} value={toDay} onChange={setToDay} data-testid="alerts-to" />
        {campaignId && <Anchor component={Link} href={`/campaigns/${campaignId}/settings#alert-rules`} size="sm" mb={8}>{t('alerts.rulesLink')}</Anchor>}
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {!valid ? <Text c="red" role="alert">{t('alerts.rangeInverted')}</Text>
        : list.isPending ? <Loader size="sm" aria-label={t('common.loading')} />
        : list.isError ? <Alert color="red" data-testid="alerts-error">{errorText(list.error)}</Alert>
        : list.data.alerts.length === 0 ? <Text c="dimmed" data-testid="alerts-empty">{t('alerts.empty')}</Text> : (
          <>
            {list.data.more && <Alert color="yellow">{t('alerts.more', { count: String(list.data.alerts.length) })}</Alert>}
            <Table.ScrollContainer minWidth={900}>
              <Table striped data-testid="alerts-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('alerts.campaign')}</Table.Th>
                    <Table.Th>{t('alerts.rule')}</Table.Th>
                    <Table.Th>{t('alerts.opened')}</Table.Th>
                    <Table.Th>{t('alerts.cleared')}</Table.Th>
                    <Table.Th>{t('alerts.valueAtOpen')}</Table.Th>
                    <Table.Th>{t('alerts.worst')}</Table.Th>
                    <Table.Th>{t('alerts.acknowledgedBy')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.alerts.map((a) => (
                    <Table.Tr key={a.id} data-testid="alert-row" data-rule-id={a.rule_id} data-open={a.cleared_at === null ? '1' : '0'}>
                      <Table.Td><Text size="sm" fw={600}>{a.campaign.code}</Text><Text size="xs" c="dimmed">{a.campaign.name}</Text></Table.Td>
                      <Table.Td>
                        <Text size="sm">{ruleText(a)}</Text>
                        {a.legal && <Badge size="xs" color="red" variant="light">{t('alerts.banner.legal')}</Badge>}
                      </Table.Td>
                      <Table.Td><Text size="sm">{when(a.opened_at, a.campaign.time_zone)}</Text></Table.Td>
                      <Table.Td data-testid="alert-cleared">
                        {a.cleared_at === null ? <Badge color="red">{t('alerts.stillOpen')}</Badge> : (
                          <>
                            <Text size="sm">{when(a.cleared_at, a.campaign.time_zone)}</Text>
                            <Text size="xs" c="dimmed">{t(`alerts.clearReason.${a.clear_reason}` as MessageKey)}</Text>
                          </>
                        )}
                      </Table.Td>
                      <Table.Td><Text size="sm">{formatAlertValue(a.kpi, a.value_at_open, locale, a.threshold)}</Text></Table.Td>
                      <Table.Td><Text size="sm" fw={600}>{formatAlertValue(a.kpi, a.worst_value, locale, a.threshold)}</Text></Table.Td>
                      <Table.Td>
                        {a.acknowledged ? <Text size="sm">{a.acknowledged.by_name} · {when(a.acknowledged.at, a.campaign.time_zone)}</Text>
                          : a.cleared_at === null && manager ? (
                            <Button size="xs" variant="light" color="red" loading={acknowledge.isPending} data-testid="alert-row-acknowledge"
                              onClick={() => { setError(null); acknowledge.mutate({ campaignId: a.campaign.id, alertId: a.id }); }}>{t('alerts.acknowledge')}</Button>
                          ) : <Text size="sm" c="dimmed">—</Text>}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
    </Stack>
  );
}

export default function AlertsPage() {
  return (
    <Suspense>
      <Alerts />
    </Suspense>
  );
}
