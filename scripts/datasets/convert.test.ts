// The dataset converters against the raw files of ../shared/datasets: every row accounted for, every record valid.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNdjson } from '@/server/ingest/ndjson';
import { convertAnonymousBank } from './anonymous-bank';
import { convertUciBank } from './uci-bank';
import { connectedTalkSeconds } from './talk-times';
import { DATASET_FILES, datasetFile } from './paths';

const ANONYMOUS_BANK = datasetFile(DATASET_FILES.anonymousBank);
const UCI_BANK = datasetFile(DATASET_FILES.uciBank);

describe('dataset converters', () => {
  it('turns every offered Anonymous Bank call into a valid record', () => {
    const tsv = readFileSync(ANONYMOUS_BANK, 'utf8');
    const { records, counts } = convertAnonymousBank(tsv, 'BANK');
    // Counted here with a regex on the raw text, not through the converter's column logic.
    const rows = tsv.split('\r\n').filter(Boolean).slice(1);
    expect(counts.rows).toBe(rows.length);
    expect(counts.phantom).toBe(rows.filter((r) => /\tPHANTOM\t/.test(r)).length);
    expect(counts.vruOnly).toBe(rows.filter((r) => /\t0:00:00\t\d+:\d\d:\d\d\t\d+\tHANG\t/.test(r)).length);
    expect(counts.connected + counts.abandoned + counts.phantom + counts.vruOnly).toBe(counts.rows);
    const parsed = parseNdjson(records.map((r) => JSON.stringify(r)).join('\n'));
    expect(parsed.rejected).toEqual([]);
    expect(parsed.records).toHaveLength(records.length);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  });

  it('turns the UCI sample into connected outbound calls with its conversions', () => {
    const csv = readFileSync(UCI_BANK, 'utf8');
    const { records, counts } = convertUciBank(csv, 'UCI');
    expect(counts.rows).toBe(4119);
    expect(counts.yes).toBe((csv.match(/;"yes"\s*$/gm) ?? []).length);
    expect(parseNdjson(records.map((r) => JSON.stringify(r)).join('\n')).rejected).toEqual([]);
  });

  it('reads the talk times of real calls: UCI durations, Anonymous Bank served calls, nothing of zero length', () => {
    // Expected values taken from the raw text's columns, not through the converters.
    const csv = readFileSync(UCI_BANK, 'utf8').split(/\r?\n/).filter(Boolean);
    const iDuration = csv[0]!.split(';').indexOf('"duration"');
    const durations = csv.slice(1).map((l) => Number(l.split(';')[iDuration])).filter((d) => d > 0);
    expect(connectedTalkSeconds(convertUciBank(csv.join('\n'), 'UCI').records)).toEqual(durations);

    const tsv = readFileSync(ANONYMOUS_BANK, 'utf8');
    const served = tsv.split('\r\n').filter((r) => /\tAGENT\t/.test(r)).map((r) => Number(r.split('\t')[15])).filter((t) => t > 0);
    expect(connectedTalkSeconds(convertAnonymousBank(tsv, 'BANK').records)).toEqual(served);
    expect(connectedTalkSeconds([{ outcome: 'abandoned', connected_at: '2026-01-01T00:00:00Z', ended_at: '2026-01-01T00:01:00Z' }])).toEqual([]);
  });
});
