'use client';
// Contact file delivery: upload (progress), detected shape and preview, column mapping, a test sample or
// the full import (progress), the quality report, and the campaign's lists.
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, FileInput, Group, MultiSelect, NumberInput, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useErrorText, useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import type { ColumnMapping } from '@/server/contacts/mapping';
import { uploadFile, useWhen } from './format';
import { ImportReportView } from './import-report';
import { ConsentPanel } from '@/app/components/numbers/consent-panel';

const SINGLE = ['phone', 'firstName', 'lastName', 'fullName', 'email', 'date', 'segment'] as const;
const CONSENT = ['consentDate', 'consentSource', 'consentScope', 'consentChannel', 'consentProof', 'consentExpiry'] as const;
type Mapping = Partial<Omit<ColumnMapping, 'custom' | 'dateFormat'>> & { custom: string[] };

function ListProgress({ listId }: { listId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const p = useQuery({ ...trpc.contacts.progress.queryOptions({ listId }), refetchInterval: (q) => (q.state.data?.status === 'importing' ? 400 : false) });
  const status = p.data?.status;
  useEffect(() => { if (status && status !== 'importing') void qc.invalidateQueries({ queryKey: trpc.contacts.lists.queryKey() }); }, [status, qc, trpc]);
  if (!p.data) return null;
  const fraction = p.data.status === 'importing' ? (p.data.totalBytes ? p.data.bytes / p.data.totalBytes : 0) : 1;
  return (
    <Stack>
      <Progress value={fraction * 100} animated={p.data.status === 'importing'} data-testid="import-progress" />
      <Text size="sm" c="dimmed">{t('contacts.progress', { rows: p.data.rows.toLocaleString() })}</Text>
      {p.data.status === 'failed' && <Alert color="red">{p.data.error}</Alert>}
      {p.data.report && <ImportReportView report={p.data.report} rejectedFileId={p.data.rejectedFileId} />}
    </Stack>
  );
}

export function ContactsPanel({ partnershipId, canEdit, campaigns }: { partnershipId: string; canEdit: boolean; campaigns: { id: string; code: string; name: string }[] }) {
  const t = useT();
  const errorText = useErrorText();
  const when = useWhen();
  const trpc = useTRPC();
  const [campaignId, setCampaignId] = useState<string | null>(campaigns[0]?.id ?? null);
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<number | null>(null);
  const [fileId, setFileId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping>({ custom: [] });
  const [country, setCountry] = useState('FR');
  const [sampleSize, setSampleSize] = useState<number>(100);
  const [listId, setListId] = useState<string | null>(null);
  useEffect(() => { if (!campaignId && campaigns[0]) setCampaignId(campaigns[0].id); }, [campaigns, campaignId]);
  const inspect = useQuery({ ...trpc.contacts.inspect.queryOptions({ fileId: fileId ?? '' }), enabled: !!fileId });
  useEffect(() => { if (inspect.data) setMapping({ ...inspect.data.guess, custom: [] }); }, [inspect.data]);
  const lists = useQuery({ ...trpc.contacts.lists.queryOptions({ campaignId: campaignId ?? '' }), enabled: !!campaignId });
  const start = useMutation(trpc.contacts.start.mutationOptions({ onSuccess: (r) => setListId(r.listId), onError: (e) => setError(errorText(e)) }));

  if (campaigns.length === 0) return <Alert color="gray">{t('contacts.noOutbound')}</Alert>;

  async function send(f: File | null) {
    setFile(f); setFileId(null); setListId(null); setError(null);
    if (!f || !campaignId) return;
    try {
      setUpload(0);
      setFileId((await uploadFile({ purpose: 'contacts', partnership: partnershipId, campaign: campaignId }, f, setUpload)).id);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setUpload(null);
    }
  }
  const run = (sample?: number) => {
    if (!fileId || !campaignId || !mapping.phone) return;
    setError(null);
    start.mutate({ fileId, campaignId, defaultCountry: country, sample, mapping: { ...mapping, phone: mapping.phone, dateFormat: 'auto' } });
  };
  const headers = inspect.data?.headers ?? [];
  return (
    <Stack>
      <Group align="flex-end">
        <Select label={t('contacts.campaign')} w={320} data={campaigns.map((c) => ({ value: c.id, label: `${c.code} — ${c.name}` }))} value={campaignId} onChange={setCampaignId} data-testid="contacts-campaign" />
        {canEdit && <FileInput label={t('contacts.upload')} w={340} accept=".csv,.txt,.xlsx" value={file} onChange={send} clearable data-testid="contacts-file" />}
      </Group>
      {upload !== null && <Stack gap={2}><Text size="sm">{t('contacts.uploading')}</Text><Progress value={upload * 100} /></Stack>}
      {error && <Alert color="red" data-testid="contacts-error">{error}</Alert>}
      {inspect.error && <Alert color="red">{errorText(inspect.error)}</Alert>}
      {inspect.data && (
        <Paper withBorder p="md">
          <Stack>
            <Text size="sm" c="dimmed" data-testid="contacts-detected">
              {t('contacts.detected', { format: inspect.data.format.toUpperCase(), encoding: inspect.data.encoding ?? '—', delimiter: inspect.data.delimiter === '\t' ? 'TAB' : inspect.data.delimiter ?? '—', columns: String(headers.length) })}
            </Text>
            <Title order={5}>{t('contacts.mapping')}</Title>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {SINGLE.map((field) => (
                <Select key={field} label={t(`contacts.map.${field}` as MessageKey)} data={headers} value={mapping[field] ?? null} clearable
                  data-testid={`map-${field}`} onChange={(v) => setMapping((m) => ({ ...m, [field]: v ?? undefined }))} />
              ))}
              <MultiSelect label={t('contacts.map.custom')} data={headers} value={mapping.custom} onChange={(v) => setMapping((m) => ({ ...m, custom: v }))} />
            </SimpleGrid>
            <Text size="sm" c="dimmed">{t('contacts.map.consent')}</Text>
            <SimpleGrid cols={{ base: 2, sm: 3 }}>
              {CONSENT.map((field) => (
                <Select key={field} label={t(`contacts.map.${field}` as MessageKey)} data={headers} value={mapping[field] ?? null} clearable
                  data-testid={`map-${field}`} onChange={(v) => setMapping((m) => ({ ...m, [field]: v ?? undefined }))} />
              ))}
            </SimpleGrid>
            <TextInput label={t('contacts.country')} w={200} value={country} maxLength={2} onChange={(e) => setCountry(e.currentTarget.value.toUpperCase())} />
            <Title order={6}>{t('contacts.preview')}</Title>
            <Table.ScrollContainer minWidth={600}>
              <Table striped withTableBorder fz="xs">
                <Table.Thead><Table.Tr>{headers.map((h) => <Table.Th key={h}>{h}</Table.Th>)}</Table.Tr></Table.Thead>
                <Table.Tbody>{inspect.data.preview.slice(0, 5).map((r, i) => <Table.Tr key={i}>{r.map((c, j) => <Table.Td key={j}>{c}</Table.Td>)}</Table.Tr>)}</Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group align="flex-end">
              <NumberInput label={t('contacts.sampleSize')} min={1} max={10_000} w={160} value={sampleSize} onChange={(v) => setSampleSize(Number(v) || 1)} />
              <Button variant="light" onClick={() => run(sampleSize)} disabled={!mapping.phone} loading={start.isPending} data-testid="import-sample">{t('contacts.sample')}</Button>
              <Button onClick={() => run()} disabled={!mapping.phone} loading={start.isPending} data-testid="import-full">{t('contacts.full')}</Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {listId && <ListProgress key={listId} listId={listId} />}
      <Title order={5}>{t('contacts.lists')}</Title>
      <Table striped data-testid="contact-lists">
        <Table.Thead><Table.Tr><Table.Th>{t('contacts.list.name')}</Table.Th><Table.Th>{t('contacts.list.status')}</Table.Th><Table.Th>{t('contacts.list.contacts')}</Table.Th><Table.Th>{t('contacts.list.created')}</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {lists.data?.map((l) => (
            <Table.Tr key={l.id} data-testid={`list-${l.name}`}>
              <Table.Td>{l.name} {l.sample ? <Badge size="xs" variant="outline">{t('contacts.sampleBadge')}</Badge> : null}</Table.Td>
              <Table.Td><Badge color={l.status === 'ready' ? 'teal' : l.status === 'failed' ? 'red' : 'blue'} title={l.error}>{t(`contacts.status.${l.status}`)}</Badge></Table.Td>
              <Table.Td>{l.contacts.toLocaleString()}</Table.Td>
              <Table.Td>{l.created_by_name}, {when(l.created_at)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {campaignId && <ConsentPanel key={campaignId} campaignId={campaignId} canWithdraw={canEdit} />}
    </Stack>
  );
}
