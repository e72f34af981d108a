// Pure: event rows held column by column (typed arrays), the form the embedded engine reads without
// parsing (Arrow's C data layout: UTF-8 bytes with offsets, float64 values with a validity bitmap).
// No I/O, so parse workers build batches and hand their buffers to the event loop without a copy.

/** How a column travels: text, a number (instants as epoch milliseconds), or a number that may be null. */
export type ColumnKind = 'string' | 'number' | 'nullable';

export interface ColumnSpec {
  name: string;
  /** The ClickHouse type, e.g. `Nullable(DateTime64(3, 'UTC'))`. */
  type: string;
  kind: ColumnKind;
  /** A DateTime64 (possibly Nullable): epoch milliseconds in the batch. */
  time: boolean;
}

export interface StringColumn {
  /** rows + 1 byte offsets into `bytes`; row i is bytes[offsets[i] … offsets[i + 1]). */
  offsets: Int32Array;
  bytes: Uint8Array;
}

export interface NumberColumn {
  values: Float64Array;
  /** Bit i set when row i has a value; null for a column that is never null. */
  valid: Uint8Array | null;
}

export type Column = StringColumn | NumberColumn;

export interface ColumnBatch {
  rows: number;
  /** In the specs' order. */
  columns: Column[];
}

const NUMERIC = /^(U?Int(8|16|32|64)|Float(32|64)|DateTime64\(.*\)|DateTime(\(.*\))?|Date)$/;

/** The spec of a table column, from its name and ClickHouse type; a type events cannot carry is refused. */
export function columnSpec(name: string, type: string): ColumnSpec {
  const inner = /^Nullable\((.*)\)$/.exec(type)?.[1];
  const base = inner ?? type;
  const time = base.startsWith('DateTime64');
  if (base === 'String' || base.startsWith('Enum8(') || base.startsWith('Enum16(') || base === 'LowCardinality(String)') {
    if (inner) throw new Error(`Column ${name}: ${type} is not supported in event rows`);
    return { name, type, kind: 'string', time };
  }
  if (!NUMERIC.test(base)) throw new Error(`Column ${name}: ${type} is not supported in event rows`);
  return { name, type, kind: inner ? 'nullable' : 'number', time };
}

export const isStringColumn = (c: Column): c is StringColumn => 'offsets' in c;

const bitmapBytes = (rows: number) => (rows + 7) >>> 3;
const hasBit = (bits: Uint8Array, i: number) => (bits[i >>> 3]! & (1 << (i & 7))) !== 0;
const setBit = (bits: Uint8Array, i: number) => void (bits[i >>> 3]! |= 1 << (i & 7));

/** The rows of `batch` at `indexes`, in that order. */
export function pickRows(batch: ColumnBatch, indexes: readonly number[]): ColumnBatch {
  const rows = indexes.length;
  const columns = batch.columns.map((c): Column => {
    if (isStringColumn(c)) {
      const offsets = new Int32Array(rows + 1);
      let size = 0;
      indexes.forEach((i, k) => (offsets[k + 1] = size += c.offsets[i + 1]! - c.offsets[i]!));
      const bytes = new Uint8Array(size);
      indexes.forEach((i, k) => bytes.set(c.bytes.subarray(c.offsets[i]!, c.offsets[i + 1]!), offsets[k]!));
      return { offsets, bytes };
    }
    const values = new Float64Array(rows);
    const valid = c.valid ? new Uint8Array(bitmapBytes(rows)) : null;
    indexes.forEach((i, k) => {
      values[k] = c.values[i]!;
      if (valid && hasBit(c.valid!, i)) setBit(valid, k);
    });
    return { values, valid };
  });
  return { rows, columns };
}

/** The batch without the rows whose index is in `dropped`. */
export function withoutRows(batch: ColumnBatch, dropped: ReadonlySet<number>): ColumnBatch {
  if (dropped.size === 0) return batch;
  const kept: number[] = [];
  for (let i = 0; i < batch.rows; i++) if (!dropped.has(i)) kept.push(i);
  return pickRows(batch, kept);
}

/** Batches of the same specs, one after the other; empty ones are left out. */
export function concatBatches(batches: readonly ColumnBatch[]): ColumnBatch {
  const parts = batches.filter((b) => b.rows > 0);
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 0) return batches[0] ?? { rows: 0, columns: [] };
  const rows = parts.reduce((n, b) => n + b.rows, 0);
  const columns = parts[0]!.columns.map((first, j): Column => {
    if (isStringColumn(first)) {
      const cols = parts.map((b) => b.columns[j] as StringColumn);
      const offsets = new Int32Array(rows + 1);
      const bytes = new Uint8Array(cols.reduce((n, c) => n + c.offsets[c.offsets.length - 1]!, 0));
      let row = 0;
      let at = 0;
      for (const c of cols) {
        const n = c.offsets.length - 1;
        const start = c.offsets[0]!;
        for (let i = 1; i <= n; i++) offsets[row + i] = at + c.offsets[i]! - start;
        bytes.set(c.bytes.subarray(start, c.offsets[n]!), at);
        at += c.offsets[n]! - start;
        row += n;
      }
      return { offsets, bytes };
    }
    const cols = parts.map((b) => b.columns[j] as NumberColumn);
    const values = new Float64Array(rows);
    const valid = first.valid ? new Uint8Array(bitmapBytes(rows)) : null;
    let row = 0;
    for (const c of cols) {
      const n = c.values.length;
      values.set(c.values, row);
      if (valid) for (let i = 0; i < n; i++) if (hasBit(c.valid!, i)) setBit(valid, row + i);
      row += n;
    }
    return { values, valid };
  });
  return { rows, columns };
}

const decoder = new TextDecoder();

/** Row `i` as values in column order: strings, numbers, null where a nullable column has none. */
export function rowValues(batch: ColumnBatch, i: number): (string | number | null)[] {
  return batch.columns.map((c) => {
    if (isStringColumn(c)) return decoder.decode(c.bytes.subarray(c.offsets[i]!, c.offsets[i + 1]!));
    return c.valid && !hasBit(c.valid, i) ? null : c.values[i]!;
  });
}

/** Every ArrayBuffer the batch holds, to transfer it to another thread. */
export function batchBuffers(batch: ColumnBatch): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const c of batch.columns) {
    for (const a of isStringColumn(c) ? [c.offsets, c.bytes] : [c.values, c.valid]) if (a) buffers.add(a.buffer as ArrayBuffer);
  }
  return [...buffers];
}

/** The batch as JSONCompactEachRow lines in UTF-8 (for a ClickHouse server, which takes text over HTTP). */
export function batchLines(batch: ColumnBatch): Uint8Array {
  const lines: string[] = [];
  for (let i = 0; i < batch.rows; i++) lines.push(JSON.stringify(rowValues(batch, i)));
  return new TextEncoder().encode(lines.join('\n'));
}
