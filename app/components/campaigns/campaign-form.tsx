'use client';
// A campaign's settings: the new-campaign form and the settings page (read-only for the client). Checked in the
// browser with the server's own schema (server/campaigns/settings.ts) and again by the server; each refusal shows
// next to its field in the user's language.
import { useState, type ReactNode } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ActionIcon, Alert, Autocomplete, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useErrorText, useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import {
  ATTEMPT_OUTCOMES, campaignCode, campaignSettings, CAMPAIGN_DIAL_MODES, CAMPAIGN_STATUSES, DIALER_DEFAULTS as DEFAULT_SETTINGS, fieldIssues, PROFILE_NAMES,
  type CampaignSettings, type FieldIssue,
} from '@/server/campaigns/settings';

type Form = CampaignSettings;
type Disposition = NonNullable<Form['dispositions']>[number];

export const NEW_CAMPAIGN: Form = {
  name: '', direction: 'outbound', dial_mode: 'predictive', status: 'active', time_zone: 'Europe/Paris', sl_threshold_seconds: 20, short_abandon_seconds: 5,
  dispositions: [{ code: 'sale', label: 'Vente', success: true, callback: false, refusal: false, dnc: false }],
  recording: true, script: '', compliance_profile: 'france', ring_timeout_seconds: 15, wrap_up_seconds: DEFAULT_SETTINGS.wrapSeconds,
  caller_id: null, consent_required: false, retry: DEFAULT_SETTINGS.retry,
};

const num = (v: string | number): number | undefined => (v === '' ? undefined : Number(v));

interface Props {
  initial: Form;
  /** New campaign: the partnerships to pick from; editing: the campaign. */
  mode: { kind: 'create'; partnerships: { id: string; client_name: string }[] } | { kind: 'edit'; campaignId: string; code: string };
  readOnly: boolean;
  /** Shown above the buttons (a link to the brief for the targets). */
  footer?: ReactNode;
}

