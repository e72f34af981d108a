'use client';
// /quality/calibration: a call evaluated by several evaluators, each one's answers and the spread per criterion.
import { useState } from 'react';
import { Badge, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useErrorText, useLocale, useT } from '@/app/i18n/client';
import { useSelectedCampaign } from '@/app/components/campaign-picker';
import { criteriaOf } from '@/server/quality/grid';
import { formatScore, formatWhen, scoreColor } from './format';

export function Calibration() {
  const t = useT();
  const [locale] = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const { campaignId, picker, empty } = useSelectedCampaign();
  const calls = useQuery({ ...trpc.quality.calibrationCalls.queryOptions({ campaignId: campaignId ?? '' }), enabled: Boolean(campaignId) });
  const [callId, setCallId] = useState<string | null>(null);
  const picked = callId ?? calls.data?.[0]?.callId ?? null;
  const detail = useQuery({ ...trpc.quality.calibration.queryOptions({ callId: picked ?? '', campaignId: campaignId ?? undefined }), enabled: Boolean(picked) });
  if (empty) return <Text c="dimmed">{t('quality.noCampaign')}</Text>;
  const pct = (v: number | null) => formatScore(v, locale);
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('calibration.lead')}</Text>
      <Group align="flex-end">
        {picker}
        {calls.data && calls.data.length > 0 && (
          <Select w={380} label={t('quality.call')} value={picked} onChange={setCallId} allowDeselect={false} data-testid="calibration-call"
            data={calls.data.map((c) => ({ value: c.callId, label: `${c.agentName} · ${formatWhen(c.callStartedAt, locale)} · ${t('calibration.evaluators', { count: String(c.evaluators) })}` }))} />
        )}
      </Group>
      {calls.isPending ? <Loader size="sm" /> : calls.isError ? <Text c="red">{errorText(calls.error)}</Text> : calls.data.length === 0 ? (
        <Text c="dimmed" data-testid="calibration-empty">{t('calibration.empty')}</Text>
      ) : detail.isPending ? <Loader size="sm" /> : detail.isError ? <Text c="red">{errorText(detail.error)}</Text> : detail.data.grid && detail.data.spread && (
        <Paper withBorder p="md">
          <Title order={5} mb="xs">{detail.data.grid.name} (v{detail.data.grid.version})</Title>
          <Table striped data-testid="calibration-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('calibration.criterion')}</Table.Th>
                {detail.data.evaluations.map((e) => <Table.Th key={e.id}>{e.evaluatorName}</Table.Th>)}
                <Table.Th>{t('calibration.range')}</Table.Th><Table.Th>{t('calibration.stddev')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {criteriaOf(detail.data.grid.sections).map((c) => {
                const s = detail.data.spread!.criteria.find((x) => x.id === c.id)!;
                return (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.label}</Table.Td>
                    {detail.data.evaluations.map((e) => <Table.Td key={e.id}>{String(e.answers[c.id] ?? '—').replace('yes', t('evaluate.yes')).replace('no', t('evaluate.no')).replace('na', t('evaluate.na'))}</Table.Td>)}
                    <Table.Td><Badge color={s.range === null ? 'gray' : s.range === 0 ? 'teal' : s.range <= 0.25 ? 'yellow' : 'red'}>{pct(s.range)}</Badge></Table.Td>
                    <Table.Td>{pct(s.stddev)}</Table.Td>
                  </Table.Tr>
                );
              })}
              <Table.Tr>
                <Table.Td fw={700}>{t('calibration.score')}</Table.Td>
                {detail.data.evaluations.map((e) => <Table.Td key={e.id}><Badge color={scoreColor(e.score)}>{pct(e.score)}</Badge></Table.Td>)}
                <Table.Td>{pct(detail.data.spread.score.range)}</Table.Td><Table.Td>{pct(detail.data.spread.score.stddev)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
