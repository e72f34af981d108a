'use client';
// One inbound line in the manager's dialer controls: open or close it, its number and queue timeout, and the
// queue right now (callers waiting, the longest wait, agents by state).
import { Alert, Button, Card, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useT } from '@/app/i18n/client';
import { AgentsBar, CardHeading, Metric, NumberField } from './parts';
import type { DialerRow, DialerSettings } from './types';

const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

export function InboundCard({ row, onChange, busy }: { row: DialerRow; onChange: (change: Partial<DialerSettings>) => void; busy: boolean }) {
  const t = useT();
  const { settings, live } = row;
  const open = settings.status === 'running';
  return (
    <Card withBorder data-testid={`dialer-${row.code}`}>
      <Stack>
        <CardHeading row={row} />
        {!settings.callerId && <Alert color="yellow" variant="light">{t('dialer.line.noNumber')}</Alert>}
        {live && !live.sipConnected && <Alert color="orange">{t('dialer.sipDown')}</Alert>}
        <Group>
          <Button color="teal" disabled={busy || open} onClick={() => onChange({ status: 'running' })}>{t('dialer.line.openIt')}</Button>
          <Button color="red" variant="light" disabled={busy || !open} onClick={() => onChange({ status: 'stopped' })}>{t('dialer.line.closeIt')}</Button>
        </Group>
        <Group align="end">
          <NumberField label={t('dialer.line.number')} value={settings.callerId} disabled={busy} onSave={(callerId) => onChange({ callerId })} />
          <NumberInput label={t('dialer.line.queueTimeout')} w={200} min={10} max={3600} defaultValue={settings.queueTimeoutSeconds}
            onBlur={(e) => { const v = Number(e.currentTarget.value); if (Number.isInteger(v) && v >= 10 && v <= 3600) onChange({ queueTimeoutSeconds: v }); }} />
        </Group>
        {live && (
          <>
            <SimpleGrid cols={{ base: 2, sm: 3 }}>
              <Metric label={t('dialer.line.queue')} value={String(live.inboundQueue)} testId="dialer-queue" />
              <Metric label={t('dialer.line.longest')} value={mmss(live.longestWaitSeconds)} />
              <Metric label={t('dialer.line.talking')} value={String(live.linesInUse)} />
            </SimpleGrid>
            <AgentsBar live={live} />
          </>
        )}
      </Stack>
    </Card>
  );
}
