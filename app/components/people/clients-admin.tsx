'use client';
// Admin → client organizations (the outsourcer's admins): the clients with their partnership and admins; a new client
// comes with its partnership and its first admin, whose one-time link is shown once.
import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useT } from '@/app/i18n/client';
import { OneTimeLink } from './one-time-link';
import { fieldError, formError, useRefusal, type FormRefusal } from './refusal';

const FIELDS = ['name', 'partnershipName', 'adminName', 'adminEmail'];

export function ClientsAdmin() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toRefusal = useRefusal();
  const clients = useQuery(trpc.people.clients.list.queryOptions());
  const [form, setForm] = useState({ name: '', partnershipName: '', adminName: '', adminEmail: '' });
  const [refusal, setRefusal] = useState<FormRefusal | null>(null);
  const [issued, setIssued] = useState<{ email: string; link: { path: string; expiresAt: number } } | null>(null);
  const create = useMutation(trpc.people.clients.create.mutationOptions({
    onSuccess: (r) => {
      setIssued({ email: r.client.admins[0]!.email, link: r.link });
      setForm({ name: '', partnershipName: '', adminName: '', adminEmail: '' });
      setRefusal(null);
      void queryClient.invalidateQueries({ queryKey: trpc.people.clients.list.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.partnerships.list.queryKey() });
    },
    onError: (e) => setRefusal(toRefusal(e)),
  }));
  const field = (key: keyof typeof form) => ({
    value: form[key], error: fieldError(refusal, key),
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => { const value = e.currentTarget.value; setForm((f) => ({ ...f, [key]: value })); },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ ...form, partnershipName: form.partnershipName || undefined });
  }
  const above = formError(refusal, FIELDS);
  return (
    <Stack>
      <div>
        <Title order={2}>{t('people.clients.title')}</Title>
        <Text c="dimmed" size="sm">{t('people.clients.lead')}</Text>
      </div>
      {issued && <OneTimeLink link={issued.link} email={issued.email} onClose={() => setIssued(null)} />}
      <Paper withBorder p="md">
        <form onSubmit={submit} data-testid="new-client-form">
          <Stack gap="xs">
            <Title order={4}>{t('people.clients.new')}</Title>
            {above && <Alert color="red" role="alert">{above}</Alert>}
            <Group grow align="flex-start">
              <TextInput label={t('people.clients.name')} required maxLength={200} data-testid="client-name" {...field('name')} />
              <TextInput label={t('people.clients.partnership')} description={t('people.clients.partnershipHelp')} maxLength={200} {...field('partnershipName')} />
            </Group>
            <Group grow align="flex-start">
              <TextInput label={t('people.clients.adminName')} required maxLength={120} data-testid="client-admin-name" {...field('adminName')} />
              <TextInput label={t('people.clients.adminEmail')} type="email" required data-testid="client-admin-email" {...field('adminEmail')} />
            </Group>
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending} data-testid="client-create">{t('people.clients.create')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {clients.isPending ? <Loader size="sm" /> : clients.isError ? <Alert color="red">{t('common.error')}</Alert> : clients.data.length === 0 ? (
        <Text c="dimmed">{t('people.clients.empty')}</Text>
      ) : (
        <Table striped data-testid="client-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('people.clients.name')}</Table.Th>
              <Table.Th>{t('people.clients.partnership')}</Table.Th>
              <Table.Th>{t('people.clients.admins')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clients.data.map((c) => (
              <Table.Tr key={c.partnershipId}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{c.partnershipName}</Table.Td>
                <Table.Td>
                  {c.admins.length === 0 ? <Text size="sm" c="dimmed">{t('people.clients.noAdmin')}</Text> : (
                    <Group gap={4}>{c.admins.map((a) => <Badge key={a.id} variant="light" color={a.active ? 'teal' : 'gray'}>{a.name} · {a.email}</Badge>)}</Group>
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
