'use client';
// Preview: the agent takes the next record the rules allow, reads it, then calls or skips; the rules are checked
// again when it calls, and a refusal says which rule and from when the call would be allowed.
import { Alert, Button, Group, Menu, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useErrorText, useLocale, useT } from '@/app/i18n/client';
import { useTRPC } from '@/app/trpc/client';
import { displayPhone } from './display-phone';
import { refusalText } from './refusal-text';

type SkipReason = 'wrong_record' | 'already_handled' | 'incomplete' | 'other';
interface Lead { phone: string; name: string; fields: Record<string, string>; attempts: number; lastOutcome: string | null }

export function DeskPreview({ campaignId, code, lead, canTake, skipReasons }: {
  campaignId: string; code: string; lead: Lead | null; canTake: boolean;
  /** Why an agent may pass on a record (the desk's state names them); the reason goes to the audit log. */
  skipReasons: readonly SkipReason[];
}) {
  const t = useT();
  const [locale] = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const take = useMutation(trpc.desk.preview.take.mutationOptions());
  const dial = useMutation(trpc.desk.preview.dial.mutationOptions());
  const skip = useMutation(trpc.desk.preview.skip.mutationOptions());
  const refused = dial.data && !dial.data.placed ? dial.data : null;
  const error = take.error ?? dial.error ?? skip.error;
  return (
    <Paper withBorder p="md" data-testid={`desk-preview-${code}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={5}>{t('desk.preview')} · {code}</Title>
          {!lead && <Button size="xs" onClick={() => { dial.reset(); take.mutate({ campaignId }); }} disabled={!canTake} loading={take.isPending} data-testid="desk-preview-take">{t('desk.preview.take')}</Button>}
        </Group>
        {take.data === null && !lead && <Text size="sm" c="dimmed">{t('desk.preview.none')}</Text>}
        {refused && (
          <Alert color="orange" data-testid="desk-preview-refused">
            {refusalText(t, locale, refused)}
          </Alert>
        )}
        {error && <Alert color="red">{errorText(error)}</Alert>}
        {lead && (
          <>
            <Text fw={700} size="lg" data-testid="desk-preview-contact">{lead.name || lead.phone}</Text>
            <Text c="dimmed" data-testid="desk-preview-phone">{displayPhone(lead.phone)}</Text>
            <Table withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                {Object.entries(lead.fields).map(([k, v]) => <Table.Tr key={k}><Table.Td c="dimmed" w={160}>{k}</Table.Td><Table.Td>{v}</Table.Td></Table.Tr>)}
              </Table.Tbody>
            </Table>
            <Group>
              <Button onClick={() => dial.mutate({ campaignId })} loading={dial.isPending} data-testid="desk-preview-dial">{t('desk.preview.dial')}</Button>
              <Menu position="bottom-start">
                <Menu.Target>
                  <Button variant="default" loading={skip.isPending} data-testid="desk-preview-skip">{t('desk.preview.skip')}</Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{t('desk.preview.skipWhy')}</Menu.Label>
                  {skipReasons.map((reason) => (
                    <Menu.Item key={reason} onClick={() => skip.mutate({ campaignId, reason })} data-testid={`desk-preview-skip-${reason}`}>{t(`desk.preview.skip.${reason}`)}</Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
