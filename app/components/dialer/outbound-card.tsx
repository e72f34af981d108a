'use client';
// One outbound campaign in the manager's dialer controls: start/pause/stop, mode, abandon target, number,
// and what the dialer is doing (lines, dial level, abandon rate, agents, leads, refusals, callbacks waiting).
import { Alert, Badge, Button, Card, Group, NumberInput, Progress, SegmentedControl, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { AgentsBar, CardHeading, Metric, NumberField, Stacked } from './parts';
import { CallingHours } from './calling-hours';
import type { DialerRow, DialerSettings, DialerState, SettingsChange } from './types';

const LEAD_STATES = [['due', 'teal'], ['inFlight', 'blue'], ['scheduled', 'yellow'], ['held', 'orange'], ['done', 'gray']] as const;
export const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);

export function OutboundCard({ row, modes, abandonCap, onChange, busy }: { row: DialerRow; modes: DialerState['modes']; abandonCap: number; onChange: (change: SettingsChange) => void; busy: boolean }) {
  const t = useT();
  const { settings, live } = row;
  return (
    <Card withBorder data-testid={`dialer-${row.code}`}>
      <Stack>
        <CardHeading row={row} />
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
              data={modes.map((m) => ({ value: m, label: t(`dialer.mode.${m}` as MessageKey) }))}
              onChange={(mode) => onChange({ mode: mode as DialerSettings['mode'] })} />
          </Stack>
          <NumberInput label={t('dialer.target')} w={200} min={0} max={abandonCap * 100} step={0.1} decimalScale={1} defaultValue={row.abandonTarget * 100}
            data-testid="dialer-target" onBlur={(e) => { const v = Number(e.currentTarget.value.replace(',', '.')); if (Number.isFinite(v)) onChange({ abandonTarget: Math.min(abandonCap, Math.max(0, v / 100)) }); }} />
          <NumberInput label={t('dialer.maxLines')} w={120} min={1} max={5000} defaultValue={settings.maxLines}
            onBlur={(e) => { const v = Number(e.currentTarget.value); if (Number.isInteger(v) && v >= 1) onChange({ maxLines: v }); }} />
          <NumberField label={t('dialer.callerId')} value={settings.callerId} disabled={busy} onSave={(callerId) => onChange({ callerId })} />
          <Switch label={t('dialer.consentRequired')} description={t('dialer.consentRequired.hint')} checked={settings.consentRequired} disabled={busy}
            data-testid="dialer-consent-required" onChange={(e) => onChange({ consentRequired: e.currentTarget.checked })} />
        </Group>
        <CallingHours settings={settings} busy={busy} onChange={onChange} />
        {live && (
          <>
            <SimpleGrid cols={{ base: 2, sm: 6 }}>
              <Metric label={t('dialer.lines')} value={String(live.linesInUse)} testId="dialer-lines" />
              <Metric label={t('dialer.ringing')} value={String(live.ringing)} />
              <Metric label={t('dialer.waiting')} value={String(live.waitingForAgent)} />
              <Metric label={t('dialer.callbacksWaiting')} value={String(live.inboundQueue)} testId="dialer-callbacks-waiting" />
              <Metric label={t('dialer.level')} value={live.dialLevel.toFixed(2)} />
              <Metric label={t('dialer.abandon')} value={pct(live.abandonRate)} testId="dialer-abandon" />
            </SimpleGrid>
            <Stack gap={4}>
              <Progress value={Math.min(100, (100 * (live.abandonRate ?? 0)) / Math.max(0.001, live.abandonTarget))} color={(live.abandonRate ?? 0) > live.abandonTarget ? 'red' : 'teal'} />
              <Text size="xs" c="dimmed" data-testid="dialer-abandon-period">{t('dialer.abandonOf', { dropped: String(live.dropped), answered: String(live.humanAnswered) })} {t(`dialer.period.${live.abandonPeriod}`)} · {t('dialer.target')} {pct(live.abandonTarget)}</Text>
            </Stack>
            <AgentsBar live={live} />
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
