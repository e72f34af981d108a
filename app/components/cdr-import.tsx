'use client';
// CSV import of CDRs: parse in the browser, map columns, preview with the server's own validation rules,
// send in chunks with a progress bar, end with a report and the rejected rows to download.
import { useMemo, useState } from 'react';
import Papa from 'papaparse';
import { Alert, Badge, Button, FileInput, Group, Progress, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@/app/trpc/client';
import { useErrorText, useLocale, useT } from '@/app/i18n/client';
import { countText, fieldLabel, issueText, rejectedRowsCsv } from './cdr-import-text';
import type { RecordIssue } from '@/server/ingest/schema';
import { CDR_FIELDS, REQUIRED_CDR_FIELDS, cdrRecord, checkMapping, guessCdrMapping, type CdrField } from '@/server/ingest/csv-cdr';
import { downloadText } from './download';

const CHUNK = 2_000;
const PREVIEW = 5;
type Mapping = Partial<Record<CdrField, string>>;
interface Report { accepted: number; rejected: { line: number; error: string; issue?: RecordIssue }[] }

function cellsOf(header: string[], row: string[], mapping: Mapping): Mapping {
  const cells: Mapping = {};
  for (const [field, col] of Object.entries(mapping) as [CdrField, string][]) if (col) cells[field] = row[header.indexOf(col)] ?? '';
  return cells;
}

export function CdrImport({ campaignId, campaignCode, timeZone }: { campaignId: string; campaignCode: string; timeZone: string }) {
  const t = useT();
  const [locale] = useLocale();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const [file, setFile] = useState<File | null>(null);
  const [table, setTable] = useState<{ header: string[]; rows: string[][]; delimiter: string } | null>(null);
  const [parseError, setParseError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [zone, setZone] = useState(timeZone);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const chunk = useMutation(trpc.cdrImport.chunk.mutationOptions());

  function load(f: File | null) {
    setFile(f); setTable(null); setReport(null); setProgress(null); setParseError(null);
    if (!f) return;
    Papa.parse<string[]>(f, {
      skipEmptyLines: 'greedy',
      complete: (result) => {
        const [header, ...rows] = result.data;
        if (!header || rows.length === 0) { setParseError(t('import.noRows')); return; }
        setTable({ header: header.map((h) => h.trim()), rows, delimiter: result.meta.delimiter || ';' });
        setMapping(guessCdrMapping(header.map((h) => h.trim())));
      },
      error: (err) => setParseError(err.message),
    });
  }

  const mappingError = table ? checkMapping(table.header, mapping) : null;
  const preview = useMemo(
    () => (table && !mappingError ? table.rows.slice(0, PREVIEW).map((row) => cdrRecord(cellsOf(table.header, row, mapping), campaignCode, zone)) : []),
    [table, mapping, mappingError, campaignCode, zone],
  );
  const nothingValid = !!table && preview.length === table.rows.length && preview.length > 0 && preview.every((p) => 'error' in p);
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);

  async function run() {
    if (!table) return;
    const total = table.rows.length;
    const result: Report = { accepted: 0, rejected: [] };
    setReport(null);
    setProgress({ done: 0, total });
    for (let start = 0; start < total; start += CHUNK) {
      const rows = table.rows.slice(start, start + CHUNK).map((row) => cellsOf(table.header, row, mapping));
      // The header is line 1: data row i (0-based) is line i + 2.
      const answer = await chunk.mutateAsync({ campaignId, timeZone: zone, firstLine: start + 2, rows });
      result.accepted += answer.accepted;
      result.rejected.push(...answer.rejected);
      setProgress({ done: Math.min(total, start + CHUNK), total });
    }
    setReport(result);
  }

  function downloadRejected() {
    if (!table || !report) return;
    downloadText(`${file?.name.replace(/\.csv$/i, '') ?? 'import'}-rejected.csv`, rejectedRowsCsv(t, table, report.rejected));
  }

  const busy = progress !== null && progress.done < progress.total;
  return (
    <Stack>
      <Group align="flex-end">
        <FileInput label={t('import.file')} accept=".csv,text/csv" value={file} onChange={load} w={320} clearable data-testid="cdr-file" />
        <Select label={t('import.timezone')} value={zone} onChange={(v) => v && setZone(v)} w={300} searchable
          data={[...new Set([timeZone, 'Europe/Paris', 'UTC', 'America/Martinique', 'Indian/Reunion', 'Africa/Casablanca', 'Africa/Tunis'])]} />
      </Group>
      {parseError && <Alert color="red">{parseError}</Alert>}
      {table && (
        <>
          <Text size="sm" c="dimmed">{t('import.rows', { rows: countText(locale, t, 'rowCount', table.rows.length), columns: countText(locale, t, 'columnCount', table.header.length) })}</Text>
          <Title order={4}>{t('import.mapping')}</Title>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {CDR_FIELDS.map((field) => (
              <Select key={field} label={fieldLabel(t, field)} description={REQUIRED_CDR_FIELDS.includes(field) ? t('import.required') : undefined}
                data-testid={`map-${field}`} value={mapping[field] ?? null} clearable placeholder={t('import.none')}
                data={table.header} onChange={(col) => setMapping((m) => ({ ...m, [field]: col ?? undefined }))} />
            ))}
          </SimpleGrid>
          {mappingError ? (
            <Alert color="yellow" data-testid="mapping-error">
              {mappingError.kind === 'unmapped' ? t('import.unmapped', { fields: mappingError.fields.map((f) => fieldLabel(t, f)).join(', ') }) : t('import.noSuchColumn', { columns: mappingError.columns.join(', ') })}
            </Alert>
          ) : (
            <>
              <Title order={4}>{countText(locale, t, 'preview', preview.length)}</Title>
              <Table data-testid="import-preview">
                <Table.Tbody>
                  {preview.map((p, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{i + 2}</Table.Td>
                      <Table.Td>{'error' in p ? <Text size="sm" c="red">{issueText(t, p.issue, p.error)}</Text> : <Badge color="green">{t('import.valid')}</Badge>}</Table.Td>
                      <Table.Td><Text size="xs" ff="monospace">{'record' in p ? JSON.stringify(p.record, (k, v) => (k.endsWith('_at') && typeof v === 'number' ? new Date(v).toISOString() : v)).slice(0, 200) : ''}</Text></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {/* The preview is the whole file and not one row of it is valid: nothing to import, and said why. */}
              {nothingValid && <Alert color="yellow" data-testid="import-nothing-valid">{t('import.nothingValid')}</Alert>}
              <Button onClick={run} loading={busy} disabled={busy || nothingValid} w="fit-content" data-testid="import-start">
                {countText(locale, t, 'start', table.rows.length)}
              </Button>
            </>
          )}
        </>
      )}
      {progress && (
        <Stack gap={4}>
          <Progress value={(100 * progress.done) / progress.total} animated={busy} data-testid="import-progress" />
          <Text size="xs" c="dimmed">{t('import.progress', { done: String(progress.done), total: String(progress.total) })}</Text>
        </Stack>
      )}
      {chunk.isError && <Alert color="red">{errorText(chunk.error)}</Alert>}
      {report && (
        <Stack data-testid="import-report">
          <Title order={4}>{t('import.report')}</Title>
          <Group>
            <Badge size="lg" color="green" data-testid="import-accepted">{t('import.accepted', { count: number(report.accepted) })}</Badge>
            <Badge size="lg" color={report.rejected.length ? 'red' : 'gray'} data-testid="import-rejected">{t('import.rejected', { count: number(report.rejected.length) })}</Badge>
            {report.rejected.length > 0 && <Button size="xs" variant="light" onClick={downloadRejected}>{t('import.downloadRejected')}</Button>}
          </Group>
          {report.rejected.length > 0 && (
            <Table striped>
              <Table.Thead><Table.Tr><Table.Th>{t('import.line')}</Table.Th><Table.Th>{t('import.error')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {report.rejected.slice(0, 50).map((r) => <Table.Tr key={r.line}><Table.Td>{r.line}</Table.Td><Table.Td>{issueText(t, r.issue, r.error)}</Table.Td></Table.Tr>)}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Stack>
  );
}
