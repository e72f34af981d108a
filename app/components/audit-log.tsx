'use client';
// The audit log for admins: changes of a period, newest first, filtered by kind, exported as CSV for Excel.
import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useLocale, useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import { AUDIT_FAMILIES } from '@/server/audit/actions';
import { csvLine } from '@/server/csv/write';
import { downloadText } from './download';

const PERIODS = [7, 30, 90, 365] as const;

/** `{ field: { before, after } }` as "field: before → after", anything else as "key: value". */
function describeDetail(detail: string): string {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(detail) as Record<string, unknown>;
  } catch {
    return detail;
  }
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  return Object.entries(parsed).map(([k, v]) => {
    if (v && typeof v === 'object' && 'before' in v && 'after' in v) return `${k}: ${show((v as { before: unknown }).before)} → ${show((v as { after: unknown }).after)}`;
    return `${k}: ${show(v)}`;
  }).join(' · ');
}

export function AuditLog() {
  const t = useT();
  const [locale] = useLocale();
  const trpc = useTRPC();
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const [family, setFamily] = useState<string>('');
  // The period ends a little ahead of now so that a change made a moment ago is in it; fixed until the filter changes.
  const range = useMemo(() => ({ from: Date.now() - days * 86_400_000, to: Date.now() + 60_000 }), [days]);
  const log = useQuery(trpc.audit.list.queryOptions({ ...range, family: family || undefined }));
  const when = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(ms);
  const actionLabel = (action: string) => t(`audit.action.${action}` as MessageKey);

  function exportCsv() {
    if (!log.data) return;
    const header = [t('audit.when'), t('audit.who'), t('audit.what'), t('audit.subject'), t('audit.changes'), t('audit.csv.outcome')];
    const rows = log.data.lines.map((l) => [when(l.at), l.actor_email, actionLabel(l.action), l.summary, describeDetail(l.detail), t(`audit.csv.${l.outcome}`)]);
    const day = new Date().toISOString().slice(0, 10);
    downloadText(`relais-audit-${day}.csv`, [header, ...rows].map((r) => csvLine(r)).join(''));
  }

  return (
    <Stack>
      <div>
        <Title order={3}>{t('audit.title')}</Title>
        <Text c="dimmed" size="sm">{t('audit.lead')}</Text>
      </div>
      <Group align="flex-end">
        <Select label={t('audit.period')} data-testid="audit-period" value={String(days)} allowDeselect={false}
          data={PERIODS.map((d) => ({ value: String(d), label: t(`audit.period.${d}`) }))} onChange={(v) => v && setDays(Number(v) as (typeof PERIODS)[number])} />
        <Select label={t('audit.family')} data-testid="audit-family" value={family} allowDeselect={false}
          data={[{ value: '', label: t('audit.family.all') }, ...AUDIT_FAMILIES.map((f) => ({ value: f, label: t(`audit.family.${f}` as MessageKey) }))]}
          onChange={(v) => setFamily(v ?? '')} />
        <Button variant="light" onClick={exportCsv} disabled={!log.data?.lines.length} data-testid="audit-export">{t('audit.export')}</Button>
      </Group>
      {log.isPending ? <Loader size="sm" /> : log.isError ? <Alert color="red">{t('common.error')}</Alert> : log.data.lines.length === 0 ? (
        <Text c="dimmed" data-testid="audit-empty">{t('audit.empty')}</Text>
      ) : (
        <>
          {log.data.more && <Alert color="yellow">{t('audit.more', { count: String(log.data.lines.length) })}</Alert>}
          <Table striped data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.when')}</Table.Th>
                <Table.Th>{t('audit.who')}</Table.Th>
                <Table.Th>{t('audit.what')}</Table.Th>
                <Table.Th>{t('audit.subject')}</Table.Th>
                <Table.Th>{t('audit.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.lines.map((l) => (
                <Table.Tr key={l.id} data-testid="audit-line" data-action={l.action}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(l.at)}</Table.Td>
                  <Table.Td>{l.actor_email}</Table.Td>
                  <Table.Td>
                    {actionLabel(l.action)}
                    {l.outcome === 'failed' && <Badge ml="xs" color="red" variant="light">{t('audit.failed')}</Badge>}
                  </Table.Td>
                  <Table.Td>{l.summary}</Table.Td>
                  <Table.Td><Text size="sm" c="dimmed">{describeDetail(l.detail)}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
