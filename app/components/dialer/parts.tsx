'use client';
// Pieces the dialer cards share: a figure with its label, a stacked bar with counts, the campaign's number.
import { Badge, Group, Progress, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useLocale, useT } from '@/app/i18n/client';
import { idleText } from './idle-text';
import type { MessageKey } from '@/app/i18n/messages';
import { isE164 } from '@/server/dialer/number-form';
import { AGENT_STATE_COLORS, AGENT_STATE_ORDER } from '../agent-state-style';
import type { DialerRow, DialerSettings, RunnerSnapshot } from './types';

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
  const states = AGENT_STATE_ORDER.filter((k): k is keyof RunnerSnapshot['agents'] => k in live.agents);
  return <Stacked label={t('dialer.agents')} total={total} parts={states.map((k) => ({ key: k, color: AGENT_STATE_COLORS[k], value: live.agents[k], label: t(`state.${k}`) }))} />;
}

/** The campaign's number, saved when the field loses focus with a valid E.164 value. */
export function NumberField({ label, value, disabled, onSave }: { label: string; value: string | null; disabled: boolean; onSave: (n: string) => void }) {
  const t = useT();
  const [draft, setDraft] = useState(value ?? '');
  const cleaned = draft.replace(/[\s.-]/g, '');
  const invalid = cleaned !== '' && !isE164(cleaned);
  return (
    <TextInput label={label} w={200} placeholder="+33180001000" value={draft} disabled={disabled} data-testid="dialer-number"
      error={invalid ? t('dialer.numberInvalid') : undefined}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={() => { if (!invalid && cleaned && cleaned !== value) onSave(cleaned); }} />
  );
}

/** The campaign's state; a running one that places no call says "waiting" (its card says why). */
export function StatusBadge({ status, inbound, idle }: { status: DialerSettings['status']; inbound?: boolean; idle?: boolean }) {
  const t = useT();
  const color = status === 'running' ? (idle ? 'orange' : 'teal') : status === 'paused' ? 'yellow' : 'gray';
  const key = inbound ? (status === 'running' ? 'dialer.line.open' : 'dialer.line.closed') : idle && status === 'running' ? 'dialer.status.idle' : `dialer.status.${status}`;
  return <Badge color={color} size="lg" data-testid="dialer-status">{t(key as MessageKey)}</Badge>;
}

/**
 * The card's title: campaign, client, direction, and its state (an inbound line is open or closed); a campaign set
 * to run that places no call says why (outside calling hours and when they resume, no agent, no lead due…).
 */
export function CardHeading({ row }: { row: DialerRow }) {
  const t = useT();
  const [locale] = useLocale();
  const inbound = row.direction === 'inbound';
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={700}>{row.name}</Text>
          <Text size="sm" c="dimmed">{row.code} · {row.client} · {t(inbound ? 'dialer.inbound' : 'dialer.outbound')}</Text>
        </div>
        <StatusBadge status={row.settings.status} inbound={inbound} idle={row.idle !== null} />
      </Group>
      {row.idle && <Text size="sm" c="orange" fw={600} data-testid="dialer-idle">{idleText(row.idle, { now: Date.now(), timeZone: row.timeZone, locale, inbound })}</Text>}
    </Stack>
  );
}
