// Pure: rows as JSONCompactEachRow lines, the insert format of event rows (no I/O, so parse workers use it).
// Lines travel as UTF-8 bytes, the form the engine takes: a worker's bytes reach chDB without a copy.

export type LineEncoder = (row: object) => string;

// One compiled encoder per column list, kept for the process (a worker gets its columns copied with each
// job): `row[name]` with a literal name is a plain property read, where reading `row[columns[i]]` in a
// loop goes megamorphic and costs half of a call row's encoding.
const encoders = new Map<string, LineEncoder>();

/** Encodes a row as one line: its values in `columns` order; a missing value is null (the column's default). */
export function lineEncoder(columns: readonly string[]): LineEncoder {
  const key = JSON.stringify(columns);
  let encode = encoders.get(key);
  if (!encode) {
    // Names enter the code as JSON string literals, so a column name can only ever be a key.
    const values = columns.map((c) => `row[${JSON.stringify(c)}] ?? null`).join(', ');
    encode = new Function('row', `return JSON.stringify([${values}]);`) as LineEncoder;
    encoders.set(key, encode);
  }
  return encode;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const NEWLINE = encoder.encode('\n');

/** Lines joined by newlines, as UTF-8 (in its own buffer, so it can be transferred between threads). */
export const utf8Lines = (lines: readonly string[]): Uint8Array => encoder.encode(lines.join('\n'));

export const linesOf = (bytes: Uint8Array): string[] => (bytes.length ? decoder.decode(bytes).split('\n') : []);

/** Blocks of lines joined into one, by newlines; empty blocks are left out. */
export function joinLines(blocks: readonly Uint8Array[]): Uint8Array {
  const kept = blocks.filter((b) => b.length > 0);
  if (kept.length === 1) return kept[0]!;
  const out = new Uint8Array(kept.reduce((n, b) => n + b.length, 0) + Math.max(0, kept.length - 1));
  let at = 0;
  kept.forEach((b, i) => {
    if (i > 0) out.set(NEWLINE, at++);
    out.set(b, at);
    at += b.length;
  });
  return out;
}
