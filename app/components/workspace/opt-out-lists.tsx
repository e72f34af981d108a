'use client';
// The outsourcer's opt-out (Bloctel-style) lists: upload with the list's date; the newest one screens imports.
import { useState } from 'react';
import { Alert, Badge, Button, FileInput, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useErrorText, useT } from '@/app/i18n/client';
import { uploadFile, useWhen } from './format';
import { DayInput } from '@/app/components/day-input/day-input';

export function OptOutLists() {
  const t = useT();
  const errorText = useErrorText();
  const when = useWhen();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const lists = useQuery(trpc.contacts.optOutLists.queryOptions());
  const [file, setFile] = useState<File | null>(null);
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const register = useMutation(trpc.contacts.registerOptOut.mutationOptions());
  async function submit() {
    if (!file) return;
    setError(null);
    try {
      setProgress(0);
      const uploaded = await uploadFile({ purpose: 'opt_out' }, file, setProgress);
      await register.mutateAsync({ fileId: uploaded.id, listDate: date });
      setFile(null);
      await qc.invalidateQueries({ queryKey: trpc.contacts.optOutLists.queryKey() });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setProgress(null);
    }
  }
  const current = lists.data?.[0];
  return (
    <Paper withBorder p="md" mt="lg">
      <Stack>
        <div>
          <Title order={4}>{t('optout.title')}</Title>
          <Text size="sm" c="dimmed">{t('optout.lead')}</Text>
        </div>
        {current?.stale && <Alert color="orange">{t('optout.stale')}</Alert>}
        <Group align="flex-end">
          <FileInput label={t('optout.file')} accept=".csv,.txt" value={file} onChange={setFile} w={300} clearable />
          <DayInput label={t('optout.date')} value={date} onChange={setDate} />
          <Button onClick={submit} disabled={!file} loading={progress !== null || register.isPending}>{t('ws.save')}</Button>
        </Group>
        {progress !== null && <Progress value={progress * 100} />}
        {error && <Alert color="red">{error}</Alert>}
        <Table>
          <Table.Tbody>
            {lists.data?.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{l.name} {l.current && <Badge size="xs" color={l.stale ? 'orange' : 'teal'}>{l.list_date}</Badge>}</Table.Td>
                <Table.Td>{t('optout.numbers', { count: l.numbers.toLocaleString() })}</Table.Td>
                <Table.Td>{when(l.uploaded_at)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
