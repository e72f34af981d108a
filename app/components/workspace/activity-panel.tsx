'use client';
// The dated feed of a workspace, with comments; opening it marks the workspace as read.
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { useWhen } from './format';

export function ActivityPanel({ partnershipId }: { partnershipId: string }) {
  const t = useT();
  const when = useWhen();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const feed = useQuery({ ...trpc.workspace.activity.feed.queryOptions({ partnershipId, limit: 200 }), refetchInterval: 10_000 });
  const [body, setBody] = useState('');
  const markRead = useMutation(trpc.workspace.activity.markRead.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: trpc.workspace.activity.workspaces.queryKey() }) }));
  const comment = useMutation(trpc.workspace.activity.comment.mutationOptions({ onSuccess: () => { setBody(''); void qc.invalidateQueries({ queryKey: trpc.workspace.activity.feed.queryKey() }); } }));
  const newest = feed.data?.[0]?.id;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { markRead.mutate({ partnershipId }); }, [partnershipId, newest]);

  return (
    <Stack>
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Textarea placeholder={t('activity.commentPlaceholder')} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={2} data-testid="comment-body" />
          <Group><Button size="xs" onClick={() => comment.mutate({ partnershipId, subjectType: 'workspace', subjectId: partnershipId, body })} disabled={!body.trim()} loading={comment.isPending}>{t('activity.comment')}</Button></Group>
        </Stack>
      </Paper>
      {feed.data?.length === 0 && <Alert color="gray">{t('activity.empty')}</Alert>}
      <Stack gap={6} data-testid="activity-feed">
        {feed.data?.map((e) => {
          const params = Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, String(v)]));
          const sentence = e.kind === 'comment' ? t('activity.comment_on') : t(`activity.${e.kind}` as MessageKey, params);
          return (
            <Paper key={e.id} withBorder p="xs" data-kind={e.kind}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Text size="xs" c="dimmed" w={150} style={{ flexShrink: 0 }}>{when(e.at)}</Text>
                <Badge size="xs" variant="light" color={e.actor_side === 'client' ? 'blue' : 'teal'}>{t(`side.${e.actor_side}`)}</Badge>
                <div>
                  <Text size="sm"><b>{e.actor_name}</b> {sentence}</Text>
                  {e.body && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} mt={2}>{e.body}</Text>}
                </div>
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}
