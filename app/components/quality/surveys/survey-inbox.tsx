'use client';
// The survey inbox: answers with their verbatims, filtered (campaign, agent, score band, resolved, follow-up, dates,
// text), the NPS of the filtered set on top, pages of 50, a detractor's follow-up in a drawer (edited by the
// outsourcer's staff, read by the client), the export for Excel, and the links' validity per campaign (managers).
import { useMemo, useState } from 'react';
import Link from 'next/link';
import { Alert, Anchor, Badge, Button, Drawer, Group, Loader, NumberInput, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useErrorText, useLocale, useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import type { RouterOutputs } from '@/app/trpc/types';
import { downloadBlob, downloadText, XLSX_TYPE } from '@/app/components/download';
import { surveyCsv } from './survey-csv';
import { surveyXlsx } from './survey-xlsx';
import { evaluateHref } from '../evaluate-href';
import { DayInput } from '@/app/components/day-input/day-input';
import { pluralForm } from '@/app/i18n/plural';
import { formatKpi } from '@/app/components/kpi/format';

type Row = RouterOutputs['surveys']['inbox']['rows'][number];
const PAGE = 50;
const DAY = 86_400_000;
const bandColor = (s: number) => (s <= 6 ? 'red' : s <= 8 ? 'yellow' : 'teal');
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function SurveyInbox() {
  const t = useT();
  const errorText = useErrorText();
  const [locale] = useLocale();
  const trpc = useTRPC();
  const options = useQuery(trpc.surveys.options.queryOptions());
  const [campaign, setCampaign] = useState('');
  const [agent, setAgent] = useState('');
  const [band, setBand] = useState('');
  const [resolved, setResolved] = useState('');
  const [followup, setFollowup] = useState('');
  const [search, setSearch] = useState('');
  const [fromDay, setFromDay] = useState(() => isoDay(Date.now() - 30 * DAY));
  const [toDay, setToDay] = useState(() => isoDay(Date.now()));
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<Row | null>(null);
  const from = Date.parse(`${fromDay}T00:00:00`);
  const to = Date.parse(`${toDay}T00:00:00`) + DAY;
  const badRange = !(from < to);
  const filter = useMemo(() => ({
    campaignIds: campaign ? [campaign] : [], agents: agent ? [agent] : [],
    band: (band || null) as 'detractors' | 'passives' | 'promoters' | null,
    resolved: resolved === '' ? null : resolved === 'yes', followup: (followup || null) as 'new' | 'contacted' | 'closed' | null,
    from, to, search: search.trim(),
  }), [campaign, agent, band, resolved, followup, from, to, search]);
  const inbox = useQuery({ ...trpc.surveys.inbox.queryOptions({ ...filter, offset, limit: PAGE }), enabled: !badRange && !!options.data });
  const when = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(ms);
  const campaignCode = (id: string) => options.data?.campaigns.find((c) => c.id === id)?.code ?? '';
  const agentName = (code: string) => options.data?.agents.find((a) => a.code === code)?.name ?? code;
  const ownerName = (id: string) => options.data?.owners.find((o) => o.id === id)?.name ?? '';
  const yesNo = (v: number | null) => t(v === null ? 'survey.inbox.unknown' : v ? 'survey.inbox.yes' : 'survey.inbox.no');
  const reset = <T,>(set: (v: T) => void) => (v: T) => { set(v); setOffset(0); };
  const queryClient = useQueryClient();

  const [exporting, setExporting] = useState<{ done: number; total: number } | null>(null);
  /** Every answer of the filter, 200 at a time (progress shown), then the file in the chosen format. */
  async function exportAnswers(format: 'csv' | 'xlsx') {
    const rows: Row[] = [];
    const total = inbox.data?.responses ?? 0;
    setExporting({ done: 0, total });
    try {
      for (let at = 0; at < 20_000; at += 200) {
        const page = await queryClient.fetchQuery(trpc.surveys.inbox.queryOptions({ ...filter, offset: at, limit: 200 }));
        rows.push(...page.rows);
        setExporting({ done: rows.length, total });
        if (page.rows.length < 200) break;
      }
      const header = ['date', 'campaign', 'agent', 'call', 'score', 'resolved', 'comment'].map((k) => t(`survey.inbox.${k}` as MessageKey));
      const columns = [...header, t('survey.inbox.source'), t('survey.inbox.followup'), t('survey.followup.owner'), t('survey.followup.note')];
      const answers = rows.map((r) => ({
        answered_at: r.answered_at, campaign: campaignCode(r.campaign_id), agent: agentName(r.agent), call_id: r.call_id, score: r.score,
        resolved: yesNo(r.resolved), comment: r.comment, source: t(`survey.inbox.source.${r.source}` as MessageKey),
        status: r.status ? t(`survey.status.${r.status}` as MessageKey) : '', owner: ownerName(r.owner_id), note: r.note,
      }));
      const name = `relais-enquetes-${fromDay}-${toDay}`;
      if (format === 'csv') downloadText(`${name}.csv`, surveyCsv(columns, answers));
      else downloadBlob(`${name}.xlsx`, new Blob([await surveyXlsx(columns, answers, t('survey.inbox.title'))], { type: XLSX_TYPE }));
    } finally {
      setExporting(null);
    }
  }

  if (options.isError) return <Alert color="red" role="alert">{errorText(options.error)}</Alert>;
  if (!options.data) return <Loader />;
  const data = inbox.data;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={3}>{t('survey.inbox.title')}</Title>
        <Group gap="xs">
          {exporting && <Text size="sm" c="dimmed" data-testid="survey-export-progress">{t('survey.inbox.exporting', { done: String(exporting.done), total: String(exporting.total) })}</Text>}
          <Button variant="default" onClick={() => void exportAnswers('csv')} disabled={!data || data.responses === 0 || exporting !== null} data-testid="survey-export">{t('survey.inbox.exportCsv')}</Button>
          <Button variant="default" onClick={() => void exportAnswers('xlsx')} disabled={!data || data.responses === 0 || exporting !== null} data-testid="survey-export-xlsx">{t('survey.inbox.exportXlsx')}</Button>
        </Group>
      </Group>
      <Group align="flex-end" wrap="wrap">
        <Select label={t('survey.inbox.campaign')} value={campaign} onChange={(v) => reset(setCampaign)(v ?? '')} allowDeselect={false} data-testid="filter-campaign"
          data={[{ value: '', label: t('survey.inbox.allCampaigns') }, ...options.data.campaigns.map((c) => ({ value: c.id, label: `${c.code} — ${c.name}` }))]} />
        <Select label={t('survey.inbox.agent')} value={agent} onChange={(v) => reset(setAgent)(v ?? '')} allowDeselect={false} searchable
          data={[{ value: '', label: t('survey.inbox.allAgents') }, ...options.data.agents.map((a) => ({ value: a.code, label: `${a.name} (${a.code})` }))]} />
        <Select label={t('survey.inbox.band')} value={band} onChange={(v) => reset(setBand)(v ?? '')} allowDeselect={false} w={160} data-testid="filter-band"
          data={[{ value: '', label: t('survey.inbox.allBands') }, ...(['detractors', 'passives', 'promoters'] as const).map((b) => ({ value: b, label: t(`survey.inbox.${b}`) }))]} />
        <Select label={t('survey.inbox.resolved')} value={resolved} onChange={(v) => reset(setResolved)(v ?? '')} allowDeselect={false} w={130}
          data={[{ value: '', label: t('survey.inbox.either') }, { value: 'yes', label: t('survey.inbox.yes') }, { value: 'no', label: t('survey.inbox.no') }]} />
        <Select label={t('survey.inbox.followup')} value={followup} onChange={(v) => reset(setFollowup)(v ?? '')} allowDeselect={false} w={150}
          data={[{ value: '', label: t('survey.inbox.allFollowups') }, ...(['new', 'contacted', 'closed'] as const).map((s) => ({ value: s, label: t(`survey.status.${s}`) }))]} />
        <DayInput label={t('survey.inbox.from')} value={fromDay} onChange={reset(setFromDay)} data-testid="filter-from" />
        <DayInput label={t('survey.inbox.to')} value={toDay} onChange={reset(setToDay)} data-testid="filter-to" />
        <TextInput label={t('survey.inbox.search')} value={search} onChange={(e) => reset(setSearch)(e.currentTarget.value)} maxLength={200} data-testid="filter-search" />
      </Group>
      {badRange && <Alert color="red" role="alert" data-testid="survey-bad-range">{t('survey.inbox.badRange')}</Alert>}
      {!badRange && inbox.isError && <Alert color="red" role="alert">{errorText(inbox.error)}</Alert>}
      {!badRange && !data && !inbox.isError && <Loader />}
      {!badRange && data && (
        <>
          <Paper withBorder p="md" data-testid="survey-nps">
            <Group gap="xl">
              <div><Text size="sm" c="dimmed">{t('survey.inbox.nps')}</Text><Text fz={28} fw={700}>{formatKpi('nps', data.nps, locale)}</Text></div>
              <Text>{t(`survey.inbox.count.${pluralForm(locale, data.responses)}`, { n: new Intl.NumberFormat(locale).format(data.responses) })}</Text>
              <Badge color="teal" variant="light">{t('survey.inbox.promoters')} {data.promoters}</Badge>
              <Badge color="yellow" variant="light">{t('survey.inbox.passives')} {data.responses - data.promoters - data.detractors}</Badge>
              <Badge color="red" variant="light">{t('survey.inbox.detractors')} {data.detractors}</Badge>
            </Group>
          </Paper>
          {data.rows.length === 0 ? <Text c="dimmed" data-testid="survey-empty">{t('survey.inbox.empty')}</Text> : (
            <Table striped highlightOnHover data-testid="survey-table">
              <Table.Thead><Table.Tr>
                {(['date', 'score', 'comment', 'resolved', 'agent', 'campaign', 'followup', 'call'] as const).map((k) => <Table.Th key={k}>{t(`survey.inbox.${k}`)}</Table.Th>)}
              </Table.Tr></Table.Thead>
              <Table.Tbody>
                {data.rows.map((r) => (
                  <Table.Tr key={`${r.campaign_id}/${r.id}`} onClick={() => r.status && setOpen(r)} style={{ cursor: r.status ? 'pointer' : undefined }} data-testid="survey-row">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(r.answered_at)}</Table.Td>
                    <Table.Td><Badge color={bandColor(r.score)} size="lg" variant="filled">{r.score}</Badge></Table.Td>
                    <Table.Td maw={420}>{r.comment ? <Text size="sm">« {r.comment} »</Text> : <Text size="sm" c="dimmed">{t('survey.inbox.noComment')}</Text>}
                      <Text size="xs" c="dimmed">{t(`survey.inbox.source.${r.source}` as MessageKey)}</Text></Table.Td>
                    <Table.Td>{yesNo(r.resolved)}</Table.Td>
                    <Table.Td>{agentName(r.agent)}</Table.Td>
                    <Table.Td>{campaignCode(r.campaign_id)}</Table.Td>
                    <Table.Td>{r.status && <Badge variant="outline" color={r.status === 'closed' ? 'gray' : r.status === 'contacted' ? 'blue' : 'red'}>{t(`survey.status.${r.status}` as MessageKey)}</Badge>}</Table.Td>
                    <Table.Td>{r.call_id && <Anchor component={Link} href={evaluateHref({ callId: r.call_id, campaignId: r.campaign_id })} onClick={(e) => e.stopPropagation()}>{r.call_id.slice(0, 18)}</Anchor>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group justify="space-between">
            <Text size="sm" c="dimmed">{data.responses > 0 && t('survey.inbox.page', { from: String(offset + 1), to: String(offset + data.rows.length), n: String(data.responses) })}</Text>
            <Group>
              <Button variant="default" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('survey.inbox.previous')}</Button>
              <Button variant="default" disabled={offset + PAGE >= data.responses} onClick={() => setOffset(offset + PAGE)}>{t('survey.inbox.more')}</Button>
            </Group>
          </Group>
        </>
      )}
      {options.data.canSetValidity && <ValiditySetting campaigns={options.data.campaigns} />}
      <Drawer opened={!!open} onClose={() => setOpen(null)} position="right" title={t('survey.followup.title')}>
        {open && <FollowupEditor row={open} owners={options.data.owners} canEdit={options.data.canEdit} onSaved={() => { setOpen(null); void inbox.refetch(); }} />}
      </Drawer>
    </Stack>
  );
}

function FollowupEditor({ row, owners, canEdit, onSaved }: { row: Row; owners: { id: string; name: string }[]; canEdit: boolean; onSaved: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [locale] = useLocale();
  const trpc = useTRPC();
  const [status, setStatus] = useState(row.status || 'new');
  const [owner, setOwner] = useState(row.owner_id);
  const [note, setNote] = useState(row.note);
  const history = useQuery(trpc.surveys.followup.history.queryOptions({ campaignId: row.campaign_id, surveyId: row.id }));
  const save = useMutation(trpc.surveys.followup.save.mutationOptions({ onSuccess: onSaved }));
  return (
    <Stack>
      <Group><Badge color="red" size="lg" variant="filled">{row.score}</Badge><Text size="sm">{row.comment ? `« ${row.comment} »` : t('survey.inbox.noComment')}</Text></Group>
      {!canEdit && <Alert color="blue">{t('survey.followup.readOnly')}</Alert>}
      <Select label={t('survey.followup.status')} value={status} onChange={(v) => v && setStatus(v)} allowDeselect={false} disabled={!canEdit} data-testid="followup-status"
        data={(['new', 'contacted', 'closed'] as const).map((s) => ({ value: s, label: t(`survey.status.${s}`) }))} />
      <Select label={t('survey.followup.owner')} value={owner} onChange={(v) => setOwner(v ?? '')} allowDeselect={false} disabled={!canEdit}
        data={[{ value: '', label: t('survey.followup.noOwner') }, ...owners.map((o) => ({ value: o.id, label: o.name }))]} />
      <Textarea label={t('survey.followup.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} autosize minRows={3} disabled={!canEdit} data-testid="followup-note" />
      {save.isError && <Alert color="red" role="alert">{errorText(save.error)}</Alert>}
      {canEdit && <Button loading={save.isPending} data-testid="followup-save"
        onClick={() => save.mutate({ campaignId: row.campaign_id, surveyId: row.id, status: status as 'new' | 'contacted' | 'closed', ownerId: owner, note })}>{t('survey.followup.save')}</Button>}
      <Title order={5}>{t('survey.followup.history')}</Title>
      {history.isError && <Alert color="red">{errorText(history.error)}</Alert>}
      {history.data?.map((h, i) => (
        <Text key={i} size="sm">{t(`survey.status.${h.status}`)} — {h.note} <Text span c="dimmed" size="xs">({t('survey.followup.by', { name: h.updated_by_name, date: new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(h.updated_at) })})</Text></Text>
      ))}
    </Stack>
  );
}

function ValiditySetting({ campaigns }: { campaigns: { id: string; code: string; tokenDays: number }[] }) {
  const t = useT();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const [campaignId, setCampaignId] = useState(campaigns[0]?.id ?? '');
  const current = campaigns.find((c) => c.id === campaignId);
  const [days, setDays] = useState<number | string>(current?.tokenDays ?? 7);
  const save = useMutation(trpc.surveys.settings.set.mutationOptions());
  if (!current) return null;
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="sm">{t('survey.settings.title')}</Title>
      <Group align="flex-end">
        <Select value={campaignId} onChange={(v) => { if (v) { setCampaignId(v); setDays(campaigns.find((c) => c.id === v)?.tokenDays ?? 7); save.reset(); } }} allowDeselect={false}
          data={campaigns.map((c) => ({ value: c.id, label: c.code }))} label={t('survey.inbox.campaign')} />
        <NumberInput label={t('survey.settings.days')} value={days} onChange={setDays} min={1} max={90} w={110} />
        <Button loading={save.isPending} onClick={() => save.mutate({ campaignId, tokenDays: Number(days) })}>{t('survey.settings.save')}</Button>
      </Group>
      {save.isSuccess && <Text size="sm" c="teal" mt="xs">{t('survey.settings.saved', { n: String(save.data.tokenDays) })}</Text>}
      {save.isError && <Alert color="red" mt="xs">{errorText(save.error)}</Alert>}
    </Paper>
  );
}
