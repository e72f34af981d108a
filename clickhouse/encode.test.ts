// Insert lines: values in the table's column order, a missing value null, any column name only ever a key.
import { describe, expect, it } from 'vitest';
import { joinLines, lineEncoder, linesOf, utf8Lines } from './encode';

describe('lineEncoder', () => {
  it('writes the row’s values in column order, null for what the row lacks', () => {
    const encode = lineEncoder(['id', 'n', 'at', 'missing', 'flag']);
    expect(encode({ flag: 0, at: 1764662400000, id: 'c-1 "é"\n', n: null, extra: 'ignored' })).toBe('["c-1 \\"é\\"\\n",null,1764662400000,null,0]');
  });

  it('treats column names as data, never as code', () => {
    const names = ['a"]); throw new Error("x"); (["', "b'\\", 'c\u2028d', 'absent'];
    const encode = lineEncoder(names);
    expect(JSON.parse(encode({ [names[0]!]: 1, [names[1]!]: 2, [names[2]!]: 3 }))).toEqual([1, 2, 3, null]);
  });

  it('compiles once per column list, whatever array holds it', () => {
    expect(lineEncoder(['x', 'y'])).toBe(lineEncoder(['x', 'y']));
    expect(lineEncoder(['x', 'y'])).not.toBe(lineEncoder(['y', 'x']));
  });
});

describe('lines as bytes', () => {
  it('joins blocks by newlines and reads them back', () => {
    const joined = joinLines([utf8Lines(['[1]', '[2]']), new Uint8Array(0), utf8Lines(['["é"]'])]);
    expect(linesOf(joined)).toEqual(['[1]', '[2]', '["é"]']);
    expect(linesOf(new Uint8Array(0))).toEqual([]);
  });

  it('encodes lines as UTF-8 exactly as one join would, across chunks and whatever the characters', () => {
    const pieces = ['["a"]', '', '["é"]', '["€ 😀"]', '["\ud800"]', '[1,null]', 'x'.repeat(300)];
    const utf8 = new TextEncoder();
    for (const n of [0, 1, 2, 127, 128, 129, 256, 1_000]) {
      for (const offset of [0, 2, 3]) {
        // ASCII only, or some other character every few lines (the buffer then grows mid-way).
        const ascii = Array.from({ length: n }, (_, i) => `[${i},"k${i}"]`);
        const mixed = Array.from({ length: n }, (_, i) => pieces[(i + offset) % pieces.length]!);
        for (const lines of [ascii, mixed]) {
          expect(Buffer.from(utf8Lines(lines))).toEqual(Buffer.from(utf8.encode(lines.join('\n'))));
        }
      }
    }
  });
});
