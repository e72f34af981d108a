// Pure: a ColumnBatch (columns.ts) described to chDB as Arrow C data (what `arrowstream('name')` reads), and
// the SELECT that turns its columns into the table's types.
import { isStringColumn, type ColumnBatch, type ColumnSpec } from './columns';

export interface ArrowColumn {
  name: string;
  /** Arrow C format: 'u' UTF-8 with int32 offsets, 'g' float64. */
  format: 'u' | 'g';
  length: number;
  nullCount: number;
  buffers: (Buffer | null)[];
}

const view = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function unsetBits(bits: Uint8Array, rows: number): number {
  let set = 0;
  for (let i = 0; i < rows; i++) set += (bits[i >>> 3]! >>> (i & 7)) & 1;
  return rows - set;
}

export function arrowColumns(batch: ColumnBatch, specs: readonly ColumnSpec[]): ArrowColumn[] {
  return batch.columns.map((c, j) => {
    const { name } = specs[j]!;
    if (isStringColumn(c)) return { name, format: 'u', length: batch.rows, nullCount: 0, buffers: [null, view(c.offsets), view(c.bytes)] };
    return { name, format: 'g', length: batch.rows, nullCount: c.valid ? unsetBits(c.valid, batch.rows) : 0, buffers: [c.valid ? view(c.valid) : null, view(c.values)] };
  });
}

// Column names come from the table's own schema (system.columns), never from a request.
const quoted = (name: string) => `\`${name.replace(/[`\\]/g, '\\$&')}\``;

/** `SELECT` list reading an arrowstream of `specs` as the table's columns: instants from epoch ms, numbers cast. */
export function arrowSelect(specs: readonly ColumnSpec[]): string {
  return specs.map((s) => {
    const col = quoted(s.name);
    if (s.time) return `CAST(fromUnixTimestamp64Milli(toInt64(${col}), 'UTC') AS ${s.type}) AS ${col}`;
    if (s.type === 'String' || s.type === 'Float64' || s.type === 'Nullable(Float64)') return col;
    return `CAST(${col} AS ${s.type}) AS ${col}`;
  }).join(', ');
}
