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

// Lines are joined and encoded this many at a time: one join of a request's thousands of lines builds a string
// in V8's large-object space, on fresh pages each time (3× the cost of joining and encoding in chunks).
const CHUNK_LINES = 128;

/** Lines joined by newlines, as UTF-8 (in its own buffer, so it can be transferred between threads). */
export function utf8Lines(lines: readonly string[]): Uint8Array {
  // Sized for ASCII (one byte a UTF-16 unit), grown when a line is not.
  let size = Math.max(0, lines.length - 1);
  for (const line of lines) size += line.length;
  let out = new Uint8Array(size);
  let at = 0;
  for (let i = 0; i < lines.length; i += CHUNK_LINES) {
    let text = lines.slice(i, i + CHUNK_LINES).join('\n');
    if (i + CHUNK_LINES < lines.length) text += '\n';
    for (;;) {
      const { read, written } = encoder.encodeInto(text, out.subarray(at));
      at += written;
      if (read === text.length) break;
      text = text.slice(read);
      const bigger = new Uint8Array(Math.max(2 * out.length, at + 3 * text.length));
      bigger.set(out.subarray(0, at));
      out = bigger;
    }
  }
  return at === out.length ? out : out.subarray(0, at);
}

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
