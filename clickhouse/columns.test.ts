// Column batches: what is built is what is read back, across growth, joins and row drops.
import { describe, expect, it } from 'vitest';
import { buildBatch, ColumnBuilder } from './column-builder';
import { batchBuffers, batchLines, columnSpec, concatBatches, pickRows, rowValues, withoutRows, type ColumnBatch } from './columns';

const specs = [
  columnSpec('id', 'String'),
  columnSpec('direction', "Enum8('inbound' = 1, 'outbound' = 2)"),
  columnSpec('version', 'UInt64'),
  columnSpec('at', "DateTime64(3, 'UTC')"),
  columnSpec('answered_at', "Nullable(DateTime64(3, 'UTC'))"),
  columnSpec('score', 'Nullable(UInt8)'),
  columnSpec('talk', 'Float64'),
];

const row = (i: number) => ({
  id: i % 5 === 0 ? `é-${i}\t"q"\n` : `k${i}`,
  direction: i % 2 ? 'inbound' : 'outbound',
  version: 1_796_214_987_819_000 + i,
  at: Date.UTC(2026, 10, 2) + i,
  ...(i % 3 ? { answered_at: Date.UTC(2026, 10, 2) + 8_000 + i } : {}),
  score: i % 4 === 0 ? null : i % 11,
  talk: i / 7,
});
const expected = (i: number) => { const r = row(i); return [r.id, r.direction, r.version, r.at, r.answered_at ?? null, r.score, r.talk]; };
const all = (b: ColumnBatch) => Array.from({ length: b.rows }, (_, i) => rowValues(b, i));

describe('columnSpec', () => {
  it('carries text, numbers and nullable numbers, and says which are instants', () => {
    expect(specs.map((s) => [s.kind, s.time])).toEqual([
      ['string', false], ['string', false], ['number', false], ['number', true], ['nullable', true], ['nullable', false], ['number', false],
    ]);
  });

  it('refuses the types event rows cannot carry', () => {
    expect(() => columnSpec('tags', 'Array(String)')).toThrow(/tags: Array\(String\) is not supported/);
    expect(() => columnSpec('note', 'Nullable(String)')).toThrow(/not supported/);
  });
});

describe('ColumnBuilder', () => {
  it('reads back every value it was given, past several growths, with missing ones as defaults', () => {
    const batch = buildBatch(specs, Array.from({ length: 1_003 }, (_, i) => row(i)));
    expect(batch.rows).toBe(1_003);
    expect(all(batch)).toEqual(Array.from({ length: 1_003 }, (_, i) => expected(i)));
    const b = new ColumnBuilder(specs);
    b.add({});
    expect(rowValues(b.done(), 0)).toEqual(['', '', 0, 0, null, null, 0]);
  });

  it('writes strings as UTF-8, whatever their characters', () => {
    const text = ['', 'abc', 'été', '日本語', '😀 x', 'a\u0000b'];
    const batch = buildBatch([columnSpec('s', 'String')], text.map((s) => ({ s })));
    expect(all(batch).map(([s]) => s)).toEqual(text);
    const bytes = batch.columns[0] as { bytes: Uint8Array };
    expect(Buffer.from(bytes.bytes).toString()).toBe(text.join(''));
  });
});

describe('batch operations', () => {
  const part = (from: number, n: number) => buildBatch(specs, Array.from({ length: n }, (_, i) => row(from + i)));

  it('joins batches as if built as one, validity bits included at odd boundaries', () => {
    const joined = concatBatches([part(0, 13), part(13, 0), part(13, 70), part(83, 5)]);
    expect(all(joined)).toEqual(all(part(0, 88)));
    expect(concatBatches([part(0, 0), part(0, 9)]).rows).toBe(9);
  });

  it('drops and picks rows by index', () => {
    const batch = part(0, 40);
    const kept = withoutRows(batch, new Set([0, 7, 39]));
    expect(all(kept)).toEqual(all(batch).filter((_, i) => ![0, 7, 39].includes(i)));
    expect(withoutRows(batch, new Set())).toBe(batch);
    expect(all(pickRows(batch, [5, 2, 5]))).toEqual([expected(5), expected(2), expected(5)]);
  });

  it('writes JSONCompactEachRow lines for a server', () => {
    const lines = Buffer.from(batchLines(part(0, 6))).toString().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(Array.from({ length: 6 }, (_, i) => expected(i)));
  });

  it('lists each buffer once, so the batch can be transferred', () => {
    const buffers = batchBuffers(part(0, 10));
    expect(new Set(buffers).size).toBe(buffers.length);
    // Two a string column (offsets, bytes), two a nullable one (values, validity), one a number column.
    expect(buffers.length).toBe(2 * 2 + 2 * 2 + 3);
  });
});
