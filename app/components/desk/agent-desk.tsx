'use client';
// The agent's desk: its softphone registered with the portal's credentials, its state on the dialer (log in,
// available, pause with a reason, log out), the call it is on with the contact's record and the campaign's script,
// the disposition at wrap-up, preview records. Asking for the state every second is also the desk's heartbeat: a
// closed desk goes offline on the dialer within seconds.
import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Grid, Group, Loader, Menu, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useErrorText, useLocale, useT } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc/client';
import { DeskCallCard } from './desk-call';
import { DeskPreview } from './desk-preview';
import { DeskScript } from './desk-script';
import { DeskDay } from './desk-day';
import { DeskCallbacks } from './desk-callbacks';
import { DeskEvaluations } from './desk-evaluations';
import { DeskManual } from './desk-manual';
import { Softphone } from './softphone';
import { dtmfOfKey, typingTarget } from './dtmf';
import { useDialerReason } from '@/app/components/dialer/use-dialer-reason';

const STATE_COLOR: Record<string, string> = { available: 'teal', ringing: 'yellow', on_call: 'blue', wrapup: 'grape', paused: 'orange', offline: 'gray' };
const PHONE_COLOR = { off: 'gray', connecting: 'yellow', registered: 'teal', failed: 'red' } as const;

function usePhone() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const audio = useRef<HTMLAudioElement>(null);
  const [phone, setPhone] = useState<Softphone | null>(null);
  const [, rerender] = useState(0);
  const credentials = useQuery(trpc.desk.sipCredentials.queryOptions(undefined, { staleTime: Infinity, retry: false }));
  useEffect(() => {
    if (!credentials.data?.available || !audio.current) return;
    const p = new Softphone(audio.current, () => rerender((n) => n + 1));
    // The agent's choice, kept in this browser.
    p.autoAnswer = window.localStorage.getItem('relais.desk.autoAnswer') !== 'off';
    const refresh = async () => {
      const c = await queryClient.fetchQuery({ ...trpc.desk.sipCredentials.queryOptions(), staleTime: 0 });
      return c.available ? c : null;
    };
    void p.start(credentials.data, refresh);
    setPhone(p);
    (window as unknown as { relaisPhone?: Softphone }).relaisPhone = p;
    return () => { void p.stop(); setPhone(null); };
  }, [credentials.data, queryClient, trpc]);
  return { phone, audio, credentials };
}

