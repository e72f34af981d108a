'use client';
// The playback log on the audit page (the outsourcer's admins): who listened to which call's recording, and when.
import { useMemo, useState } from 'react';
import { Alert, Badge, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useErrorText, useLocale, useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';

const PERIODS = [7, 30, 90] as const;

export function PlaybackLog() {
  const t = useT();
  const [locale] = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const range = useMemo(() => ({ from: Date.now() - days * 86_400_000, to: Date.now() + 60_000 }), [days]);
  const log = useQuery(trpc.recordings.playbackLog.queryOptions(range));
  const campaigns = useQuery(trpc.campaigns.list.queryOptions());
  const codeOf = (id: string) => campaigns.data?.find((c) => c.id === id)?.code ?? '';
  const when = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(ms);
  return (
    <Stack data-testid="playback-log">
      <div>
        <Title order={3}>{t('recordings.log.title')}</Title>
        <Text c="dimmed" size="sm">{t('recordings.log.lead')}</Text>
      </div>
      <Select label={t('audit.period')} w={220} value={String(days)} allowDeselect={false}
        data={PERIODS.map((d) => ({ value: String(d), label: t(`audit.period.${d}`) }))} onChange={(v) => v && setDays(Number(v) as (typeof PERIODS)[number])} />
      {log.isPending ? <Loader size="sm" /> : log.isError ? <Alert color="red">{t('common.error')} {errorText(log.error)}</Alert> : log.data.lines.length === 0 ? (
        <Text c="dimmed" data-testid="playback-log-empty">{t('recordings.log.empty')}</Text>
      ) : (
        <>
          {log.data.more && <Alert color="yellow">{t('audit.more', { count: String(log.data.lines.length) })}</Alert>}
          <Table striped data-testid="playback-log-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.when')}</Table.Th>
                <Table.Th>{t('recordings.log.who')}</Table.Th>
                <Table.Th>{t('recordings.log.campaign')}</Table.Th>
                <Table.Th>{t('recordings.log.call')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.lines.map((l) => (
                <Table.Tr key={l.id} data-testid="playback-line">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(l.at)}</Table.Td>
                  <Table.Td>
                    {l.userName} <Text span size="xs" c="dimmed">{l.userEmail}</Text>{' '}
                    <Badge size="xs" variant="light" color={l.side === 'client' ? 'orange' : 'teal'}>{t(`role.${l.role}` as MessageKey)}</Badge>
                  </Table.Td>
                  <Table.Td>{codeOf(l.campaignId)}</Table.Td>
                  <Table.Td><Text size="sm" ff="monospace">{l.callId}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
