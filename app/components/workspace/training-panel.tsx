'use client';
// Training material of the partnership's campaigns: add documents or links, see who has read each one.
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, FileInput, Group, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useErrorText, useT } from '@/app/i18n/client';
import { uploadFile, useWhen } from './format';

const KINDS = ['pdf', 'slides', 'video', 'document', 'link'] as const;
type Kind = (typeof KINDS)[number];

/** `campaigns`: the partnership's, undefined while they load. */
export function TrainingPanel({ partnershipId, canEdit, campaigns: loaded }: { partnershipId: string; canEdit: boolean; campaigns: { id: string; code: string; name: string }[] | undefined }) {
  const campaigns = loaded ?? [];
  const t = useT();
  const errorText = useErrorText();
  const when = useWhen();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const docs = useQuery(trpc.workspace.training.list.queryOptions({ partnershipId }));
  // The campaign picked, else the first one (known once they load).
  const [picked, setCampaignId] = useState<string | null>(null);
  const campaignId = picked ?? campaigns[0]?.id ?? null;
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<Kind>('pdf');
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const add = useMutation(trpc.workspace.training.add.mutationOptions());

  async function submit() {
    // The button waits for the campaigns to load: without one, nothing would be added and nothing said.
    if (!campaignId) return;
    setError(null);
    try {
      let fileId: string | undefined;
      if (file) {
        setProgress(0);
        fileId = (await uploadFile({ purpose: 'training', partnership: partnershipId, campaign: campaignId }, file, setProgress)).id;
      }
      await add.mutateAsync({ partnershipId, campaignId, title, kind, fileId, url: url || undefined });
      setTitle(''); setFile(null); setUrl('');
      await qc.invalidateQueries({ queryKey: trpc.workspace.pathKey() });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setProgress(null);
    }
  }

  return (
    <Stack>
      {canEdit && (
        <Paper withBorder p="md">
          <Stack>
            <Title order={5}>{t('training.add')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select label={t('contacts.campaign')} data={campaigns.map((c) => ({ value: c.id, label: `${c.code} — ${c.name}` }))} value={campaignId} onChange={setCampaignId} />
              <TextInput label={t('training.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="training-title" />
              <Select label={t('training.kind')} data={KINDS.map((k) => ({ value: k, label: t(`training.kind.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as Kind)} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {kind !== 'link' && <FileInput label={t('training.file')} value={file} onChange={setFile} clearable data-testid="training-file" />}
              {(kind === 'link' || kind === 'video') && <TextInput label={t('training.url')} value={url} onChange={(e) => setUrl(e.currentTarget.value)} />}
            </SimpleGrid>
            {loaded?.length === 0 && <Text size="sm" c="dimmed" data-testid="training-no-campaign">{t('training.noCampaign')}</Text>}
            {progress !== null && <Progress value={progress * 100} />}
            {error && <Alert color="red">{error}</Alert>}
            <Group><Button onClick={submit} disabled={!campaignId || !title.trim() || (!file && !url)} loading={add.isPending || progress !== null} data-testid="training-add">{t('training.add')}</Button></Group>
          </Stack>
        </Paper>
      )}
      {docs.data?.length === 0 && <Alert color="gray">{t('training.empty')}</Alert>}
      {!!docs.data?.length && (
        <Table striped data-testid="training-table">
          <Table.Thead><Table.Tr><Table.Th>{t('training.title')}</Table.Th><Table.Th>{t('contacts.campaign')}</Table.Th><Table.Th>{t('training.kind')}</Table.Th><Table.Th>{t('nav.agents')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {docs.data.map((d) => {
              const done = d.agents.filter((a) => a.acknowledged_at).length;
              return (
                <Table.Tr key={d.id} data-testid={`training-${d.title}`}>
                  <Table.Td>
                    <Anchor href={d.file_id ? `/api/files/${d.file_id}` : d.url} target={d.file_id ? undefined : '_blank'} rel="noreferrer">{d.title}</Anchor>
                    <Text size="xs" c="dimmed">{d.created_by_name}, {when(d.created_at)}</Text>
                  </Table.Td>
                  <Table.Td>{d.campaign_code}</Table.Td>
                  <Table.Td>{t(`training.kind.${d.kind}`)}</Table.Td>
                  <Table.Td>
                    <Text size="xs" mb={4}>{t('training.readBy', { done: String(done), total: String(d.agents.length) })}</Text>
                    <Group gap={4}>
                      {d.agents.map((a) => (
                        <Tooltip key={a.id} label={a.acknowledged_at ? t('training.acknowledged', { when: when(a.acknowledged_at) }) : '—'}>
                          <Badge color={a.acknowledged_at ? 'teal' : 'gray'} variant={a.acknowledged_at ? 'filled' : 'outline'} data-testid={`ack-${a.agent_code}`} data-acknowledged={a.acknowledged_at ? 'yes' : 'no'}>{a.name}</Badge>
                        </Tooltip>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
