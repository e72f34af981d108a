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
import { KEYPAD, sentDigits, typingTarget } from './dtmf';

export interface DeskCall {
  id: string; campaignId: string; campaign: string; direction: 'inbound' | 'outbound'; phone: string; contact?: string;
  fields?: Record<string, string>; attempts: number; lastOutcome?: string; since: number; phase: 'talking' | 'wrapup';
  /** Hold goes through the media relay (a browser's call always does); since when the call is held; time held so far. */
  canHold: boolean; heldSince: number | null; holdSeconds: number;
  /** Inbound: the caller's earlier calls on the line (newest first) and the case still open. */
  caller?: {
    calls: { at: string; outcome: string; disposition: string; agent: string; caseId: string; resolved: boolean | null }[];
    openCase: { id: string; calls: number; since: string } | null;
  } | null;
}

/** ClickHouse's UTC text (`2026-12-04 10:00:00.000`) as a Date. */
const utc = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
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

export function DeskCallCard({ call, dispositions, wrapSeconds, agentSince, phone, onChanged }: {
  call: DeskCall; dispositions: CatalogueEntry[]; wrapSeconds: number | null; agentSince: number; phone: Softphone | null;
  /** The call's state changed here (hold): the desk asks for it again at once. */
  onChanged: () => void;
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
  const hold = useMutation(trpc.desk.hold.mutationOptions({ onSettled: onChanged }));
  const outside = dispose.data && !dispose.data.ok ? dispose.data : null;
  const when = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(ms));
  const entry = dispositions.find((d) => d.code === chosen);
  const wrapping = call.phase === 'wrapup';

  function save() {
    if (!chosen) return;
    dispose.mutate({ campaignId: call.campaignId, callId: call.id, disposition: chosen, callbackAt: entry?.callback && callbackAt ? new Date(callbackAt).getTime() : undefined, personal });
  }
  // Between the click and the dialer's answer the button already says what was asked.
  const held = hold.isPending ? hold.variables.on : call.heldSince !== null;
  const toggleHold = () => { if (call.canHold && !wrapping && !hold.isPending) hold.mutate({ campaignId: call.campaignId, callId: call.id, on: !held }); };
  useEffect(() => {
    // Enter saves the disposition while wrapping up; A puts the call on hold or takes it off.
    const onKey = (e: KeyboardEvent) => {
      if (wrapping && e.key === 'Enter' && !(e.target instanceof HTMLTextAreaElement)) save();
      if (!wrapping && e.key.toLowerCase() === 'a' && !typingTarget(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) toggleHold();
    };
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
            {!wrapping && call.heldSince !== null && <Badge color="orange" size="lg" data-testid="desk-held">{t('desk.held')} {clock(now - call.heldSince)}</Badge>}
            {!wrapping && <Badge color="teal" size="lg" data-testid="desk-call-timer">{clock(now - call.since)}</Badge>}
          </Group>
        </Group>
        <div>
          {call.contact && <Text fw={700} size="xl" data-testid="desk-contact">{call.contact}</Text>}
          <Text fw={call.contact ? 400 : 700} size={call.contact ? 'md' : 'xl'} c={call.contact ? 'dimmed' : undefined} data-testid="desk-phone-number">{displayPhone(call.phone)}</Text>
          {call.direction === 'outbound' && (
            <Text size="sm" data-testid="desk-history">
              {call.attempts > 0 ? t('desk.call.calledBefore', { count: String(call.attempts), outcome: call.lastOutcome ? t(`campaign.outcome.${call.lastOutcome}` as never) : '—' }) : t('desk.call.firstTime')}
            </Text>
          )}
        </div>
        {call.direction === 'inbound' && call.caller && <CallerHistory caller={call.caller} dispositions={dispositions} />}
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
            {call.canHold && (
              <Button variant={held ? 'filled' : 'default'} color={held ? 'orange' : undefined} onClick={toggleHold} loading={hold.isPending} data-testid="desk-hold">
                {t(held ? 'desk.resume' : 'desk.hold')} (A)
              </Button>
            )}
            {call.heldSince === null && call.holdSeconds > 0 && <Text size="sm" c="dimmed" data-testid="desk-hold-total">{t('desk.holdTotal', { time: clock(call.holdSeconds * 1000) })}</Text>}
          </Group>
        )}
        {hold.error && <Alert color="red" data-testid="desk-hold-error">{errorText(hold.error)}</Alert>}
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

/** The inbound caller's case and earlier calls on the line. */
function CallerHistory({ caller, dispositions }: { caller: NonNullable<DeskCall['caller']>; dispositions: CatalogueEntry[] }) {
  const t = useT();
  const [locale] = useLocale();
  const date = (text: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(utc(text));
  const label = (code: string) => dispositions.find((d) => d.code === code)?.label || code;
  if (caller.calls.length === 0) return <Text size="sm" data-testid="desk-caller-new">{t('desk.caller.new')}</Text>;
  return (
    <Stack gap={4} data-testid="desk-caller">
      {caller.openCase
        ? <Text size="sm" fw={600} c="orange.9" data-testid="desk-caller-case">{t('desk.caller.openCase', { id: caller.openCase.id, since: date(caller.openCase.since), count: String(caller.openCase.calls) })}</Text>
        : <Text size="sm">{t('desk.caller.known', { count: String(caller.calls.length) })}</Text>}
      <Table withRowBorders={false} verticalSpacing={2} fz="sm">
        <Table.Thead>
          <Table.Tr><Table.Th>{t('desk.caller.when')}</Table.Th><Table.Th>{t('desk.caller.result')}</Table.Th><Table.Th>{t('desk.caller.agent')}</Table.Th><Table.Th>{t('desk.caller.case')}</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {caller.calls.map((c) => (
            <Table.Tr key={c.at + c.agent}>
              <Table.Td>{date(c.at)}</Table.Td>
              <Table.Td>{c.disposition ? label(c.disposition) : t(`campaign.outcome.${c.outcome}` as never)}</Table.Td>
              <Table.Td>{c.agent || '—'}</Table.Td>
              <Table.Td>{c.caseId ? `${c.caseId}${c.resolved === true ? ` · ${t('desk.caller.resolved')}` : c.resolved === false ? ` · ${t('desk.caller.unresolved')}` : ''}` : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
