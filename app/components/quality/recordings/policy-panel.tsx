'use client';
// The partnership's recording rules on the workspace page: may the client listen, how many days the audio is kept.
// Both sides read them; the outsourcer's managers and admins change them (the server decides: `canEdit`).
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, Loader, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useErrorText, useT } from '@/app/i18n/client';
import { useWhen } from '@/app/components/workspace/format';

export function RecordingPolicyPanel({ partnershipId }: { partnershipId: string }) {
  const t = useT();
  const when = useWhen();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const policy = useQuery(trpc.recordings.policy.queryOptions({ partnershipId }));
  const [clientMayListen, setClientMayListen] = useState(false);
  const [retentionDays, setRetentionDays] = useState<number | string>(180);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => {
    if (!policy.data) return;
    setClientMayListen(policy.data.clientMayListen);
    setRetentionDays(policy.data.retentionDays);
  }, [policy.data]);
  const save = useMutation(trpc.recordings.setPolicy.mutationOptions({
    onSuccess: (r) => {
      setMessage({ text: t(r.changed ? 'recordings.policy.saved' : 'recordings.policy.unchanged'), error: false });
      void qc.invalidateQueries({ queryKey: trpc.recordings.policy.queryKey({ partnershipId }) });
    },
    onError: (e) => setMessage({ text: errorText(e), error: true }),
  }));

  if (policy.isPending) return <Loader size="sm" />;
  if (policy.isError) return <Alert color="red" data-testid="recording-policy-error">{t('recordings.policy.error')} {errorText(policy.error)}</Alert>;
  const p = policy.data;
  const days = typeof retentionDays === 'number' ? retentionDays : Number(retentionDays);
  const valid = Number.isInteger(days) && days >= p.minRetentionDays && days <= p.maxRetentionDays;
  return (
    <Paper withBorder p="md" maw={720} data-testid="recording-policy">
      <Stack gap="sm">
        <Title order={4}>{t('recordings.policy.title')}</Title>
        <Text size="sm" c="dimmed">{t('recordings.policy.lead')}</Text>
        {p.canEdit ? (
          <Switch checked={clientMayListen} onChange={(e) => setClientMayListen(e.currentTarget.checked)} data-testid="recording-policy-client"
            label={t('recordings.policy.clientMayListen')} description={t('recordings.policy.clientMayListen.help')} />
        ) : (
          <Group gap="xs">
            <Text size="sm" fw={500}>{t('recordings.policy.clientMayListen')}</Text>
            <Badge color={p.clientMayListen ? 'teal' : 'gray'} data-testid="recording-policy-client-value">
              {t(p.clientMayListen ? 'recordings.policy.on' : 'recordings.policy.off')}
            </Badge>
          </Group>
        )}
        <NumberInput label={t('recordings.policy.retention')} maw={460} readOnly={!p.canEdit} min={p.minRetentionDays} max={p.maxRetentionDays}
          allowDecimal={false} value={p.canEdit ? retentionDays : p.retentionDays} onChange={setRetentionDays} data-testid="recording-policy-retention"
          description={t('recordings.policy.retention.help', { min: String(p.minRetentionDays), max: String(p.maxRetentionDays) })}
          error={p.canEdit && !valid ? t('recordings.policy.retention.bounds', { min: String(p.minRetentionDays), max: String(p.maxRetentionDays) }) : undefined} />
        <Text size="xs" c="dimmed" data-testid="recording-policy-changed">
          {p.changedAt ? t('recordings.policy.changed', { who: p.changedByName ?? '', when: when(p.changedAt) }) : t('recordings.policy.defaults')}
        </Text>
        {p.canEdit ? (
          <Group>
            <Button size="sm" disabled={!valid} loading={save.isPending} data-testid="recording-policy-save"
              onClick={() => { setMessage(null); save.mutate({ partnershipId, clientMayListen, retentionDays: days }); }}>
              {t('recordings.policy.save')}
            </Button>
            {message && <Text size="sm" c={message.error ? 'red' : undefined} data-testid="recording-policy-message">{message.text}</Text>}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">{t('recordings.policy.readOnly')}</Text>
        )}
      </Stack>
    </Paper>
  );
}
