'use client';
// The specification: versions with their status; the other side signs; a new version starts from the latest.
import { useEffect, useState } from 'react';
import Markdown from 'react-markdown';
import { Accordion, Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Textarea, Title, Typography } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useErrorText, useT } from '@/app/i18n/client';
import { useWhen } from './format';

const COLOR = { signed: 'teal', proposed: 'orange', superseded: 'gray' } as const;

export function SpecPanel({ partnershipId, canEdit }: { partnershipId: string; canEdit: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const when = useWhen();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const versions = useQuery(trpc.workspace.spec.list.queryOptions({ partnershipId }));
  const [body, setBody] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const latest = versions.data?.[0];
  // The newest version is open, from the first render on (an expanding panel can swallow a click), and again
  // each time a new one appears; what the user opens or closes holds until then.
  const latestKey = latest ? String(latest.number) : null;
  const [chosen, setChosen] = useState<{ latest: string | null; open: string | null }>();
  const open = chosen && chosen.latest === latestKey ? chosen.open : latestKey;
  useEffect(() => {
    if (latest) setBody((b) => b || latest.body);
  }, [latest]);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.workspace.pathKey() });
  const propose = useMutation(trpc.workspace.spec.propose.mutationOptions({ onSuccess: () => { setNote(''); void refresh(); }, onError: (e) => setError(errorText(e)) }));
  const sign = useMutation(trpc.workspace.spec.sign.mutationOptions({ onSuccess: () => void refresh(), onError: (e) => setError(errorText(e)) }));

  return (
    <Stack>
      {error && <Alert color="red" withCloseButton onClose={() => setError(null)}>{error}</Alert>}
      {versions.data?.length === 0 && <Alert color="gray">{t('spec.empty')}</Alert>}
      <Accordion variant="separated" value={open} onChange={(value) => setChosen({ latest: latestKey, open: value })}>
        {versions.data?.map((v) => (
          <Accordion.Item key={v.number} value={String(v.number)} data-testid={`spec-version-${v.number}`}>
            <Accordion.Control>
              <Group>
                <Text fw={600}>{t('spec.version', { number: String(v.number) })}</Text>
                <Badge color={COLOR[v.status]} data-testid="spec-status">{t(`spec.status.${v.status}`)}</Badge>
                {v.note && <Text size="sm" c="dimmed">{v.note}</Text>}
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                <Text size="xs" c="dimmed">{t('spec.proposedBy', { who: v.proposed_by_name, side: t(`side.${v.proposed_side}`), when: when(v.proposed_at) })}</Text>
                {v.signed_at && <Text size="xs" c="teal.9" fw={600}>{t('spec.signedBy', { who: v.signed_by_name, when: when(v.signed_at) })}</Text>}
                <Paper withBorder p="md"><Typography><Markdown>{v.body}</Markdown></Typography></Paper>
                {v.canSign && <Group><Button color="teal" onClick={() => sign.mutate({ partnershipId, number: v.number })} loading={sign.isPending} data-testid="spec-sign">{t('spec.sign')}</Button></Group>}
                {v.status === 'proposed' && !v.canSign && <Text size="sm" c="dimmed">{t('spec.waiting')}</Text>}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      {canEdit && (
        <Paper withBorder p="md">
          <Stack>
            <Title order={5}>{t('spec.propose')}</Title>
            <Textarea label={t('spec.body')} autosize minRows={8} maxRows={24} value={body} onChange={(e) => setBody(e.currentTarget.value)} data-testid="spec-body" styles={{ input: { fontFamily: 'monospace' } }} />
            <TextInput label={t('spec.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <Group><Button onClick={() => propose.mutate({ partnershipId, body, note })} loading={propose.isPending} disabled={!body.trim()} data-testid="spec-propose">{t('spec.propose')}</Button></Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
