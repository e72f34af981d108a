'use client';
// The manager's dialer controls: a card per outbound campaign and per inbound line, refreshed every second.
import { useDialerReason } from './use-dialer-reason';
import { Alert, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useErrorText, useLocale, useT } from '@/app/i18n/client';
import { noDialerText } from './idle-text';
import { InboundCard } from './inbound-card';
import { OutboundCard } from './outbound-card';
import type { DialerRow, SettingsChange } from './types';

export function DialerPanel() {
  const t = useT();
  const reasonText = useDialerReason();
  const [locale] = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const state = useQuery({ ...trpc.dialer.state.queryOptions(), refetchInterval: 1000 });
  const configure = useMutation(trpc.dialer.configure.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: trpc.dialer.state.queryKey() }) }));
  const data = state.data;
  const change = (row: DialerRow) => (c: SettingsChange) => configure.mutate({ campaignId: row.id, ...c });
  return (
    <Stack>
      <Title order={2}>{t('dialer.title')}</Title>
      <Text c="dimmed">{t('dialer.lead')}</Text>
      {/* The first state takes a moment on a slow network: a loader, not a blank page under the lead. */}
      {state.isPending && <Loader size="sm" aria-label={t('common.loading')} data-testid="page-loading" />}
      {state.isError && !data && <Alert color="red" data-testid="dialer-state-error">{errorText(state.error)}</Alert>}
      {data && !data.available && <Alert color="blue" data-testid="dialer-unavailable">{t('dialer.unavailable', { reason: noDialerText(data.reason, locale) })}</Alert>}
      {configure.error && (
        <Alert color="red" data-testid="dialer-error">
          {errorText(configure.error)}
        </Alert>
      )}
      {data?.campaigns.length === 0 && <Text>{t('dialer.none')}</Text>}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {data?.campaigns.map((row) => row.direction === 'inbound'
          ? <InboundCard key={row.id} row={row} busy={configure.isPending} onChange={change(row)} />
          : <OutboundCard key={row.id} row={row} modes={data.modes} abandonCap={data.abandonCap} busy={configure.isPending} onChange={change(row)} />)}
      </SimpleGrid>
    </Stack>
  );
}
