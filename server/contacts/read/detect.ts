// What kind of file it is, pure over its first bytes: XLSX (a ZIP), or text in UTF-8 or Windows-1252
// (the superset of Latin-1 that French Excel writes), and the CSV delimiter.
import chardet from 'chardet';

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

export function detectEncoding(head: Uint8Array): Encoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  // A sample that decodes as UTF-8 is UTF-8 (ASCII included); trim a character cut at the sample's end.
  for (let cut = 0; cut < 4 && cut < head.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return 'utf-8';
    } catch {
      /* try a shorter sample */
    }
  }
  const guess = chardet.detect(head);
  return guess === 'UTF-16LE' ? 'utf-16le' : guess === 'UTF-16BE' ? 'utf-16be' : 'windows-1252';
}

const CANDIDATES = [';', ',', '\t', '|'] as const;
export type Delimiter = (typeof CANDIDATES)[number];

function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/** The candidate found the same number of times on most lines, preferring more columns; `;` on ties. */
export function detectDelimiter(text: string): Delimiter {
  const lines = text.split(/\r?\n/).filter((l) => l.trim()).slice(0, 50);
  if (lines.length > 1) lines.pop(); // the last line of a sample may be cut
  let best: { d: Delimiter; score: number } = { d: ';', score: 0 };
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = consistent * 1000 + first;
    if (score > best.score) best = { d, score };
  }
  return best.d;
}
