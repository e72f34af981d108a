'use client';
// Pieces the dialer cards share: a figure with its label, a stacked bar with counts, the campaign's number.
import { Badge, Group, Progress, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import type { DialerRow, DialerSettings, RunnerSnapshot } from './types';

export const AGENT_STATES = [['available', 'teal'], ['reserved', 'yellow'], ['on_call', 'blue'], ['wrapup', 'grape'], ['paused', 'gray']] as const;

export function Metric({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} size="lg" data-testid={testId}>{value}</Text>
    </Stack>
  );
}

export function Stacked({ parts, total, label }: { parts: { key: string; value: number; color: string; label: string }[]; total: number; label: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>{label}</Text>
      <Progress.Root size="lg">
        {parts.map((p) => (
          <Tooltip key={p.key} label={`${p.label}: ${p.value}`}>
            <Progress.Section value={total ? (100 * p.value) / total : 0} color={p.color} />
          </Tooltip>
        ))}
      </Progress.Root>
      <Group gap="xs">{parts.map((p) => <Badge key={p.key} color={p.color} variant="light" data-testid={`count-${p.key}`}>{p.label} {p.value}</Badge>)}</Group>
    </Stack>
  );
}

export function AgentsBar({ live }: { live: RunnerSnapshot }) {
  const t = useT();
  const total = Object.values(live.agents).reduce((a, b) => a + b, 0);
  return <Stacked label={t('dialer.agents')} total={total} parts={AGENT_STATES.map(([k, color]) => ({ key: k, color, value: live.agents[k], label: t(`dialer.agent.${k}` as MessageKey) }))} />;
}

const E164 = /^\+[1-9]\d{5,14}$/;

/** The campaign's number, saved when the field loses focus with a valid E.164 value. */
export function NumberField({ label, value, disabled, onSave }: { label: string; value: string | null; disabled: boolean; onSave: (n: string) => void }) {
  const t = useT();
  const [draft, setDraft] = useState(value ?? '');
  const cleaned = draft.replace(/[\s.-]/g, '');
  const invalid = cleaned !== '' && !E164.test(cleaned);
  return (
    <TextInput label={label} w={200} placeholder="+33180001000" value={draft} disabled={disabled} data-testid="dialer-number"
      error={invalid ? t('dialer.numberInvalid') : undefined}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={() => { if (!invalid && cleaned && cleaned !== value) onSave(cleaned); }} />
  );
}

export function StatusBadge({ status, inbound }: { status: DialerSettings['status']; inbound?: boolean }) {
  const t = useT();
  const color = status === 'running' ? 'teal' : status === 'paused' ? 'yellow' : 'gray';
  const key = inbound ? (status === 'running' ? 'dialer.line.open' : 'dialer.line.closed') : `dialer.status.${status}`;
  return <Badge color={color} size="lg" data-testid="dialer-status">{t(key as MessageKey)}</Badge>;
}

/** The card's title: campaign, client, direction, and its state (an inbound line is open or closed). */
export function CardHeading({ row }: { row: DialerRow }) {
  const t = useT();
  const inbound = row.direction === 'inbound';
  return (
    <Group justify="space-between">
      <div>
        <Text fw={700}>{row.name}</Text>
        <Text size="sm" c="dimmed">{row.code} · {row.client} · {t(inbound ? 'dialer.inbound' : 'dialer.outbound')}</Text>
      </div>
      <StatusBadge status={row.settings.status} inbound={inbound} />
    </Group>
  );
}
