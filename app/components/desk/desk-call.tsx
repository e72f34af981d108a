'use client';
// The call the agent is on: the contact's record, the call's timer, hang up and mute; once it ends, the
// disposition from the campaign's catalogue (a callback date when the disposition asks for one) before the
// wrap-up timer runs out.
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Paper, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useErrorText, useLocale, useT } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc/client';
import type { Softphone } from './softphone';
import { displayPhone } from './display-phone';
import { KEYPAD, sentDigits } from './dtmf';

export interface DeskCall {
  id: string; campaignId: string; campaign: string; direction: 'inbound' | 'outbound'; phone: string; contact?: string;
  fields?: Record<string, string>; attempts: number; lastOutcome?: string; since: number; phase: 'talking' | 'wrapup';
}
interface CatalogueEntry { code: string; label: string; success: boolean; callback: boolean }

/** An instant as a datetime-local input holds it (the browser's local time). */
const localInput = (ms: number) => {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

const clock = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export function DeskCallCard({ call, dispositions, wrapSeconds, agentSince, phone }: {
  call: DeskCall; dispositions: CatalogueEntry[]; wrapSeconds: number | null; agentSince: number; phone: Softphone | null;
}) {
  const t = useT();
  const [locale] = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const [now, setNow] = useState(Date.now());
  const [chosen, setChosen] = useState<string | null>(null);
  const [callbackAt, setCallbackAt] = useState('');
  const [personal, setPersonal] = useState(true);
  useEffect(() => { const timer = setInterval(() => setNow(Date.now()), 500); return () => clearInterval(timer); }, []);
  const dispose = useMutation(trpc.desk.dispose.mutationOptions());
  const outside = dispose.data && !dispose.data.ok ? dispose.data : null;
  const when = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(ms));
  const entry = dispositions.find((d) => d.code === chosen);
  const wrapping = call.phase === 'wrapup';

  function save() {
    if (!chosen) return;
    dispose.mutate({ campaignId: call.campaignId, callId: call.id, disposition: chosen, callbackAt: entry?.callback && callbackAt ? new Date(callbackAt).getTime() : undefined, personal });
  }
  useEffect(() => {
    // Enter saves the disposition while wrapping up.
    const onKey = (e: KeyboardEvent) => { if (wrapping && e.key === 'Enter' && !(e.target instanceof HTMLTextAreaElement)) save(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const fields = Object.entries(call.fields ?? {}).filter(([k]) => k !== 'first_name' && k !== 'last_name');
  return (
    <Paper withBorder p="md" data-testid="desk-call">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{wrapping ? t('desk.call.wrapup') : t('desk.call')}</Title>
          <Group gap="xs">
            <Badge variant="light">{call.campaign}</Badge>
            <Badge color={call.direction === 'inbound' ? 'grape' : 'blue'}>{t(call.direction === 'inbound' ? 'desk.call.inbound' : 'desk.call.outbound')}</Badge>
            {!wrapping && <Badge color="teal" size="lg" data-testid="desk-call-timer">{clock(now - call.since)}</Badge>}
          </Group>
        </Group>
        <div>
          {call.contact && <Text fw={700} size="xl" data-testid="desk-contact">{call.contact}</Text>}
          <Text fw={call.contact ? 400 : 700} size={call.contact ? 'md' : 'xl'} c={call.contact ? 'dimmed' : undefined} data-testid="desk-phone-number">{displayPhone(call.phone)}</Text>
          <Text size="sm" data-testid="desk-history">
            {call.attempts > 0 ? t('desk.call.calledBefore', { count: String(call.attempts), outcome: call.lastOutcome ? t(`campaign.outcome.${call.lastOutcome}` as never) : '—' }) : t('desk.call.firstTime')}
          </Text>
        </div>
        {fields.length > 0 && (
          <Table withRowBorders={false} verticalSpacing={2}>
            <Table.Tbody>
              {fields.map(([k, v]) => <Table.Tr key={k}><Table.Td c="dimmed" w={160}>{k}</Table.Td><Table.Td>{v}</Table.Td></Table.Tr>)}
            </Table.Tbody>
          </Table>
        )}
        {!wrapping && phone && (
          <Group>
            <Button color="red" onClick={() => void phone.hangup()} data-testid="desk-hangup">{t('desk.hangup')} (H)</Button>
            <Button variant="default" onClick={() => phone.mute(!phone.muted)}>{t(phone.muted ? 'desk.unmute' : 'desk.mute')}</Button>
          </Group>
        )}
        {!wrapping && phone && (
          <Group align="flex-start" gap="md">
            <div role="group" aria-label={t('desk.dtmf')} data-testid="desk-keypad" style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 2.75rem)', gap: 4 }}>
              {KEYPAD.flat().map((k) => (
                <Button key={k} size="compact-md" variant="light" onClick={() => phone.dtmf(k)} data-testid={`desk-dtmf-${k === '*' ? 'star' : k === '#' ? 'hash' : k}`}>{k}</Button>
              ))}
            </div>
            <Stack gap={2}>
              <Text size="sm" c="dimmed">{t('desk.dtmf')}</Text>
              <Text ff="monospace" size="lg" data-testid="desk-dtmf-sent">{phone.dtmfSent ? sentDigits(phone.dtmfSent) : '—'}</Text>
              <Text size="xs" c="dimmed">{t('desk.dtmf.hint')}</Text>
            </Stack>
          </Group>
        )}
        {wrapping && (
          <Stack gap="xs">
            <Radio.Group label={t('desk.disposition')} value={chosen} onChange={setChosen}>
              <Group mt={4}>
                {dispositions.map((d) => <Radio key={d.code} value={d.code} label={d.label || d.code} data-testid={`desk-disposition-${d.code}`} />)}
              </Group>
            </Radio.Group>
            {entry?.callback && (
              <Group align="flex-end">
                <TextInput type="datetime-local" label={t('desk.callbackAt')} value={callbackAt} onChange={(e) => setCallbackAt(e.currentTarget.value)} w={260} data-testid="desk-callback-at" lang={locale} />
                <Checkbox label={t('desk.callback.personal')} checked={personal} onChange={(e) => setPersonal(e.currentTarget.checked)} data-testid="desk-callback-personal" />
              </Group>
            )}
            {outside && (
              <Alert color="orange" data-testid="desk-callback-outside">
                {outside.nextAllowed === null ? t('desk.callback.never') : (
                  <Group justify="space-between">
                    <span>{t('desk.callback.outside', { time: when(outside.nextAllowed) })}</span>
                    <Button size="xs" variant="light" onClick={() => { setCallbackAt(localInput(outside.nextAllowed!)); dispose.reset(); }}>{t('desk.callback.useNext')}</Button>
                  </Group>
                )}
              </Alert>
            )}
            {dispose.error && <Alert color="red">{errorText(dispose.error)}</Alert>}
            <Group justify="space-between">
              {wrapSeconds !== null && <Text size="sm" c="dimmed" data-testid="desk-wrap-left">{t('desk.wrapLeft', { seconds: String(Math.max(0, Math.ceil(wrapSeconds - (now - agentSince) / 1000))) })}</Text>}
              <Button onClick={save} disabled={!chosen} loading={dispose.isPending} data-testid="desk-dispose">{t('desk.dispose')}</Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
