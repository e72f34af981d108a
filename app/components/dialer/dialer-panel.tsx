'use client';
// The manager's dialer controls: one card per outbound campaign with start/pause/stop, mode and abandon
// target, and what the dialer is doing right now (refreshed every second).
import { Alert, Badge, Button, Card, Group, NumberInput, Progress, SegmentedControl, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import type { RunnerSnapshot } from '@/dialer/runner/campaign-runner';
import type { DialerSettings } from '@/dialer/runner/settings';

const MODES = ['preview', 'progressive', 'predictive', 'blended'] as const;
const AGENT_STATES = [['available', 'teal'], ['reserved', 'yellow'], ['on_call', 'blue'], ['wrapup', 'grape'], ['paused', 'gray']] as const;
const LEAD_STATES = [['due', 'teal'], ['inFlight', 'blue'], ['scheduled', 'yellow'], ['done', 'gray']] as const;
const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);

interface Row { id: string; code: string; name: string; client: string; settings: DialerSettings; live: RunnerSnapshot | null }

function Metric({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} size="lg" data-testid={testId}>{value}</Text>
    </Stack>
  );
}

function Stacked({ parts, total, label }: { parts: { key: string; value: number; color: string; label: string }[]; total: number; label: string }) {
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

function CampaignCard({ row, onChange, busy }: { row: Row; onChange: (change: Partial<DialerSettings>) => void; busy: boolean }) {
  const t = useT();
  const { settings, live } = row;
  const statusColor = settings.status === 'running' ? 'teal' : settings.status === 'paused' ? 'yellow' : 'gray';
  const agentsTotal = live ? Object.values(live.agents).reduce((a, b) => a + b, 0) : 0;
  return (
    <Card withBorder data-testid={`dialer-${row.code}`}>
      <Stack>
        <Group justify="space-between">
          <div>
            <Text fw={700}>{row.name}</Text>
            <Text size="sm" c="dimmed">{row.code} · {row.client}</Text>
          </div>
          <Badge color={statusColor} size="lg" data-testid="dialer-status">{t(`dialer.status.${settings.status}` as MessageKey)}</Badge>
        </Group>
        {live?.blocked && <Alert color="red">{t('dialer.blocked', { reason: live.blocked })}</Alert>}
        {live && !live.sipConnected && <Alert color="orange">{t('dialer.sipDown')}</Alert>}
        {live?.noDncList && <Alert color="yellow" variant="light">{t('dialer.noDnc')}</Alert>}
        <Group>
          <Button color="teal" disabled={busy || settings.status === 'running'} onClick={() => onChange({ status: 'running' })}>{t('dialer.start')}</Button>
          <Button color="yellow" variant="light" disabled={busy || settings.status !== 'running'} onClick={() => onChange({ status: 'paused' })}>{t('dialer.pause')}</Button>
          <Button color="red" variant="light" disabled={busy || settings.status === 'stopped'} onClick={() => onChange({ status: 'stopped' })}>{t('dialer.stop')}</Button>
        </Group>
        <Group align="end">
          <Stack gap={2}>
            <Text size="sm" fw={600}>{t('dialer.mode')}</Text>
            <SegmentedControl data-testid="dialer-mode" value={settings.mode} disabled={busy}
              data={MODES.map((m) => ({ value: m, label: t(`dialer.mode.${m}` as MessageKey) }))}
              onChange={(mode) => onChange({ mode: mode as DialerSettings['mode'] })} />
          </Stack>
          <NumberInput label={t('dialer.target')} w={170} min={0} max={3} step={0.1} decimalScale={1} defaultValue={settings.abandonTarget * 100}
            data-testid="dialer-target" onBlur={(e) => { const v = Number(e.currentTarget.value.replace(',', '.')); if (Number.isFinite(v)) onChange({ abandonTarget: Math.min(3, Math.max(0, v)) / 100 }); }} />
          <NumberInput label={t('dialer.maxLines')} w={120} min={1} max={5000} defaultValue={settings.maxLines}
            onBlur={(e) => { const v = Number(e.currentTarget.value); if (Number.isInteger(v) && v >= 1) onChange({ maxLines: v }); }} />
        </Group>
        {live && (
          <>
            <SimpleGrid cols={{ base: 2, sm: 5 }}>
              <Metric label={t('dialer.lines')} value={String(live.linesInUse)} testId="dialer-lines" />
              <Metric label={t('dialer.ringing')} value={String(live.ringing)} />
              <Metric label={t('dialer.waiting')} value={String(live.waitingForAgent)} />
              <Metric label={t('dialer.level')} value={live.dialLevel.toFixed(2)} />
              <Metric label={t('dialer.abandon')} value={pct(live.abandonRate)} testId="dialer-abandon" />
            </SimpleGrid>
            <Stack gap={4}>
              <Progress value={Math.min(100, (100 * (live.abandonRate ?? 0)) / Math.max(0.001, live.abandonTarget))} color={(live.abandonRate ?? 0) > live.abandonTarget ? 'red' : 'teal'} />
              <Text size="xs" c="dimmed">{t('dialer.abandonOf', { dropped: String(live.dropped), answered: String(live.humanAnswered) })} · {t('dialer.target')} {pct(live.abandonTarget)}</Text>
            </Stack>
            <Stacked label={t('dialer.agents')} total={agentsTotal}
              parts={AGENT_STATES.map(([k, color]) => ({ key: k, color, value: live.agents[k], label: t(`dialer.agent.${k}` as MessageKey) }))} />
            <Stacked label={t('dialer.leads')} total={live.leads.total}
              parts={LEAD_STATES.map(([k, color]) => ({ key: k, color, value: live.leads[k], label: t(`dialer.leads.${k}` as MessageKey) }))} />
            {live.leads.callbacks > 0 && <Text size="sm">{t('dialer.leads.callbacks', { count: String(live.leads.callbacks) })}</Text>}
            {Object.keys(live.rejections).length > 0 && (
              <Stack gap={2}>
                <Text size="sm" fw={600}>{t('dialer.rejections')}</Text>
                <Group gap="xs">{Object.entries(live.rejections).map(([rule, n]) => <Badge key={rule} color="red" variant="outline">{rule} {n}</Badge>)}</Group>
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

export function DialerPanel() {
  const t = useT();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const state = useQuery({ ...trpc.dialer.state.queryOptions(), refetchInterval: 1000 });
  const configure = useMutation(trpc.dialer.configure.mutationOptions({ onSuccess: () => qc.invalidateQueries({ queryKey: trpc.dialer.state.queryKey() }) }));
  const data = state.data;
  return (
    <Stack>
      <Title order={2}>{t('dialer.title')}</Title>
      <Text c="dimmed">{t('dialer.lead')}</Text>
      {data && !data.available && <Alert color="blue" data-testid="dialer-unavailable">{t('dialer.unavailable', { reason: data.reason })}</Alert>}
      {configure.error && <Alert color="red">{configure.error.message}</Alert>}
      {data?.campaigns.length === 0 && <Text>{t('dialer.none')}</Text>}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {data?.campaigns.map((row) => (
          <CampaignCard key={row.id} row={row} busy={configure.isPending} onChange={(change) => configure.mutate({ campaignId: row.id, ...change })} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
