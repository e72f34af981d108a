'use client';
// A call the agent places by hand to one of the campaign's contacts: the same compliance rules as any dial,
// a refusal shown with its rule and from when the call would be allowed.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Select, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useErrorText, useLocale, useT } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc/client';
import { refusalText } from './refusal-text';

export function DeskManual({ campaigns, disabled }: { campaigns: { id: string; code: string }[]; disabled: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const [campaignId, setCampaignId] = useState<string | null>(campaigns[0]?.id ?? null);
  const [phone, setPhone] = useState('');
  const dial = useMutation(trpc.desk.manualDial.mutationOptions());
  const refused = dial.data && !dial.data.placed ? dial.data : null;
  function submit(e: FormEvent) {
    e.preventDefault();
    if (campaignId && phone.trim()) dial.mutate({ campaignId, phone });
  }
  if (campaigns.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="desk-manual">
      <Title order={5}>{t('desk.manual')}</Title>
      <form onSubmit={submit}>
        <Group align="flex-end" mt="xs">
          {campaigns.length > 1 && <Select label={t('desk.manual.campaign')} data={campaigns.map((c) => ({ value: c.id, label: c.code }))} value={campaignId} onChange={setCampaignId} w={160} allowDeselect={false} />}
          <TextInput label={t('desk.manual.number')} placeholder="06 12 34 56 78" value={phone} onChange={(e) => setPhone(e.currentTarget.value)} w={320} data-testid="desk-manual-number" />
          <Button type="submit" disabled={disabled} loading={dial.isPending} data-testid="desk-manual-dial">{t('desk.manual.dial')}</Button>
        </Group>
      </form>
      {refused && <Alert color="orange" mt="xs" data-testid="desk-manual-refused">{refusalText(t, locale, refused)}</Alert>}
      {dial.error && <Alert color="red" mt="xs">{errorText(dial.error)}</Alert>}
    </Paper>
  );
}
