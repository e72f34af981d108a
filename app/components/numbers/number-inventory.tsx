'use client';
// Admin → Numbers: the organization's numbers (who holds them, the proof of assignment, the campaigns presenting
// each); add one (any French spelling, stored E.164), edit its proof, remove it (the campaigns using it are named).
import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useErrorText, useT } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc/client';
import { useWhen } from '@/app/components/workspace/format';

const OURS = '__ours';

export function NumberInventory({ orgKind }: { orgKind: 'outsourcer' | 'client' }) {
  const t = useT();
  const when = useWhen();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.numbers.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.numbers.list.queryKey() });
  const [number, setNumber] = useState('');
  const [heldFor, setHeldFor] = useState<string>(OURS);
  const [proof, setProof] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; proof: string } | null>(null);
  const onError = (e: unknown) => setError(errorText(e));
  const add = useMutation(trpc.numbers.add.mutationOptions({ onSuccess: () => { setNumber(''); setProof(''); setError(null); void refresh(); }, onError }));
  const update = useMutation(trpc.numbers.update.mutationOptions({ onSuccess: () => { setEditing(null); setError(null); void refresh(); }, onError }));
  const remove = useMutation(trpc.numbers.remove.mutationOptions({ onSuccess: () => { setError(null); void refresh(); }, onError }));

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!number.trim()) return;
    const forClient = orgKind === 'outsourcer' && heldFor !== OURS;
    add.mutate({ number, proofRef: proof, owner: forClient ? 'client' : 'outsourcer', clientOrgId: forClient ? heldFor : undefined });
  }

  const clients = list.data?.clients ?? [];
  return (
    <Stack>
      <div>
        <Title order={3}>{t('numbers.title')}</Title>
        <Text c="dimmed" size="sm" maw={900}>{t('numbers.lead')}</Text>
      </div>
      <form onSubmit={submit}>
        <Group align="flex-end">
          <TextInput label={t('numbers.number')} description={t('numbers.number.hint')} w={260} value={number} required
            onChange={(e) => setNumber(e.currentTarget.value)} data-testid="number-input" />
          {orgKind === 'outsourcer' && (
            <Select label={t('numbers.heldFor')} description={t('numbers.heldFor.hint')} w={300} value={heldFor} onChange={(v) => setHeldFor(v ?? OURS)} allowDeselect={false} data-testid="number-held-for"
              data={[{ value: OURS, label: t('numbers.owner.outsourcer') }, ...clients.map((c) => ({ value: c.id, label: c.name }))]} />
          )}
          <TextInput label={t('numbers.proof')} description={t('numbers.proof.hint')} w={300} value={proof} maxLength={500}
            onChange={(e) => setProof(e.currentTarget.value)} data-testid="number-proof" />
          <Button type="submit" loading={add.isPending} data-testid="number-add">{t('numbers.add')}</Button>
        </Group>
      </form>
      {error && <Alert color="red" data-testid="number-error">{error}</Alert>}
      {list.isPending ? <Loader size="sm" /> : list.isError ? <Alert color="red">{errorText(list.error)}</Alert> : list.data.numbers.length === 0 ? (
        <Text c="dimmed">{t('numbers.none')}</Text>
      ) : (
        <Table striped data-testid="number-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('numbers.number')}</Table.Th><Table.Th>{t('numbers.owner')}</Table.Th><Table.Th>{t('numbers.proof')}</Table.Th>
              <Table.Th>{t('numbers.campaigns')}</Table.Th><Table.Th>{t('numbers.added')}</Table.Th><Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.numbers.map((n) => (
              <Table.Tr key={n.id} data-testid={`number-${n.number}`}>
                <Table.Td ff="monospace">{n.number}</Table.Td>
                <Table.Td>
                  {orgKind === 'client' ? t('numbers.owner.own') : n.owner === 'outsourcer' ? t('numbers.owner.outsourcer') : t('numbers.owner.client', { client: n.client_name })}
                </Table.Td>
                <Table.Td>
                  {editing?.id === n.id ? (
                    <Group gap="xs">
                      <TextInput size="xs" value={editing.proof} maxLength={500} onChange={(e) => setEditing({ id: n.id, proof: e.currentTarget.value })} />
                      <Button size="xs" onClick={() => update.mutate({ id: n.id, proofRef: editing.proof })} loading={update.isPending}>{t('numbers.save')}</Button>
                      <Button size="xs" variant="subtle" onClick={() => setEditing(null)}>{t('numbers.cancel')}</Button>
                    </Group>
                  ) : (n.proof_ref || '—')}
                </Table.Td>
                <Table.Td>
                  {n.campaigns.length === 0 ? <Text size="sm" c="dimmed">{t('numbers.noCampaign')}</Text> : (
                    <Group gap={4}>{n.campaigns.map((c) => <Badge key={c.id} variant="light" title={c.name}><Anchor component={Link} href="/dialer" size="xs" inherit c="inherit">{c.code}</Anchor></Badge>)}</Group>
                  )}
                </Table.Td>
                <Table.Td><Text size="sm">{n.added_by_name}, {when(n.added_at)}</Text></Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => setEditing({ id: n.id, proof: n.proof_ref })}>{t('numbers.edit')}</Button>
                    <Button size="xs" variant="subtle" color="red" loading={remove.isPending && remove.variables?.id === n.id}
                      onClick={() => { if (!n.campaigns.length || window.confirm(t('numbers.removeConfirm', { number: n.number, campaigns: n.campaigns.map((c) => c.code).join(', ') }))) remove.mutate({ id: n.id }); }}>
                      {t('numbers.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
