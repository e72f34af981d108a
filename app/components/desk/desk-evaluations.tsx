'use client';
// « Mes évaluations » on the agent desk: the signed-in agent's evaluations (score, comments pinned to the recording,
// the evaluator's answer), a link to listen to their own call, and Acknowledge or Dispute with a comment.
import { useState } from 'react';
import { Anchor, Badge, Button, Collapse, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useErrorText, useLocale, useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { criteriaOf } from '@/server/quality/grid';
import { formatScore, formatWhen, scoreColor, STATUS_COLOR } from '@/app/components/quality/format';
import { formatClock } from '@/app/components/quality/recording-player';
import { recordingUrl } from '@/server/recordings/recording-url';

export function DeskEvaluations() {
  const t = useT();
  const [locale] = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const client = useQueryClient();
  const mine = useQuery(trpc.quality.mine.queryOptions());
  const [open, setOpen] = useState<string | null>(null);
  const [disputing, setDisputing] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const done = () => { setDisputing(null); setComment(''); return client.invalidateQueries({ queryKey: trpc.quality.mine.queryKey() }); };
  const acknowledge = useMutation(trpc.quality.acknowledge.mutationOptions({ onSuccess: done }));
  const dispute = useMutation(trpc.quality.dispute.mutationOptions({ onSuccess: done }));
  return (
    <Paper withBorder p="md" data-testid="desk-evaluations">
      <Title order={5} mb="xs">{t('desk.evaluations.title')}</Title>
      {mine.isPending ? <Loader size="sm" /> : mine.isError ? <Text c="red" size="sm">{errorText(mine.error)}</Text> : mine.data.evaluations.length === 0 ? (
        <Text size="sm" c="dimmed">{t('desk.evaluations.empty')}</Text>
      ) : (
        <Stack gap="xs">
          {(acknowledge.isError || dispute.isError) && <Text c="red" size="sm">{errorText(acknowledge.error ?? dispute.error)}</Text>}
          {mine.data.evaluations.slice(0, 10).map((e) => {
            const grid = mine.data.grids.find((g) => g.campaign_id === e.campaignId && g.version === e.gridVersion);
            const campaign = mine.data.campaigns.find((c) => c.id === e.campaignId);
            const canAnswer = e.status === 'submitted' || e.status === 'revised';
            return (
              <Paper key={e.id} withBorder p="xs" data-testid="desk-evaluation">
                <Group gap="xs" justify="space-between">
                  <Group gap="xs">
                    <Badge color={scoreColor(e.score)} data-testid="desk-evaluation-score">{formatScore(e.score, locale)}</Badge>
                    <Text size="sm">{campaign?.code} · {formatWhen(e.callStartedAt, locale)}</Text>
                    <Badge variant="light" color={STATUS_COLOR[e.status]} data-testid="desk-evaluation-status">{t(`quality.status.${e.status}` as MessageKey)}</Badge>
                  </Group>
                  <Group gap="xs">
                    <Anchor size="xs" href={recordingUrl({ callId: e.callId, campaignId: e.campaignId })} target="_blank">{t('desk.evaluations.listen')}</Anchor>
                    <Button size="compact-xs" variant="subtle" onClick={() => setOpen(open === e.id ? null : e.id)}>{t('desk.evaluations.details')}</Button>
                  </Group>
                </Group>
                {e.comments.map((c, i) => <Text key={i} size="xs" component="div"><Badge size="xs" variant="outline">{formatClock(c.at)}</Badge> {c.text}</Text>)}
                {e.agentComment && <Text size="xs" c="dimmed">{t('desk.evaluations.yourComment', { comment: e.agentComment })}</Text>}
                {e.evaluatorReply && <Text size="xs" c="grape">{t('desk.evaluations.reply', { reply: e.evaluatorReply })}</Text>}
                <Collapse expanded={open === e.id}>
                  {grid && criteriaOf(grid.sections).map((c) => (
                    <Text key={c.id} size="xs">{c.label} : <b>{String(e.answers[c.id] ?? '—').replace(/^yes$/, t('evaluate.yes')).replace(/^no$/, t('evaluate.no')).replace(/^na$/, t('evaluate.na'))}{c.answer === 'scale' && typeof e.answers[c.id] === 'number' ? ` / ${c.max}` : ''}</b></Text>
                  ))}
                </Collapse>
                {canAnswer && (disputing === e.id ? (
                  <Stack gap={4} mt={4}>
                    <Textarea size="xs" label={t('desk.evaluations.comment')} value={comment} onChange={(ev) => setComment(ev.currentTarget.value)} autosize minRows={2} data-testid="dispute-comment" />
                    <Button size="xs" color="red" disabled={!comment.trim()} loading={dispute.isPending} onClick={() => dispute.mutate({ evaluationId: e.id, comment: comment.trim() })} data-testid="dispute-send">{t('desk.evaluations.sendDispute')}</Button>
                  </Stack>
                ) : (
                  <Group gap="xs" mt={4}>
                    <Button size="xs" loading={acknowledge.isPending} onClick={() => acknowledge.mutate({ evaluationId: e.id, comment: '' })} data-testid="evaluation-acknowledge">{t('desk.evaluations.acknowledge')}</Button>
                    <Button size="xs" variant="light" color="red" onClick={() => { setDisputing(e.id); setComment(''); }} data-testid="evaluation-dispute">{t('desk.evaluations.dispute')}</Button>
                  </Group>
                ))}
              </Paper>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
