// Pure: rows as JSONCompactEachRow lines, the insert format of event rows (no I/O, so parse workers use it).
// Lines travel as UTF-8 bytes, the form the engine takes: a worker's bytes reach chDB without a copy.

/** One row: its values in `columns` order; a missing value is null (the column's default). */
export function compactLine(columns: readonly string[], row: object): string {
  const values = new Array<unknown>(columns.length);
  for (let i = 0; i < columns.length; i++) values[i] = (row as Record<string, unknown>)[columns[i]!] ?? null;
  return JSON.stringify(values);
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