export function AgentDesk() {
  const t = useT();
  const [locale] = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const { phone, audio, credentials } = usePhone();
  const reasonText = useDialerReason();
  const state = useQuery(trpc.desk.state.queryOptions(undefined, { refetchInterval: 1000 }));
  const act = { onSettled: () => void state.refetch() };
  const login = useMutation(trpc.desk.login.mutationOptions(act));
  const ready = useMutation(trpc.desk.ready.mutationOptions(act));
  const pause = useMutation(trpc.desk.pause.mutationOptions(act));
  const logout = useMutation(trpc.desk.logout.mutationOptions(act));
  const agent = state.data?.agent ?? null;
  const [, setTick] = useState(0);
  const rerenderDesk = () => setTick((n) => n + 1);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingTarget(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      // Digits, * and #: DTMF in the call in progress (the letters below are the desk's shortcuts).
      const tone = dtmfOfKey(e.key);
      if (tone) { if (phone?.dtmf(tone)) e.preventDefault(); return; }
      const key = e.key.toLowerCase();
      if (key === 'd' && agent && agent.state === 'paused') ready.mutate();
      if (key === 'p' && agent && ['available', 'wrapup'].includes(agent.state)) pause.mutate({ reason: 'break' });
      if (key === 'h') void phone?.hangup();
      if (key === 'r') phone?.answer();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (state.isPending) return <Loader />;
  // "Ringing" is the dialer's word for an agent reserved for a call: reading a preview record is not a call coming in.
  const shownState = agent?.state === 'ringing' && state.data?.preview ? 'previewing' : agent?.state ?? 'offline';
  if (state.isError) return <Alert color="red">{errorText(state.error)}</Alert>;
  const { campaigns, call, preview, pauseReasons } = state.data;
  const callCampaign = campaigns.find((c) => c.id === call?.campaignId);
  const scriptCampaign = callCampaign ?? campaigns.find((c) => c.id === preview?.campaignId) ?? campaigns[0];
  const time = (ms: number) => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(ms));
  const phoneReady = phone?.status === 'registered';
  const error = login.error ?? ready.error ?? pause.error ?? logout.error;

  return (
    <Stack>
      <div>
        <Title order={2}>{t('desk.title')}</Title>
        <Text c="dimmed" size="sm">{t('desk.lead')}</Text>
      </div>
      {!state.data.dialer.available && <Alert color="orange" data-testid="desk-no-dialer">{t('desk.noDialer', { reason: reasonText(state.data.dialer.reason) })}</Alert>}
      {credentials.isError && <Alert color="red">{errorText(credentials.error)}</Alert>}
      {phone?.error === 'microphone' && <Alert color="red">{t('desk.phone.mic')}</Alert>}
      {error && <Alert color="red">{errorText(error)}</Alert>}
      <Paper withBorder p="md">
        <Group justify="space-between">
          <Group>
            <Text size="sm">{t('desk.phone')}</Text>
            <Badge color={PHONE_COLOR[phone?.status ?? 'off']} data-testid="desk-phone">
              {t(`desk.phone.${phone?.status ?? 'off'}` as 'desk.phone.off', { reason: phone?.error ?? '' })}
            </Badge>
            <Text size="sm">{t('desk.state')}</Text>
            <Badge size="lg" color={STATE_COLOR[agent?.state ?? 'offline']} data-testid="desk-state">
              {t(`desk.state.${shownState}` as 'desk.state.offline')}
              {agent?.pauseReason ? ` · ${t(`desk.pause.${agent.pauseReason}` as 'desk.pause.break')}` : ''}
            </Badge>
            {agent && <Text size="xs" c="dimmed">{t('desk.since', { time: time(agent.since) })}</Text>}
          </Group>
          <Group gap="xs">
            {/* A demo robot phone may hold the extension: the desk's login takes it over. */}
            {!agent?.browser && <Button onClick={() => login.mutate()} disabled={!phoneReady || !state.data.dialer.available} loading={login.isPending} data-testid="desk-login">{t('desk.login')}</Button>}
            {agent?.browser && agent.state === 'paused' && <Button color="teal" onClick={() => ready.mutate()} loading={ready.isPending} data-testid="desk-ready">{t('desk.ready')} (D)</Button>}
            {agent?.browser && ['available', 'wrapup', 'paused'].includes(agent.state) && (
              <Menu>
                <Menu.Target><Button variant="default" data-testid="desk-pause">{t('desk.pause')} (P)</Button></Menu.Target>
                <Menu.Dropdown>
                  {pauseReasons.map((r) => <Menu.Item key={r} onClick={() => pause.mutate({ reason: r })} data-testid={`desk-pause-${r}`}>{t(`desk.pause.${r}`)}</Menu.Item>)}
                </Menu.Dropdown>
              </Menu>
            )}
            {agent?.browser && <Button variant="subtle" color="gray" onClick={() => logout.mutate()} data-testid="desk-logout">{t('desk.logout')}</Button>}
          </Group>
        </Group>
        <Group justify="space-between" mt="xs">
          <Text size="xs" c="dimmed">{t('desk.shortcuts')}</Text>
          {phone && (
            <Switch size="xs" label={t('desk.autoAnswer')} checked={phone.autoAnswer} data-testid="desk-auto-answer"
              onChange={(e) => { phone.autoAnswer = e.currentTarget.checked; window.localStorage.setItem('relais.desk.autoAnswer', phone.autoAnswer ? 'on' : 'off'); rerenderDesk(); }} />
          )}
        </Group>
      </Paper>
      {phone?.ringing && (
        <Alert color="yellow" title={t('desk.incoming')} data-testid="desk-incoming">
          <Button color="teal" onClick={() => phone.answer()} data-testid="desk-answer">{t('desk.answer')} (R)</Button>
        </Alert>
      )}
      {campaigns.length === 0 ? <Alert color="gray">{t('desk.noCampaign')}</Alert> : (
        <Grid>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack>
              {call && callCampaign
                ? <DeskCallCard call={call} dispositions={callCampaign.dispositions} wrapSeconds={callCampaign.wrapSeconds} agentSince={agent?.since ?? Date.now()} phone={phone} onChanged={() => void state.refetch()} />
                : agent && !preview && <Paper withBorder p="md"><Text c="dimmed" data-testid="desk-waiting">{t('desk.waiting')}</Text></Paper>}
              {!call && campaigns.filter((c) => c.mode === 'preview' && c.direction === 'outbound').map((c) => (
                <DeskPreview key={c.id} campaignId={c.id} code={c.code} lead={preview?.campaignId === c.id ? preview.lead : null} canTake={agent?.state === 'available' && !preview} skipReasons={state.data?.skipReasons ?? []} />
              ))}
              {!call && agent?.browser && <DeskManual campaigns={campaigns.filter((c) => c.direction === 'outbound')} disabled={!['available', 'paused'].includes(agent.state)} />}
              <Paper withBorder p="md">
                <Title order={5}>{t('desk.campaigns')}</Title>
                <Group gap="xs" mt="xs">
                  {campaigns.map((c) => <Badge key={c.id} variant="outline" title={c.name}>{c.code}{c.mode && c.direction === 'outbound' ? ` · ${t(`dialer.mode.${c.mode}` as 'dialer.mode.preview')}` : ''}</Badge>)}
                </Group>
              </Paper>
              <DeskDay />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack>
            {scriptCampaign && <DeskScript script={scriptCampaign.script} fields={call || preview ? { ...(call?.fields ?? preview?.lead.fields ?? {}), phone: call?.phone ?? preview?.lead.phone } : null} />}
            <DeskCallbacks />
            <DeskEvaluations />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
      {/* The customer's voice. */}
      <audio ref={audio} autoPlay data-testid="desk-audio" />
    </Stack>
  );
}
