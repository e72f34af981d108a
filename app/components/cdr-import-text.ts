// Pure: the CDR import's words for a person. The server's validation gives each problem as data (field, value,
// allowed values, rule: server/ingest/schema.ts `recordIssue`); here it becomes a sentence in the reader's
// language, with fields and values named as the portal names them elsewhere, never as code names.
import type { Locale, MessageKey } from '@/app/i18n/messages';
import { pluralForm } from '@/app/i18n/plural';
import { csvLine } from '@/server/csv/write';
import { CDR_FIELDS, type CdrField } from '@/server/ingest/csv-cdr';
import type { RecordIssue } from '@/server/ingest/schema';

type T = (key: MessageKey, vars?: Record<string, string>) => string;

const isCdrField = (field: string): field is CdrField => (CDR_FIELDS as readonly string[]).includes(field);

/** A call field's label ("Fin", not `ended_at`); a path that is not a CSV field (none today) as it came. */
export function fieldLabel(t: T, field: string): string {
  return isCdrField(field) ? t(`import.field.${field}`) : field;
}

/** A coded value in words where the portal has words for it (outcomes, directions). */
function valueLabel(t: T, field: string, value: string): string {
  if (field === 'outcome') return t(`campaign.outcome.${value}` as MessageKey);
  if (field === 'direction') return t(`direction.${value}` as MessageKey).toLowerCase();
  return value;
}

/** One rejected row's problem in words; `fallback` (the API's English) only for a problem that has no issue data. */
export function issueText(t: T, issue: RecordIssue | undefined, fallback: string): string {
  if (!issue) return fallback;
  const field = fieldLabel(t, issue.field);
  const value = issue.value ?? '';
  switch (issue.problem) {
    case 'required': return t('import.issue.required', { field });
    case 'oneOf': return t('import.issue.oneOf', { field, value, allowed: issue.allowed.map((v) => valueLabel(t, issue.field, v)).join(', ') });
    case 'rule': return t(`import.issue.${issue.rule}`, { field });
    case 'invalid': return t('import.issue.invalid', { field, value });
  }
}

/** "1 ligne" / "2 lignes": the language's own plural rule picks the form. */
export function countText(locale: Locale, t: T, noun: 'rowCount' | 'columnCount' | 'preview' | 'start', count: number): string {
  return t(`import.${noun}.${pluralForm(locale, count)}`, { count: new Intl.NumberFormat(locale).format(count) });
}

/**
 * The rejected rows as a CSV to fix and import again: the upload's own delimiter (so it opens as the original did),
 * its header after the line and the error, the error in the reader's words. No BOM: `downloadText` adds it.
 */
export function rejectedRowsCsv(
  t: T, table: { header: string[]; rows: string[][]; delimiter: string },
  rejected: { line: number; error: string; issue?: RecordIssue }[],
): string {
  const byLine = new Map(rejected.map((r) => [r.line, issueText(t, r.issue, r.error)]));
  // The header is line 1: data row i (0-based) is line i + 2.
  const rows = table.rows.map((row, i) => ({ row, line: i + 2 })).filter(({ line }) => byLine.has(line));
  return [[t('import.line'), t('import.error'), ...table.header], ...rows.map(({ row, line }) => [String(line), byLine.get(line)!, ...row])]
    .map((cells) => csvLine(cells, table.delimiter)).join('');
}
