// Pure: row objects appended into a ColumnBatch (columns.ts), the encoding of event rows for the engine.
import type { Column, ColumnBatch, ColumnSpec } from './columns';

type Push = (b: ColumnBuilder, row: object, n: number) => void;

// One compiled push per column list, kept for the process: `row["name"]` with a literal name is a plain
// property read, where reading `row[spec.name]` in a loop goes megamorphic (as it did for the JSON lines).
const pushes = new Map<string, Push>();

function compiledPush(specs: readonly ColumnSpec[]): Push {
  const key = JSON.stringify(specs.map((s) => [s.name, s.kind]));
  let push = pushes.get(key);
  if (!push) {
    // Names enter the code as JSON string literals, so a column name can only ever be a key.
    const body = specs.map((s, j) => {
      const read = `row[${JSON.stringify(s.name)}]`;
      if (s.kind === 'string') return `b.text(${j}, ${read}, n);`;
      if (s.kind === 'number') return `b.values[${j}][n] = ${read} ?? 0;`;
      return `v = ${read}; if (v != null) { b.values[${j}][n] = v; b.valid[${j}][n >>> 3] |= 1 << (n & 7); }`;
    });
    push = new Function('b', 'row', 'n', `let v;\n${body.join('\n')}`) as Push;
    pushes.set(key, push);
  }
  return push;
}

const encoder = new TextEncoder();

/** Appends rows (objects keyed by column name; a missing value is '' , 0 or null by kind) to typed columns. */
export class ColumnBuilder {
  private n = 0;
  private capacity = 64;
  readonly values: Float64Array[] = [];
  readonly valid: Uint8Array[] = [];
  private readonly offsets: Int32Array[] = [];
  private readonly bytes: Uint8Array[] = [];
  private readonly ends: number[] = [];
  private readonly push: Push;

  constructor(private readonly specs: readonly ColumnSpec[]) {
    this.push = compiledPush(specs);
    specs.forEach((s, j) => {
      if (s.kind === 'string') {
        this.offsets[j] = new Int32Array(this.capacity + 1);
        this.bytes[j] = new Uint8Array(16 * this.capacity);
        this.ends[j] = 0;
      } else {
        this.values[j] = new Float64Array(this.capacity);
        if (s.kind === 'nullable') this.valid[j] = new Uint8Array(this.capacity >>> 3);
      }
    });
  }

  get rows(): number {
    return this.n;
  }

  add(row: object): void {
    if (this.n === this.capacity) this.grow();
    this.push(this, row, this.n);
    this.n++;
  }

  /** Writes a string cell (UTF-8; ASCII byte by byte, which beats encodeInto on short strings). */
  text(j: number, value: unknown, n: number): void {
    const s = typeof value === 'string' ? value : value == null ? '' : String(value);
    let bytes = this.bytes[j]!;
    let at = this.ends[j]!;
    if (at + 3 * s.length > bytes.length) bytes = this.growBytes(j, at + 3 * s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        at += encoder.encodeInto(s.slice(i), bytes.subarray(at)).written;
        break;
      }
      bytes[at++] = c;
    }
    this.ends[j] = at;
    this.offsets[j]![n + 1] = at;
  }

  private growBytes(j: number, need: number): Uint8Array {
    const bigger = new Uint8Array(Math.max(2 * this.bytes[j]!.length, need));
    bigger.set(this.bytes[j]!.subarray(0, this.ends[j]));
    return (this.bytes[j] = bigger);
  }

  private grow(): void {
    this.capacity *= 2;
    this.specs.forEach((s, j) => {
      if (s.kind === 'string') {
        const offsets = new Int32Array(this.capacity + 1);
        offsets.set(this.offsets[j]!);
        this.offsets[j] = offsets;
        return;
      }
      const values = new Float64Array(this.capacity);
      values.set(this.values[j]!);
      this.values[j] = values;
      if (s.kind === 'nullable') {
        const valid = new Uint8Array(this.capacity >>> 3);
        valid.set(this.valid[j]!);
        this.valid[j] = valid;
      }
    });
  }

  /** The rows added so far, as a batch (views on the builder's buffers: add nothing after). */
  done(): ColumnBatch {
    const n = this.n;
    const columns = this.specs.map((s, j): Column => s.kind === 'string'
      ? { offsets: this.offsets[j]!.subarray(0, n + 1), bytes: this.bytes[j]!.subarray(0, this.ends[j]) }
      : { values: this.values[j]!.subarray(0, n), valid: s.kind === 'nullable' ? this.valid[j]!.subarray(0, (n + 7) >>> 3) : null });
    return { rows: n, columns };
  }
}

/** Rows as objects, in one batch. */
export function buildBatch(specs: readonly ColumnSpec[], rows: readonly object[]): ColumnBatch {
  const b = new ColumnBuilder(specs);
  for (const row of rows) b.add(row);
  return b.done();
}