export function CampaignForm({ initial, mode, readOnly, footer }: Props) {
  const t = useT();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const [form, setForm] = useState<Form>(initial);
  const [code, setCode] = useState('');
  const [partnershipId, setPartnershipId] = useState<string | null>(mode.kind === 'create' ? (mode.partnerships[0]?.id ?? null) : null);
  const [issues, setIssues] = useState<Record<string, string>>({});
  // The caller IDs it may present: the inventory's numbers of the outsourcer and of the campaign's client.
  const inventory = useQuery({ ...trpc.numbers.list.queryOptions(), enabled: !readOnly });
  const clientName = mode.kind === 'create' ? mode.partnerships.find((p) => p.id === partnershipId)?.client_name : undefined;
  const callerIds = (inventory.data?.numbers ?? [])
    .filter((n) => n.owner === 'outsourcer' || clientName === undefined || n.client_name === clientName)
    .map((n) => n.number);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const word = (i: FieldIssue) => t(`campaign.invalid.${i.key}` as MessageKey, i.vars);
  const showIssues = (list: FieldIssue[]) => {
    const byPath: Record<string, string> = {};
    for (const i of list) byPath[i.path.replace(/^settings\./, '')] ??= word(i);
    setIssues(byPath);
    setMessage({ ok: false, text: t('campaign.fixErrors') });
  };
  const onError = (e: unknown) => {
    const data = (e as { data?: { fields?: FieldIssue[] | null; i18n?: { key: string } | null } }).data;
    if (data?.fields?.length) return showIssues(data.fields);
    const text = errorText(e);
    if (data?.i18n?.key === 'error.campaignCodeTaken') setIssues({ code: text });
    if (data?.i18n?.key === 'error.numberTaken') setIssues({ caller_id: text });
    setMessage({ ok: false, text });
  };
  const create = useMutation(trpc.campaigns.create.mutationOptions({
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: trpc.campaigns.pathKey() });
      // The inventory shows which campaigns present each number.
      void qc.invalidateQueries({ queryKey: trpc.numbers.list.queryKey() });
      setMessage({ ok: true, text: t('campaign.created', { code: r.code }) });
      router.push(`/campaigns/${r.id}/settings`);
    },
    onError,
  }));
  const update = useMutation(trpc.campaigns.update.mutationOptions({
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: trpc.campaigns.pathKey() });
      void qc.invalidateQueries({ queryKey: trpc.numbers.list.queryKey() });
      setIssues({});
      setMessage({ ok: true, text: t('campaign.saved') });
    },
    onError,
  }));

  const submit = () => {
    setMessage(null);
    const parsed = campaignSettings.safeParse(form);
    const codeIssues = mode.kind === 'create' ? campaignCode.safeParse(code) : null;
    const all = [...(parsed.success ? [] : fieldIssues(parsed.error)), ...(codeIssues && !codeIssues.success ? fieldIssues(codeIssues.error).map((i) => ({ ...i, path: 'code' })) : [])];
    if (all.length) return showIssues(all);
    setIssues({});
    if (mode.kind === 'create') create.mutate({ partnershipId: partnershipId ?? '', code, settings: parsed.data! });
    else update.mutate({ campaignId: mode.campaignId, settings: parsed.data! });
  };

  const set = <K extends keyof Form>(key: K) => (value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const err = (path: string) => issues[path];
  const field = { readOnly, disabled: false } as const;
  const dispositions = form.dispositions ?? [];
  const setDisposition = (i: number, patch: Partial<Disposition>) => set('dispositions')(dispositions.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const retry = form.retry ?? DEFAULT_SETTINGS.retry;
  const outbound = form.direction === 'outbound';

  return (
    <Stack gap="lg" data-testid="campaign-form">
      {readOnly && <Alert color="gray" data-testid="campaign-readonly">{t('campaign.readonly')}</Alert>}
      <Paper withBorder p="md"><Stack>
        <Title order={4}>{t('campaign.section.general')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {mode.kind === 'create' && (
            <>
              <Select label={t('campaign.partnership')} data={mode.partnerships.map((p) => ({ value: p.id, label: p.client_name }))} value={partnershipId}
                onChange={setPartnershipId} allowDeselect={false} data-testid="campaign-partnership" />
              <TextInput label={t('campaign.code')} description={t('campaign.codeHelp')} value={code} onChange={(e) => setCode(e.currentTarget.value.trim())}
                error={err('code')} data-testid="campaign-code" />
            </>
          )}
          <TextInput label={t('campaign.name')} value={form.name} onChange={(e) => set('name')(e.currentTarget.value)} error={err('name')} {...field} data-testid="campaign-name" />
          <Select label={t('campaign.direction')} value={form.direction} allowDeselect={false} readOnly={readOnly}
            data={(['inbound', 'outbound'] as const).map((d) => ({ value: d, label: t(`direction.${d}`) }))}
            onChange={(v) => v && setForm((f) => ({ ...f, direction: v as Form['direction'], dial_mode: v === 'inbound' ? 'none' : f.dial_mode === 'none' ? 'progressive' : f.dial_mode }))} />
          <Select label={t('campaign.dialMode')} value={form.dial_mode ?? 'none'} allowDeselect={false} readOnly={readOnly} error={err('dial_mode')}
            data={CAMPAIGN_DIAL_MODES.filter((m) => (outbound ? m !== 'none' : m === 'none' || m === 'blended')).map((m) => ({ value: m, label: t(`mode.${m}`) }))}
            onChange={(v) => v && setForm((f) => ({ ...f, dial_mode: v as Form['dial_mode'], ...(mode.kind === 'create' && v === 'predictive' ? { ring_timeout_seconds: 15 } : {}) }))} data-testid="campaign-mode" />
          <Select label={t('campaign.status')} value={form.status ?? 'active'} allowDeselect={false} readOnly={readOnly}
            data={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} onChange={(v) => v && set('status')(v as Form['status'])} />
          <TextInput label={t('campaign.timeZone')} value={form.time_zone} onChange={(e) => set('time_zone')(e.currentTarget.value)} error={err('time_zone')} {...field} data-testid="campaign-tz" />
          <NumberInput label={t('campaign.slT')} value={form.sl_threshold_seconds} onChange={(v) => set('sl_threshold_seconds')(num(v) as number)} error={err('sl_threshold_seconds')} {...field} />
          <NumberInput label={t('campaign.slS')} value={form.short_abandon_seconds} onChange={(v) => set('short_abandon_seconds')(num(v) as number)} error={err('short_abandon_seconds')} {...field} />
        </SimpleGrid>
      </Stack></Paper>

      <Paper withBorder p="md"><Stack>
        <Title order={4}>{t('campaign.section.compliance')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={t('campaign.profile')} value={form.compliance_profile ?? 'france'} allowDeselect={false} readOnly={readOnly}
            data={PROFILE_NAMES.map((p) => ({ value: p, label: t(`campaign.profile.${p}`) }))} onChange={(v) => v && set('compliance_profile')(v as Form['compliance_profile'])} data-testid="campaign-profile" />
          <Autocomplete label={t('campaign.callerId')} description={t('campaign.callerIdHelp')} value={form.caller_id ?? ''} error={err('caller_id')} {...field}
            data={callerIds} onChange={(v) => set('caller_id')(v.trim() || null)} data-testid="campaign-caller-id" />
        </SimpleGrid>
        <Group>
          <Switch label={t('campaign.consent')} checked={form.consent_required ?? false} disabled={readOnly} onChange={(e) => set('consent_required')(e.currentTarget.checked)} data-testid="campaign-consent" />
          <Switch label={t('campaign.recording')} checked={form.recording ?? true} disabled={readOnly} onChange={(e) => set('recording')(e.currentTarget.checked)} />
        </Group>
      </Stack></Paper>

      <Paper withBorder p="md"><Stack>
        <Title order={4}>{t('campaign.section.calls')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label={t('campaign.ringTimeout')} value={form.ring_timeout_seconds ?? ''} onChange={(v) => set('ring_timeout_seconds')(num(v))} error={err('ring_timeout_seconds')} {...field} data-testid="campaign-ring" />
          <NumberInput label={t('campaign.wrapUp')} value={form.wrap_up_seconds ?? ''} onChange={(v) => set('wrap_up_seconds')(num(v))} error={err('wrap_up_seconds')} {...field} />
        </SimpleGrid>
      </Stack></Paper>

      <Paper withBorder p="md"><Stack>
        <Title order={4}>{t('campaign.section.dispositions')}</Title>
        {dispositions.length === 0 && <Text size="sm" c="dimmed">{t('campaign.disposition.none')}</Text>}
        {dispositions.length > 0 && (
          <Table data-testid="campaign-dispositions">
            <Table.Thead><Table.Tr>
              {(['code', 'label', 'success', 'callback', 'refusal', 'dnc'] as const).map((k) => <Table.Th key={k}>{t(`campaign.disposition.${k}`)}</Table.Th>)}
              <Table.Th />
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {dispositions.map((d, i) => (
                <Table.Tr key={i}>
                  <Table.Td><TextInput size="xs" value={d.code} {...field} error={err(`dispositions.${i}.code`)} onChange={(e) => setDisposition(i, { code: e.currentTarget.value })} aria-label={t('campaign.disposition.code')} /></Table.Td>
                  <Table.Td><TextInput size="xs" value={d.label} {...field} onChange={(e) => setDisposition(i, { label: e.currentTarget.value })} aria-label={t('campaign.disposition.label')} /></Table.Td>
                  {(['success', 'callback', 'refusal', 'dnc'] as const).map((flag) => (
                    <Table.Td key={flag}><Checkbox checked={d[flag]} disabled={readOnly} onChange={(e) => setDisposition(i, { [flag]: e.currentTarget.checked })} aria-label={t(`campaign.disposition.${flag}`)} /></Table.Td>
                  ))}
                  <Table.Td>{!readOnly && <ActionIcon variant="subtle" color="red" onClick={() => set('dispositions')(dispositions.filter((_, j) => j !== i))} aria-label={t('campaign.disposition.remove')}>×</ActionIcon>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {!readOnly && (
          <Group><Button variant="light" size="xs" data-testid="campaign-add-disposition"
            onClick={() => set('dispositions')([...dispositions, { code: '', label: '', success: false, callback: false, refusal: false, dnc: false }])}>{t('campaign.disposition.add')}</Button></Group>
        )}
      </Stack></Paper>

      {outbound && (
        <Paper withBorder p="md"><Stack>
          <Title order={4}>{t('campaign.section.retry')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <NumberInput label={t('campaign.retry.maxAttempts')} value={retry.maxAttempts} {...field} error={err('retry.maxAttempts')}
              onChange={(v) => set('retry')({ ...retry, maxAttempts: num(v) as number })} />
            <NumberInput label={t('campaign.retry.recycleAfterDays')} value={retry.recycleAfterDays ?? ''} {...field} error={err('retry.recycleAfterDays')}
              onChange={(v) => set('retry')({ ...retry, recycleAfterDays: num(v) ?? null })} />
            {ATTEMPT_OUTCOMES.map((o) => (
              <NumberInput key={o} label={t('campaign.retry.delay', { outcome: t(`campaign.outcome.${o}`) })} description={t('campaign.retry.never')}
                value={retry.delayMinutes[o] ?? ''} {...field} error={err(`retry.delayMinutes.${o}`)}
                onChange={(v) => set('retry')({ ...retry, delayMinutes: { ...retry.delayMinutes, [o]: num(v) ?? null } })} />
            ))}
          </SimpleGrid>
        </Stack></Paper>
      )}

      <Paper withBorder p="md"><Stack>
        <Title order={4}>{t('campaign.section.script')}</Title>
        <Textarea label={t('campaign.script')} autosize minRows={4} value={form.script ?? ''} {...field} error={err('script')} onChange={(e) => set('script')(e.currentTarget.value)} />
      </Stack></Paper>

      {footer}
      {!readOnly && (
        <Group>
          <Button onClick={submit} loading={create.isPending || update.isPending} disabled={mode.kind === 'create' && !partnershipId} data-testid="campaign-submit">
            {t(mode.kind === 'create' ? 'campaign.create' : 'campaign.save')}
          </Button>
          {message && <Text size="sm" c={message.ok ? 'green' : 'red'} data-testid="campaign-message">{message.text}</Text>}
        </Group>
      )}
    </Stack>
  );
}

export function BriefLink({ partnershipId }: { partnershipId: string }) {
  const t = useT();
  return (
    <Alert color="blue" data-testid="campaign-targets-note">
      <Group justify="space-between">
        <Text size="sm">{t('campaign.targetsInBrief')}</Text>
        <Button component={Link} href={`/workspace/${partnershipId}`} size="xs" variant="light">{t('campaign.openBrief')}</Button>
      </Group>
    </Alert>
  );
}
