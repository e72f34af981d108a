// Pure: splits an NDJSON body into validated records and per-line errors; a bad line never sinks the others.
import { fastCallRecord } from './fast-call';
import { describeIssues, ingestRecord, recordIssue, type IngestRecord, type RecordIssue } from './schema';

export interface Rejection {
  line: number;
  error: string;
}

export interface ParsedLine {
  line: number;
  record: IngestRecord;
}

/** A record, or why not: `error` in English for API callers, `issue` as data for the portal to word (zod's issues only). */
export function validateRecord(value: unknown): { record: IngestRecord } | { error: string; issue?: RecordIssue } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'each line must be a JSON object' };
  const kind = (value as { kind?: unknown }).kind;
  if (kind !== 'call' && kind !== 'survey' && kind !== 'agent_state') return { error: 'kind: must be one of call, survey, agent_state' };
  const call = kind === 'call' ? fastCallRecord(value as Record<string, unknown>) : undefined;
  if (call) return { record: call };
  const result = ingestRecord.safeParse(value);
  return result.success ? { record: result.data } : { error: describeIssues(result.error, value), issue: recordIssue(result.error, value) };
}

/** Line numbers are 1-based physical lines (of the whole body when `body` is a part of it starting at `firstLine`); blank lines are skipped, not rejected. */
export function parseNdjson(body: string, firstLine = 1): { records: ParsedLine[]; rejected: Rejection[] } {
  const records: ParsedLine[] = [];
  const rejected: Rejection[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (!text) continue;
    const line = firstLine + i;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      rejected.push({ line, error: 'not valid JSON' });
      continue;
    }
    const outcome = validateRecord(value);
    if ('error' in outcome) rejected.push({ line, error: outcome.error });
    else records.push({ line, record: outcome.record });
  }
  return { records, rejected };
}
