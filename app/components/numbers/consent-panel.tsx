'use client';
// A campaign's consent records: a contact's looked up by number (source, date, scope, channel, proof, withdrawal,
// state now), a record withdrawn when the contact asks (the workspace's editors, after a confirmation), and the
// export of the campaign's records for an audit (CSV for Excel, in the user's language).
import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { downloadText } from '@/app/components/download';
import { useErrorText, useLocale, useT } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc/client';

const STATE_COLOR = { valid: 'teal', withdrawn: 'red', expired: 'orange' } as const;

export function ConsentPanel({ campaignId, canWithdraw }: { campaignId: string; canWithdraw: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const [typed, setTyped] = useState('');
  const [phone, setPhone] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const found = useQuery({ ...trpc.consents.ofContact.queryOptions({ campaignId, phone: phone ?? '' }), enabled: phone !== null });
  const queryClient = useQueryClient();
  const exporter = useMutation({
    // Read afresh at each click: the records change as the API writes them.
    mutationFn: () => queryClient.fetchQuery({ ...trpc.consents.export.queryOptions({ campaignId, locale }), staleTime: 0 }),
    onSuccess: (r) => { downloadText(r.filename, r.csv); setNote(t('consents.exported', { count: String(r.records) })); },
    onError: (e) => setNote(errorText(e)),
  });
  const [confirming, setConfirming] = useState<string | null>(null);
  const withdraw = useMutation(trpc.consents.withdraw.mutationOptions({
    onSuccess: () => {
      setConfirming(null);
      setNote(t('consents.withdrawnNow'));
      void queryClient.invalidateQueries({ queryKey: trpc.consents.ofContact.queryKey() });
    },
    onError: (e) => { setConfirming(null); setNote(errorText(e)); },
  }));
  const day = (ms: number | null) => (ms === null ? '—' : new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' }).format(new Date(ms)));

  function submit(e: FormEvent) {
    e.preventDefault();
    if (typed.trim()) setPhone(typed.trim());
  }

  return (
    <Paper withBorder p="md" data-testid="consent-panel">
      <Stack>
        <div>
          <Title order={5}>{t('consents.title')}</Title>
          <Text size="sm" c="dimmed">{t('consents.lead')}</Text>
        </div>
        <Group align="flex-end" justify="space-between">
          <form onSubmit={submit}>
            <Group align="flex-end">
              <TextInput label={t('consents.lookup')} placeholder={t('consents.lookup.placeholder')} w={280} value={typed}
                onChange={(e) => setTyped(e.currentTarget.value)} data-testid="consent-phone" />
              <Button type="submit" variant="light" loading={found.isFetching}>{t('consents.lookup.go')}</Button>
            </Group>
          </form>
          <Button variant="default" onClick={() => exporter.mutate()} loading={exporter.isPending} data-testid="consent-export">{t('consents.export')}</Button>
        </Group>
        {note && <Text size="sm" c="dimmed">{note}</Text>}
        {found.error && <Alert color="red">{errorText(found.error)}</Alert>}
        {found.data && found.data.phone === null && <Alert color="orange">{t('consents.invalidPhone')}</Alert>}
        {found.data?.phone && found.data.records.length === 0 && <Text size="sm" data-testid="consent-none">{t('consents.none')}</Text>}
        {found.data?.phone && found.data.records.length > 0 && (
          <Table striped data-testid="consent-records">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('consents.state')}</Table.Th><Table.Th>{t('consents.scope')}</Table.Th><Table.Th>{t('consents.channel')}</Table.Th>
                <Table.Th>{t('consents.source')}</Table.Th><Table.Th>{t('consents.given')}</Table.Th><Table.Th>{t('consents.expires')}</Table.Th>
                <Table.Th>{t('consents.withdrawn')}</Table.Th><Table.Th>{t('consents.proof')}</Table.Th>
                {canWithdraw && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {found.data.records.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td><Badge color={STATE_COLOR[r.state]}>{t(`consents.state.${r.state}`)}</Badge></Table.Td>
                  <Table.Td>{t(r.scope === 'client' ? 'consents.scope.client' : r.thisCampaign ? 'consents.scope.campaign' : 'consents.scope.otherCampaign')}</Table.Td>
                  <Table.Td>{t(`consents.channel.${r.channel}`)}</Table.Td>
                  <Table.Td>{r.source}</Table.Td>
                  <Table.Td>{day(r.given_at)}</Table.Td>
                  <Table.Td>{day(r.expires_at)}</Table.Td>
                  <Table.Td>{day(r.withdrawn_at)}</Table.Td>
                  <Table.Td>{r.proof_ref || '—'}</Table.Td>
                  {canWithdraw && (
                    <Table.Td>
                      {r.withdrawn_at === null && (confirming === r.id
                        ? (
                          <Group gap={4} wrap="nowrap">
                            <Button size="compact-xs" color="red" loading={withdraw.isPending} data-testid="consent-withdraw-confirm"
                              onClick={() => withdraw.mutate({ campaignId, phone: found.data!.phone!, recordId: r.id })}>{t('consents.withdraw.confirm')}</Button>
                            <Button size="compact-xs" variant="default" onClick={() => setConfirming(null)}>{t('people.cancel')}</Button>
                          </Group>
                        )
                        : <Button size="compact-xs" variant="subtle" color="red" onClick={() => setConfirming(r.id)} data-testid="consent-withdraw">{t('consents.withdraw')}</Button>)}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
