'use client';
// /quality/evaluate/[call]: the recording, the call's facts and contact, its survey answer, the grid to fill with
// the live score, comments pinned to the player's time (a click seeks there), submit. An evaluation already made by
// the viewer is shown with its revisions; a disputed one gets the evaluator's answer or revision here.
import { useRef, useState } from 'react';
import { Alert, Badge, Button, Grid, Group, Loader, Paper, Stack, Switch, Table, Text, Textarea, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useErrorText, useLocale, useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { checkAnswers, type Answers, type PinnedComment, type Section } from '@/server/quality/grid';
import { scoreEvaluation } from '@/server/quality/score';
import { formatDuration } from '@/app/components/kpi/format';
import { displayPhone } from '@/app/components/desk/display-phone';
import { formatClock, RecordingPlayer } from './recording-player';
import { GridAnswers } from './grid-answers';
import { useDispositionLabels } from './use-disposition-labels';
import { formatScore, formatWhen, scoreColor, STATUS_COLOR } from './format';

export function EvaluateCall({ callId, campaignId }: { callId: string; campaignId?: string }) {
  const t = useT();
  const [locale] = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const page = useQuery(trpc.quality.callPage.queryOptions({ callId, campaignId }, { retry: false }));
  // The campaign's catalogue words the disposition (one way for the queue and this page).
  const dispositionLabel = useDispositionLabels(page.data?.call.campaign_id ?? '');
  const [time, setTime] = useState(0);
  const seekRef = useRef<((s: number) => void) | null>(null);

  if (page.isPending) return <Loader size="sm" />;
  if (page.isError) return <Alert color={page.error.data?.code === 'NOT_FOUND' ? 'gray' : 'red'} data-testid="evaluate-error">{errorText(page.error)}</Alert>;
  const { call, campaign, agentName, surveys, grid, grids, evaluations, mine } = page.data;
  const gridOf = (version: number) => grids.find((g) => g.campaign_id === call.campaign_id && g.version === version);
  const others = evaluations.filter((e) => e.id !== mine?.id);
  const fact = (label: MessageKey, value: string) => (
    <Table.Tr><Table.Td><Text size="sm" c="dimmed">{t(label)}</Text></Table.Td><Table.Td><Text size="sm">{value}</Text></Table.Td></Table.Tr>
  );

  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Stack>
          <Title order={3}>{t('evaluate.title')} · {agentName}</Title>
          <RecordingPlayer callId={call.id} campaignId={call.campaign_id} recorded={call.recorded} onTime={setTime} seekRef={seekRef} />
          <Paper withBorder p="md">
            <Title order={5}>{t('evaluate.facts')}</Title>
            <Table data-testid="call-facts">
              <Table.Tbody>
                {fact('evaluate.campaign', `${campaign.code} — ${campaign.name}`)}
                {fact('quality.agent', `${agentName} (${call.agent})`)}
                {fact('quality.startedAt', `${formatWhen(call.started_at, locale)} · ${t(`evaluate.direction.${call.direction}` as MessageKey)}`)}
                {fact('evaluate.connectedAt', formatWhen(call.connected_at, locale))}
                {fact('evaluate.endedAt', formatWhen(call.ended_at, locale))}
                {fact('evaluate.talk', formatDuration(Number(call.talk_seconds)))}
                {fact('evaluate.outcome', t(`campaign.outcome.${call.outcome}` as MessageKey))}
                {fact('quality.disposition', dispositionLabel(call.disposition))}
                {fact('evaluate.contact', call.contact || '—')}
                {fact('evaluate.phone', call.phone ? displayPhone(call.phone) : '—')}
              </Table.Tbody>
            </Table>
          </Paper>
          <Paper withBorder p="md">
            <Title order={5}>{t('evaluate.survey')}</Title>
            {surveys.length === 0 ? <Text size="sm" c="dimmed">{t('evaluate.survey.none')}</Text> : surveys.map((s) => (
              <Text key={s.id} size="sm" data-testid="call-survey">{t('evaluate.survey.score', { score: String(s.score) })}{s.comment ? ` — « ${s.comment} »` : ''}</Text>
            ))}
          </Paper>
          {others.length > 0 && (
            <Paper withBorder p="md">
              <Title order={5}>{t('evaluate.others')}</Title>
              {others.map((e) => (
                <Group key={e.id} gap="xs">
                  <Text size="sm">{e.evaluatorName}</Text>
                  <Badge color={scoreColor(e.score)}>{formatScore(e.score, locale)}</Badge>
                  <Badge variant="light" color={STATUS_COLOR[e.status]}>{t(`quality.status.${e.status}` as MessageKey)}</Badge>
                </Group>
              ))}
            </Paper>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        {mine ? (
          <MyEvaluation evaluationId={mine.id} sections={gridOf(mine.gridVersion)?.sections ?? []} seek={(s) => seekRef.current?.(s)} time={time} />
        ) : grid ? (
          <EvaluationForm callId={call.id} campaignId={call.campaign_id} grid={grid} time={time} seek={(s) => seekRef.current?.(s)} />
        ) : <Alert color="yellow">{t('evaluate.noGrid')}</Alert>}
      </Grid.Col>
    </Grid>
  );
}

function LiveScore({ sections, answers }: { sections: Section[]; answers: Answers }) {
  const t = useT();
  const [locale] = useLocale();
  const { score, eliminated } = scoreEvaluation(sections, answers);
  return (
    <Group gap="xs">
      <Text fw={700}>{t('evaluate.liveScore')}</Text>
      <Badge size="xl" color={scoreColor(score)} data-testid="live-score">{formatScore(score, locale)}</Badge>
      {eliminated && <Text size="sm" c="red">{t('evaluate.eliminated')}</Text>}
    </Group>
  );
}

function Comments({ comments, onChange, time, seek }: { comments: PinnedComment[]; onChange?: (c: PinnedComment[]) => void; time: number; seek: (s: number) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const at = Math.round(time * 10) / 10;
  return (
    <Paper withBorder p="sm">
      <Title order={5} mb={4}>{t('evaluate.comments')}</Title>
      {comments.length === 0 && !onChange && <Text size="sm" c="dimmed">—</Text>}
      {comments.length === 0 && onChange && <Text size="xs" c="dimmed">{t('evaluate.comment.none')}</Text>}
      <Stack gap={4}>
        {[...comments].sort((a, b) => a.at - b.at).map((c, i) => (
          <Group key={`${c.at}-${i}`} gap="xs" wrap="nowrap" data-testid="pinned-comment">
            <UnstyledButton onClick={() => seek(c.at)}><Badge variant="outline" style={{ cursor: 'pointer' }}>{formatClock(c.at)}</Badge></UnstyledButton>
            <Text size="sm" style={{ flex: 1 }}>{c.text}</Text>
            {onChange && <Button size="compact-xs" variant="subtle" color="red" onClick={() => onChange(comments.filter((x) => x !== c))}>×</Button>}
          </Group>
        ))}
      </Stack>
      {onChange && (
        <Group mt="xs" gap="xs" wrap="nowrap">
          <TextInput size="xs" style={{ flex: 1 }} value={text} onChange={(e) => setText(e.currentTarget.value)} placeholder={t('evaluate.comment.placeholder', { time: formatClock(at) })} data-testid="comment-text" />
          <Button size="xs" variant="light" disabled={!text.trim()} data-testid="comment-add"
            onClick={() => { onChange([...comments, { at, text: text.trim() }]); setText(''); }}>
            {t('evaluate.comment.add', { time: formatClock(at) })}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

function EvaluationForm({ callId, campaignId, grid, time, seek }: { callId: string; campaignId: string; grid: { name: string; version: number; sections: Section[] }; time: number; seek: (s: number) => void }) {
  const t = useT();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const client = useQueryClient();
  const [answers, setAnswers] = useState<Answers>({});
  const [comments, setComments] = useState<PinnedComment[]>([]);
  const submit = useMutation(trpc.quality.evaluate.mutationOptions({ onSuccess: () => client.invalidateQueries({ queryKey: trpc.quality.pathKey() }) }));
  const { missing } = checkAnswers(grid.sections, answers);
  return (
    <Stack>
      <Title order={4}>{t('evaluate.grid', { name: grid.name, version: String(grid.version) })}</Title>
      <LiveScore sections={grid.sections} answers={answers} />
      <GridAnswers sections={grid.sections} answers={answers} onChange={setAnswers} />
      <Comments comments={comments} onChange={setComments} time={time} seek={seek} />
      {submit.isError && <Alert color="red">{errorText(submit.error)}</Alert>}
      <Group>
        <Button onClick={() => submit.mutate({ callId, campaignId, answers, comments })} loading={submit.isPending} disabled={missing.length > 0} data-testid="evaluate-submit">{t('evaluate.submit')}</Button>
        {missing.length > 0 && <Text size="sm" c="dimmed">{t('evaluate.missing', { count: String(missing.length) })}</Text>}
      </Group>
    </Stack>
  );
}

function MyEvaluation({ evaluationId, sections, seek, time }: { evaluationId: string; sections: Section[]; seek: (s: number) => void; time: number }) {
  const t = useT();
  const [locale] = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const client = useQueryClient();
  const data = useQuery(trpc.quality.evaluation.queryOptions({ evaluationId }));
  const [reply, setReply] = useState('');
  const [revise, setRevise] = useState(false);
  const [answers, setAnswers] = useState<Answers | null>(null);
  const respond = useMutation(trpc.quality.respond.mutationOptions({ onSuccess: () => { setReply(''); setRevise(false); return client.invalidateQueries({ queryKey: trpc.quality.pathKey() }); } }));
  if (data.isPending) return <Loader size="sm" />;
  if (data.isError) return <Alert color="red">{errorText(data.error)}</Alert>;
  const { current, history } = data.data;
  const shown = revise && answers ? answers : current.answers;
  return (
    <Stack data-testid="my-evaluation">
      <Alert color="teal">{t('evaluate.already')}</Alert>
      <Group gap="xs">
        <Badge variant="light" color={STATUS_COLOR[current.status]} data-testid="evaluation-status">{t(`quality.status.${current.status}` as MessageKey)}</Badge>
      </Group>
      <LiveScore sections={sections} answers={shown} />
      {current.status === 'disputed' && (
        <Paper withBorder p="md" bg="red.0">
          <Title order={5}>{t('quality.dispute.title')}</Title>
          <Text size="sm" mb="xs">« {current.agentComment} »</Text>
          <Textarea label={t('quality.dispute.reply')} value={reply} onChange={(e) => setReply(e.currentTarget.value)} autosize minRows={2} data-testid="dispute-reply" />
          <Switch mt="xs" label={t('quality.dispute.revise')} checked={revise} onChange={(e) => { setRevise(e.currentTarget.checked); setAnswers(current.answers); }} />
          {respond.isError && <Text c="red" size="sm">{errorText(respond.error)}</Text>}
          <Button mt="xs" size="xs" disabled={!reply.trim()} loading={respond.isPending} data-testid="dispute-send"
            onClick={() => respond.mutate({ evaluationId, reply: reply.trim(), answers: revise && answers ? answers : undefined })}>{t('quality.dispute.send')}</Button>
        </Paper>
      )}
      <GridAnswers sections={sections} answers={shown} onChange={revise ? (a) => setAnswers(a) : undefined} />
      <Comments comments={current.comments} time={time} seek={seek} />
      <Paper withBorder p="sm">
        <Title order={5} mb={4}>{t('quality.history')}</Title>
        {history.map((h) => (
          <Text key={h.revision} size="xs" data-testid="revision">
            {t('quality.history.line', { revision: String(h.revision), status: t(`quality.status.${h.status}` as MessageKey), who: h.changedByName, when: formatWhen(h.updatedAt, locale) })}
            {' · '}{formatScore(h.score, locale)}
            {h.agentComment && h.status === 'disputed' ? ` · « ${h.agentComment} »` : ''}
            {h.evaluatorReply && h.status === 'revised' ? ` · « ${h.evaluatorReply} »` : ''}
          </Text>
        ))}
      </Paper>
    </Stack>
  );
}
