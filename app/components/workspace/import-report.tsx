'use client';
// The quality report of a contact import: counts, record age and segments charted.
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '@/app/i18n/client';
import type { MessageKey } from '@/app/i18n/messages';
import type { ImportReport } from '@/server/contacts/report';

const COUNTS = ['rows_read', 'valid', 'normalised', 'foreign', 'invalid_phone', 'missing_phone', 'malformed', 'duplicates_in_file', 'duplicates_in_campaign', 'opt_out', 'invalid_consent', 'with_consent'] as const;
const BAD = new Set(['invalid_phone', 'missing_phone', 'malformed', 'duplicates_in_file', 'duplicates_in_campaign', 'opt_out', 'invalid_consent']);

function Chart({ data, title }: { data: { name: string; count: number }[]; title: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" fw={600} mb="xs">{title}</Text>
      <ResponsiveContainer width="100%" height={160}>
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} width={50} />
          <Tooltip />
          <Bar dataKey="count" fill="#0ca678" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Paper>
  );
}

export function ImportReportView({ report, rejectedFileId }: { report: ImportReport; rejectedFileId: string }) {
  const t = useT();
  return (
    <Stack data-testid="import-report">
      <Title order={5}>{t('contacts.report')}</Title>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {COUNTS.map((key) => (
          <Paper key={key} withBorder p="xs">
            <Text size="xs" c="dimmed">{t(`contacts.report.${key}` as MessageKey)}</Text>
            <Text fw={700} size="lg" c={BAD.has(key) && (report[key] ?? 0) > 0 ? 'red.9' : undefined} data-testid={`report-${key}`}>
              {/* Reports written before the consent columns have no consent counts. */}
              {(report[key] ?? 0).toLocaleString()}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {report.freshness.with_date > 0 && <Chart title={t('contacts.freshness')} data={report.freshness.buckets.map((b) => ({ name: b.label, count: b.count }))} />}
        {Object.keys(report.segments).length > 0 && <Chart title={t('contacts.segments')} data={Object.entries(report.segments).map(([name, count]) => ({ name, count }))} />}
      </SimpleGrid>
      {rejectedFileId && (
        <Group><Anchor href={`/api/files/${rejectedFileId}`} data-testid="rejected-download">{t('contacts.rejected')}</Anchor></Group>
      )}
    </Stack>
  );
}
