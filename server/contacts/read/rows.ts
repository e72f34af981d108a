// Streams the rows of a contact file (CSV in any detected encoding and delimiter, or the first sheet of
// an XLSX) as arrays of strings, reporting bytes read for the progress bar. Nothing holds the whole file.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { detectDelimiter, detectEncoding, isZip, type Delimiter, type Encoding } from './detect';
import { cellText } from './xlsx-cell';

export interface FileShape {
  format: 'csv' | 'xlsx';
  encoding: Encoding | null;
  delimiter: Delimiter | null;
  size: number;
}
export interface Row { row: number; cells: string[] }

async function head(path: string, bytes: number): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await file.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

export async function detectShape(path: string): Promise<FileShape> {
  const [{ size }, first] = await Promise.all([stat(path), head(path, 64 * 1024)]);
  if (isZip(first)) return { format: 'xlsx', encoding: null, delimiter: null, size };
  const encoding = detectEncoding(first);
  return { format: 'csv', encoding, delimiter: detectDelimiter(iconv.decode(Buffer.from(first), encoding)), size };
}

function counted(source: Readable, onBytes: (n: number) => void): Readable {
  let total = 0;
  return source.pipe(new Transform({
    transform(chunk: Buffer, _enc, done) {
      total += chunk.length;
      onBytes(total);
      done(null, chunk);
    },
  }));
}

/** The end of the last complete record in `text`: the last newline outside quotes (quote parity even). */
function lastRecordEnd(text: string): number {
  let quotes = 0;
  let end = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quotes++;
    else if (c === 10 && quotes % 2 === 0) end = i;
  }
  return end;
}

// Papa.parse on strings is fast; its Node stream mode (one object per row) is ~20 times slower. So the
// decoded text is cut at record boundaries and each piece parsed whole.
async function* csvCells(path: string, shape: FileShape, onBytes: (n: number) => void): AsyncGenerator<string[]> {
  const decoded = counted(createReadStream(path, { highWaterMark: 1 << 20 }), onBytes).pipe(iconv.decodeStream(shape.encoding!, { stripBOM: true }));
  const parse = (text: string) => Papa.parse<string[]>(text, { delimiter: shape.delimiter!, skipEmptyLines: 'greedy' }).data;
  let pending = '';
  for await (const chunk of decoded as AsyncIterable<string>) {
    pending += chunk;
    let end = lastRecordEnd(pending);
    // An unterminated quote would swallow the rest of the file: past 8 MiB, cut at the last newline anyway
    // (those rows come out malformed and are reported) so memory stays bounded.
    if (end < 0 && pending.length > 8 << 20) end = pending.lastIndexOf('\n');
    if (end < 0) continue;
    const complete = pending.slice(0, end + 1);
    pending = pending.slice(end + 1);
    yield* parse(complete);
  }
  if (pending.trim()) yield* parse(pending);
}

async function* xlsxCells(path: string, onBytes: (n: number) => void): AsyncGenerator<string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(counted(createReadStream(path), onBytes), {
    sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      const cells = Array.from(values, (v) => cellText(v));
      if (cells.some((c) => c.trim())) yield cells;
    }
    return; // the first sheet only
  }
}

/** Header then data rows; data rows are numbered from 1 (the header is not counted). */
export async function* readRows(path: string, shape: FileShape, onBytes: (n: number) => void = () => {}): AsyncGenerator<Row & { header?: string[] }> {
  const cells = shape.format === 'xlsx' ? xlsxCells(path, onBytes) : csvCells(path, shape, onBytes);
  let row = 0;
  let width = -1;
  for await (const line of cells) {
    if (width < 0) {
      width = line.length;
      yield { row: 0, cells: line.map((h) => h.trim()), header: line.map((h) => h.trim()) };
      continue;
    }
    // XLSX rows stop at their last filled cell: pad them to the header so they are not "malformed".
    if (shape.format === 'xlsx' && line.length < width) line.push(...Array<string>(width - line.length).fill(''));
    yield { row: ++row, cells: line };
  }
}

export async function previewFile(path: string, rows = 10): Promise<FileShape & { headers: string[]; preview: string[][] }> {
  const shape = await detectShape(path);
  const preview: string[][] = [];
  let headers: string[] = [];
  for await (const r of readRows(path, shape)) {
    if (r.header) headers = r.header;
    else preview.push(r.cells);
    if (preview.length >= rows) break;
  }
  if (headers.length === 0) throw new Error('The file is empty');
  return { ...shape, headers, preview };
}
