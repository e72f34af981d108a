'use client';
// Settings → API keys: create (the key is shown once), see last use, revoke.
import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Code, CopyButton, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useLocale, useT } from '@/app/i18n/client';

export function ApiKeys() {
  const t = useT();
  const [locale] = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
  const [name, setName] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const create = useMutation(trpc.apiKeys.create.mutationOptions({ onSuccess: (r) => { setShown(r.key); setName(''); void refresh(); } }));
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: () => void refresh() }));
  const when = (v: string | number | null) => (v ? new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(typeof v === 'string' ? `${v.replace(' ', 'T')}Z` : v)) : t('keys.never'));

  function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim()) create.mutate({ name });
  }

  return (
    <Stack>
      <div>
        <Title order={3}>{t('keys.title')}</Title>
        <Text c="dimmed" size="sm">{t('keys.lead')}</Text>
      </div>
      <form onSubmit={submit}>
        <Group align="flex-end">
          <TextInput label={t('keys.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={80} required data-testid="key-name" />
          <Button type="submit" loading={create.isPending}>{t('keys.create')}</Button>
        </Group>
      </form>
      {shown && (
        <Alert color="yellow" title={t('keys.once')}>
          <Group>
            <Code data-testid="new-key">{shown}</Code>
            <CopyButton value={shown}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? '✓' : 'Copy'}</Button>}</CopyButton>
          </Group>
        </Alert>
      )}
      {keys.isPending ? <Loader size="sm" /> : keys.isError ? <Text c="red">{t('common.error')}</Text> : (
        <Table striped data-testid="key-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('keys.name')}</Table.Th>
              <Table.Th>{t('keys.prefix')}</Table.Th>
              <Table.Th>{t('keys.created')}</Table.Th>
              <Table.Th>{t('keys.lastUsed')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {keys.data.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td>{k.name}</Table.Td>
                <Table.Td><Code>{k.prefix}…</Code></Table.Td>
                <Table.Td>{when(k.created_at)}</Table.Td>
                <Table.Td>{when(k.last_used_at)}</Table.Td>
                <Table.Td>
                  {k.revoked_at ? <Badge color="gray">{t('keys.revoked')}</Badge> : (
                    <Button size="xs" color="red" variant="subtle" onClick={() => revoke.mutate({ id: k.id })}>{t('keys.revoke')}</Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
