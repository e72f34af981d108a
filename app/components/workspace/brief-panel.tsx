'use client';
// The brief: objectives, the KPI targets of each campaign (targets-panel.tsx), technical scope, dates, one named contact per side, and history.
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Timeline, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useErrorText, useT } from '@/app/i18n/client';
import type { RouterInputs } from '@/app/trpc/types';
import { useWhen } from './format';
import { TargetsPanel } from './targets-panel';
import { DayInput } from '@/app/components/day-input/day-input';

type BriefFields = RouterInputs['workspace']['brief']['save']['fields'];

const EMPTY: BriefFields = {
  objectives: '', technical_scope: '', start_date: null, end_date: null,
  client_contact_name: '', client_contact_email: '', client_contact_phone: '',
  outsourcer_contact_name: '', outsourcer_contact_email: '', outsourcer_contact_phone: '',
};
const pick = (b: BriefFields): BriefFields => Object.fromEntries(Object.keys(EMPTY).map((k) => [k, b[k as keyof BriefFields]])) as unknown as BriefFields;

export function BriefPanel({ partnershipId, canEdit }: { partnershipId: string; canEdit: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const when = useWhen();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const brief = useQuery(trpc.workspace.brief.get.queryOptions({ partnershipId }));
  const [form, setForm] = useState<BriefFields>(EMPTY);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => { if (brief.data?.current) setForm(pick(brief.data.current)); }, [brief.data]);
  const save = useMutation(trpc.workspace.brief.save.mutationOptions({
    onSuccess: (r) => {
      setMessage(r.changed.length ? t('ws.saved', { revision: String(r.revision) }) : t('ws.nochange'));
      void qc.invalidateQueries({ queryKey: trpc.workspace.pathKey() });
    },
    onError: (e) => setMessage(errorText(e)),
  }));
  const set = <K extends keyof BriefFields>(key: K) => (value: BriefFields[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: keyof BriefFields, label: string) => (
    <TextInput label={label} value={(form[key] as string | null) ?? ''} readOnly={!canEdit} data-testid={`brief-${key}`}
      onChange={(e) => set(key)(e.currentTarget.value as never)} />
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
      <Stack style={{ gridColumn: 'span 2' }}>
        {!canEdit && <Text size="sm" c="dimmed">{t('ws.readonly')}</Text>}
        <Textarea label={t('brief.objectives')} autosize minRows={3} value={form.objectives} readOnly={!canEdit} data-testid="brief-objectives"
          onChange={(e) => set('objectives')(e.currentTarget.value)} />
        <Textarea label={t('brief.scope')} autosize minRows={3} value={form.technical_scope} readOnly={!canEdit}
          onChange={(e) => set('technical_scope')(e.currentTarget.value)} />
        <Group grow>
          <DayInput label={t('brief.start')} value={form.start_date ?? ''} readOnly={!canEdit} clearable={canEdit} onChange={(day) => set('start_date')(day || null)} />
          <DayInput label={t('brief.end')} value={form.end_date ?? ''} readOnly={!canEdit} clearable={canEdit} onChange={(day) => set('end_date')(day || null)} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Paper withBorder p="sm"><Stack gap="xs">
            <Title order={6}>{t('brief.clientContact')}</Title>
            {text('client_contact_name', t('brief.name'))}{text('client_contact_email', t('brief.email'))}{text('client_contact_phone', t('brief.phone'))}
          </Stack></Paper>
          <Paper withBorder p="sm"><Stack gap="xs">
            <Title order={6}>{t('brief.outsourcerContact')}</Title>
            {text('outsourcer_contact_name', t('brief.name'))}{text('outsourcer_contact_email', t('brief.email'))}{text('outsourcer_contact_phone', t('brief.phone'))}
          </Stack></Paper>
        </SimpleGrid>
        {canEdit && (
          <Group>
            <Button onClick={() => { setMessage(null); save.mutate({ partnershipId, fields: form }); }} loading={save.isPending} data-testid="brief-save">{t('ws.save')}</Button>
            {message && <Text size="sm" data-testid="brief-message">{message}</Text>}
          </Group>
        )}
        <TargetsPanel partnershipId={partnershipId} entries={brief.data?.targets ?? []} canEdit={canEdit} />
      </Stack>
      <Stack>
        <Title order={5}>{t('brief.history')}</Title>
        {!brief.data?.history.length && <Alert color="gray">{t('brief.empty')}</Alert>}
        <Timeline bulletSize={14} lineWidth={2} active={0}>
          {brief.data?.history.map((rev) => (
            <Timeline.Item key={rev.revision} title={t('brief.revision', { revision: String(rev.revision), who: rev.edited_by_name, when: when(rev.edited_at) })}>
              <Text size="xs" c="dimmed">{rev.changed.join(', ')}</Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </SimpleGrid>
  );
}
