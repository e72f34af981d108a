import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNdjson } from '../ndjson';
import { convertAnonymousBank } from './anonymous-bank';
import { convertUciBank } from './uci-bank';
import { ANONYMOUS_BANK, UCI_BANK } from './paths';

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
});
