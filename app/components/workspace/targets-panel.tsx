'use client';
// The brief's KPI targets: one set per campaign of the partnership, which IS the campaign's set (the live monitor,
// reports and alerts read it). Either side edits it; each save is a revision, listed with who and when.
import { useEffect, useState } from 'react';
import { Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useErrorText, useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import type { RouterOutputs } from '@/app/trpc/types';
import { useWhen } from './format';

type Entry = RouterOutputs['workspace']['brief']['get']['targets'][number];
type Targets = Entry['current'];

const pct = (v: number | null) => (v === null ? '' : Math.round(v * 1000) / 10);
const fromPct = (v: string | number) => (v === '' ? null : Number(v) / 100);
const num = (v: string | number) => (v === '' ? null : Number(v));

/**
 * Each target: its KPI's name (the one term used on every page), unit, whether it is a percentage, and the
 * direction it means something for (the service level is inbound's, the SAL outbound's): only those are shown.
 */
const FIELDS: { key: keyof Targets; label: MessageKey; unit: string; percent: boolean; min?: number; max?: number; only?: 'inbound' | 'outbound' }[] = [
  { key: 'target_service_level', label: 'kpi.service_level', unit: '%', percent: true, min: 0, max: 100, only: 'inbound' },
  { key: 'target_abandon_rate', label: 'kpi.abandon_rate', unit: '%', percent: true, min: 0, max: 100 },
  { key: 'target_conversion_rate', label: 'kpi.conversion_rate', unit: '%', percent: true, min: 0, max: 100 },
  { key: 'target_aht_seconds', label: 'kpi.aht_seconds', unit: 's', percent: false, min: 0 },
  { key: 'target_nps', label: 'kpi.nps', unit: '', percent: false, min: -100, max: 100 },
  { key: 'target_sal', label: 'kpi.sal', unit: '%', percent: true, min: 0, max: 100, only: 'outbound' },
  { key: 'target_sal_hours', label: 'targets.salHours', unit: '', percent: false, min: 0, only: 'outbound' },
];

function CampaignTargets({ partnershipId, entry, canEdit }: { partnershipId: string; entry: Entry; canEdit: boolean }) {
  const t = useT();
  const when = useWhen();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [form, setForm] = useState<Targets>(entry.current);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setForm(entry.current), [entry.current]);
  const save = useMutation(trpc.workspace.brief.setTargets.mutationOptions({
    onSuccess: (r) => {
      setMessage(r.changed.length ? t('targets.saved', { code: entry.code, revision: String(r.revision) }) : t('targets.nochange'));
      void qc.invalidateQueries({ queryKey: trpc.workspace.pathKey() });
      void qc.invalidateQueries({ queryKey: trpc.kpi.pathKey() });
    },
    onError: (e) => setMessage(errorText(e)),
  }));
  const label = (f: (typeof FIELDS)[number]) => `${t(f.label)}${f.unit ? ` (${f.unit})` : ''}`;
  return (
    <Paper withBorder p="sm" data-testid={`targets-${entry.code}`}>
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={6}>{entry.name}</Title>
          <Badge variant="light" ff="monospace">{entry.code}</Badge>
          <Badge variant="outline" color="gray">{t(`direction.${entry.direction}`)}</Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
          {FIELDS.filter((f) => !f.only || f.only === entry.direction).map((f) => (
            <NumberInput key={f.key} label={label(f)} min={f.min} max={f.max} readOnly={!canEdit} data-testid={`target-${entry.code}-${f.key}`}
              value={f.percent ? pct(form[f.key]) : (form[f.key] ?? '')}
              onChange={(v) => setForm((s) => ({ ...s, [f.key]: f.percent ? fromPct(v) : num(v) }))} />
          ))}
        </SimpleGrid>
        {canEdit && (
          <Group>
            <Button size="xs" onClick={() => { setMessage(null); save.mutate({ partnershipId, campaignId: entry.campaignId, targets: form }); }} loading={save.isPending}
              data-testid={`targets-save-${entry.code}`}>{t('targets.save')}</Button>
            {message && <Text size="sm" data-testid={`targets-message-${entry.code}`}>{message}</Text>}
          </Group>
        )}
        {entry.history.length > 0 && (
          <>
            <Text size="xs" c="dimmed" fw={700}>{t('targets.history', { code: entry.code })}</Text>
            <Timeline bulletSize={10} lineWidth={1} active={0}>
              {entry.history.map((rev) => (
                <Timeline.Item key={rev.revision} title={<Text size="xs">{t('brief.revision', { revision: String(rev.revision), who: rev.edited_by_name, when: when(rev.edited_at) })}</Text>}>
                  <Text size="xs" c="dimmed">{rev.changed.map((k) => { const f = FIELDS.find((x) => x.key === k)!; return label(f); }).join(', ')}</Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </>
        )}
      </Stack>
    </Paper>
  );
}

export function TargetsPanel({ partnershipId, entries, canEdit }: { partnershipId: string; entries: Entry[]; canEdit: boolean }) {
  const t = useT();
  return (
    <Stack gap="xs" data-testid="brief-targets">
      <Title order={5}>{t('targets.title')}</Title>
      <Text size="sm" c="dimmed">{t('targets.lead')}</Text>
      {entries.length === 0 && <Text size="sm" c="dimmed">{t('targets.none')}</Text>}
      {entries.map((e) => <CampaignTargets key={e.campaignId} partnershipId={partnershipId} entry={e} canEdit={canEdit} />)}
    </Stack>
  );
}
