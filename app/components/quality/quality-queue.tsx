'use client';
// /quality: the week's sampling queue of a campaign, a search to pick any call, the evaluations done (disputes
// first) and the QA score per agent (the KPI module's, as on /agents).
import { useState } from 'react';
import Link from 'next/link';
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addDays, format, parseISO } from 'date-fns';
import { useTRPC } from '@/app/trpc/client';
import { useDispositionLabels } from './use-disposition-labels';
import { useErrorText, useLocale, useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { useSelectedCampaign } from '@/app/components/campaign-picker';
import { formatDuration } from '@/app/components/kpi/format';
import { formatScore, formatWhen, scoreColor, STATUS_COLOR } from './format';
import { evaluateHref } from './evaluate-href';
import { DayInput } from '@/app/components/day-input/day-input';

const DAY = 86_400_000;

export function QualityQueue() {
  const t = useT();
  const { campaignId, picker, empty } = useSelectedCampaign();
  if (empty) return <Text c="dimmed">{t('quality.noCampaign')}</Text>;
  return (
    <Stack>
      <Group align="flex-end">{picker}</Group>
      {campaignId ? <CampaignQueue key={campaignId} campaignId={campaignId} /> : <Loader size="sm" />}
    </Stack>
  );
}

function StatusBadge({ status }: { status: string }) {
  const t = useT();
  return <Badge variant="light" color={STATUS_COLOR[status] ?? 'gray'} data-testid="evaluation-status">{t(`quality.status.${status}` as MessageKey)}</Badge>;
}

function CampaignQueue({ campaignId }: { campaignId: string }) {
  const t = useT();
  const dispositionLabel = useDispositionLabels(campaignId);
  const [locale] = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const client = useQueryClient();
  const [week, setWeek] = useState<string | undefined>(undefined);
  const queue = useQuery(trpc.quality.queue.queryOptions({ campaignId, week }));
  const shown = week ?? queue.data?.week;
  const draw = useMutation(trpc.quality.drawSample.mutationOptions({ onSuccess: () => client.invalidateQueries({ queryKey: trpc.quality.queue.queryKey() }) }));
  const moveWeek = (days: number) => shown && setWeek(format(addDays(parseISO(shown), days), 'yyyy-MM-dd'));
  const [range] = useState(() => ({ from: Date.now() - 28 * DAY, to: Date.now() + DAY }));
  const evaluations = useQuery(trpc.quality.evaluations.queryOptions({ campaignId, ...range }));
  const agents = useQuery(trpc.kpi.agents.queryOptions({ ...range, campaignIds: [campaignId] }));
  const disputes = (evaluations.data ?? []).filter((e) => e.status === 'disputed');

  return (
    <Stack>
      {disputes.length > 0 && (
        <Alert color="red" title={t('quality.dispute.title')} data-testid="disputes">
          <Stack gap={4}>
            {disputes.map((e) => (
              <Text key={e.id} size="sm">
                <Anchor component={Link} href={evaluateHref({ callId: e.callId, campaignId })} c="inherit" underline="always">{e.agentName}</Anchor> — « {e.agentComment} »
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <div>
            <Title order={4}>{t('quality.queue.title')}</Title>
            {queue.data && <Text size="sm" c="dimmed">{t('quality.queue.lead', { n: String(queue.data.perAgentWeek) })}</Text>}
          </div>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => moveWeek(-7)} disabled={!shown}>{t('quality.prevWeek')}</Button>
            <Text size="sm" fw={600} data-testid="queue-week">{shown ? t('quality.week', { day: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(parseISO(shown)) }) : ''}</Text>
            <Button size="xs" variant="default" onClick={() => moveWeek(7)} disabled={!shown}>{t('quality.nextWeek')}</Button>
            <Button size="xs" loading={draw.isPending} onClick={() => draw.mutate({ campaignId, week: shown })} data-testid="queue-draw">{t('quality.queue.draw')}</Button>
          </Group>
        </Group>
        {draw.isSuccess && <Text size="sm" c="teal">{t('quality.queue.drawn', { count: String(draw.data.added) })}</Text>}
        {draw.isError && <Text size="sm" c="red">{errorText(draw.error)}</Text>}
        {queue.isPending ? <Loader size="sm" /> : queue.isError ? <Text c="red">{errorText(queue.error)}</Text> : queue.data.items.length === 0 ? (
          <Text c="dimmed" data-testid="queue-empty">{t('quality.queue.empty')}</Text>
        ) : (
          <Table striped data-testid="queue-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('quality.agent')}</Table.Th><Table.Th>{t('quality.startedAt')}</Table.Th><Table.Th>{t('quality.duration')}</Table.Th>
                <Table.Th>{t('quality.disposition')}</Table.Th><Table.Th>{t('quality.stratum')}</Table.Th><Table.Th /><Table.Th>{t('quality.status')}</Table.Th><Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queue.data.items.map((i) => (
                <Table.Tr key={i.callId} data-testid="queue-row" data-recorded={i.recorded ? 'yes' : 'no'} data-evaluated={i.evaluation ? 'yes' : 'no'}>
                  <Table.Td>{i.agentName}</Table.Td>
                  <Table.Td>{formatWhen(i.startedAt, locale)}</Table.Td>
                  <Table.Td>{formatDuration(i.talkSeconds)}</Table.Td>
                  <Table.Td>{dispositionLabel(i.disposition)}</Table.Td>
                  <Table.Td>{t(`quality.stratum.${i.stratum}` as MessageKey)}</Table.Td>
                  <Table.Td>{i.recorded ? <Badge variant="dot" color="teal">{t('quality.recorded')}</Badge> : <Text size="xs" c="dimmed">{t('quality.notRecorded')}</Text>}</Table.Td>
                  <Table.Td>
                    {i.evaluation ? <Group gap={4}><Badge color={scoreColor(i.evaluation.score)}>{formatScore(i.evaluation.score, locale)}</Badge><StatusBadge status={i.evaluation.status} /></Group>
                      : <Badge variant="outline" color="gray">{t('quality.status.todo')}</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant={i.evaluation ? 'default' : 'filled'} component={Link} href={evaluateHref({ callId: i.callId, campaignId })} data-testid="queue-evaluate">
                      {i.evaluation ? t('quality.open') : t('quality.evaluate')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <CallSearch campaignId={campaignId} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md">
          <Title order={4} mb="xs">{t('quality.done.title')}</Title>
          {evaluations.isPending ? <Loader size="sm" /> : evaluations.isError ? <Text c="red">{errorText(evaluations.error)}</Text> : evaluations.data.length === 0 ? (
            <Text c="dimmed">{t('quality.done.empty')}</Text>
          ) : (
            <Table data-testid="evaluations-table">
              <Table.Tbody>
                {evaluations.data.slice(0, 30).map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td><Anchor component={Link} href={evaluateHref({ callId: e.callId, campaignId })}>{e.agentName}</Anchor></Table.Td>
                    <Table.Td>{formatWhen(e.callStartedAt, locale)}</Table.Td>
                    <Table.Td><Badge color={scoreColor(e.score)}>{formatScore(e.score, locale)}</Badge></Table.Td>
                    <Table.Td><StatusBadge status={e.status} />{e.calibration && <Text span size="xs" c="dimmed"> {t('quality.done.calibration')}</Text>}</Table.Td>
                    <Table.Td><Text size="xs" c="dimmed">{e.evaluatorName}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={4} mb="xs">{t('quality.agents.title')}</Title>
          {agents.isPending ? <Loader size="sm" /> : agents.isError ? <Text c="red">{errorText(agents.error)}</Text> : agents.data.rows.filter((r) => r.kpis.qa_evaluations > 0).length === 0 ? (
            <Text c="dimmed">{t('quality.agents.empty')}</Text>
          ) : (
            <Table data-testid="qa-by-agent">
              <Table.Tbody>
                {agents.data.rows.filter((r) => r.kpis.qa_evaluations > 0).map((r) => (
                  <Table.Tr key={r.agent}>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td><Badge color={scoreColor(r.kpis.qa_score)}>{formatScore(r.kpis.qa_score, locale)}</Badge></Table.Td>
                    <Table.Td><Text size="xs" c="dimmed">{t('kpi.qaEvaluations', { count: String(r.kpis.qa_evaluations) })}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}

function CallSearch({ campaignId }: { campaignId: string }) {
  const t = useT();
  const dispositionLabel = useDispositionLabels(campaignId);
  const [locale] = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const [form, setForm] = useState({ agent: '', from: '', to: '', phone: '', callId: '' });
  const [asked, setAsked] = useState<null | typeof form>(null);
  const input = asked && {
    campaignId,
    agent: asked.agent.trim() || undefined,
    phone: asked.phone.trim() || undefined,
    callId: asked.callId.trim() || undefined,
    from: asked.from ? new Date(`${asked.from}T00:00:00`).getTime() : undefined,
    to: asked.to ? addDays(new Date(`${asked.to}T00:00:00`), 1).getTime() : undefined,
  };
  const found = useQuery({ ...trpc.quality.searchCalls.queryOptions(input ?? { campaignId }), enabled: Boolean(input) });
  const field = (key: keyof typeof form, label: MessageKey) => (
    <TextInput size="xs" label={t(label)} value={form[key]} onChange={(e) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, [key]: v })); }} w={170} />
  );
  // Days in the user's language (« 30 nov. 2026 »), as on every other page: a native date field shows mm/dd/yyyy.
  const day = (key: 'from' | 'to', label: MessageKey) => (
    <DayInput size="xs" label={t(label)} value={form[key]} onChange={(v) => setForm((f) => ({ ...f, [key]: v }))} clearable data-testid={`search-${key}`} />
  );
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">{t('quality.search.title')}</Title>
      <form onSubmit={(e) => { e.preventDefault(); setAsked({ ...form }); }}>
        <Group align="flex-end" gap="xs">
          {field('agent', 'quality.search.agent')}{day('from', 'quality.search.from')}{day('to', 'quality.search.to')}
          {field('phone', 'quality.search.phone')}{field('callId', 'quality.search.callId')}
          <Button size="xs" type="submit" data-testid="search-submit">{t('quality.search.submit')}</Button>
        </Group>
      </form>
      {input && (found.isPending ? <Loader size="sm" mt="xs" /> : found.isError ? <Text c="red">{errorText(found.error)}</Text> : found.data.length === 0 ? (
        <Text c="dimmed" mt="xs">{t('quality.search.empty')}</Text>
      ) : (
        <Table mt="xs" data-testid="search-results">
          <Table.Tbody>
            {found.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.agentName}</Table.Td><Table.Td>{formatWhen(c.started_at, locale)}</Table.Td><Table.Td>{c.phone}</Table.Td>
                <Table.Td>{formatDuration(Number(c.talk_seconds))}</Table.Td><Table.Td>{dispositionLabel(c.disposition)}</Table.Td>
                <Table.Td>{c.recorded && <Badge variant="dot" color="teal">{t('quality.recorded')}</Badge>}</Table.Td>
                <Table.Td><Button size="xs" variant="light" component={Link} href={evaluateHref({ callId: c.id, campaignId: c.campaign_id })}>{t('quality.open')}</Button></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ))}
    </Paper>
  );
}
