// Contact files with known content for tests and the import benchmark: every row's category is chosen
// here, so the expected report is counted independently of the import code.
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export const HEADER = ['Prénom', 'Nom', 'Téléphone', 'Email', 'Date collecte', 'Segment', 'Offre'];
const FIRST = ['Hélène', 'François', 'Zoë', 'Jérôme', 'Noël', 'Loïc', 'Chloé', 'Amélie'];
const LAST = ['Lefèvre', 'Dubois', 'Gaëtan', 'Müller', 'Bénard', 'Côté', "O'Neil", 'Martin, fils'];
const SEGMENTS = ['Particulier', 'Professionnel', 'Senior'];
const AGES = [10, 60, 200, 500];
const GARBAGE = ['abc', '12', '06 12 34', 'n/a'];

export interface Expected {
  rows_read: number; valid: number; normalised: number; foreign: number; invalid_phone: number; missing_phone: number;
  duplicates_in_file: number; opt_out: number; duplicates_in_campaign: number; malformed: number;
  segments: Record<string, number>; buckets: number[]; with_date: number;
}
export interface GeneratedContacts {
  rows: string[][];
  /** Rows whose phone an XLSX writer stores as a number (the leading 0 lost, as Excel does). */
  numericPhone: Set<number>;
  optOut: Set<string>;
  existing: Set<string>;
  validE164: string[];
  expected: Expected;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
function frenchFormats(k: number): { text: string; e164: string; numeric: boolean }[] {
  const national = `061${pad(k, 7)}`;
  const d = national.match(/../g)!;
  const e164 = `+33${national.slice(1)}`;
  return [
    { text: d.join(' '), e164, numeric: false },
    { text: `+33 ${national[1]} ${d.slice(1).join(' ')}`, e164, numeric: false },
    { text: `0033${national.slice(1)}`, e164, numeric: false },
    { text: d.join('.'), e164, numeric: false },
    { text: national, e164, numeric: true },
    { text: e164, e164, numeric: false },
  ];
}
const dayText = (now: Date, age: number, iso: boolean) => {
  const d = new Date(now.getTime() - age * 86_400_000);
  return iso ? d.toISOString().slice(0, 10) : `${pad(d.getUTCDate(), 2)}/${pad(d.getUTCMonth() + 1, 2)}/${d.getUTCFullYear()}`;
};

export function generateContacts(count: number, now: Date): GeneratedContacts {
  const rows: string[][] = [];
  const numericPhone = new Set<number>();
  const optOut = new Set<string>();
  const existing = new Set<string>();
  const validE164: string[] = [];
  const e: Expected = {
    rows_read: count, valid: 0, normalised: 0, foreign: 0, invalid_phone: 0, missing_phone: 0, duplicates_in_file: 0,
    opt_out: 0, duplicates_in_campaign: 0, malformed: 0, segments: {}, buckets: [0, 0, 0, 0], with_date: 0,
  };
  let k = 0;
  let lastValid: { text: string; e164: string } | null = null;
  for (let i = 0; i < count; i++) {
    const slot = i % 20;
    const age = AGES[i % 4]!;
    const date = i % 7 === 0 ? '' : dayText(now, age, i % 2 === 1);
    const segment = SEGMENTS[i % 3]!;
    const base = [FIRST[i % FIRST.length]!, LAST[(i >> 3) % LAST.length]!, '', `c${i}@exemple.fr`, date, segment, i % 2 ? 'verte' : 'classique'];
    let phone: string;
    let valid: { e164: string; normalised: boolean; foreign: boolean } | null = null;
    if (slot <= 11 || slot >= 18) {
      const f = frenchFormats(k++)[slot >= 18 ? 5 : slot % 5]!;
      phone = f.text;
      if (f.numeric) numericPhone.add(i);
      valid = { e164: f.e164, normalised: f.text !== f.e164, foreign: false };
      lastValid = f;
    } else if (slot === 12) {
      const n = pad(k++, 6);
      phone = `+32 47${n[0]} ${n.slice(1, 3)} ${n.slice(3, 5)} ${n[5]}0`;
      valid = { e164: `+3247${n}0`, normalised: true, foreign: true };
    } else if (slot === 13) {
      phone = GARBAGE[(i / 20) % GARBAGE.length | 0]!;
      e.invalid_phone++;
    } else if (slot === 14) {
      phone = '';
      e.missing_phone++;
    } else if (slot === 15 && lastValid) {
      phone = lastValid.e164.replace('+33', '0');
      e.duplicates_in_file++;
    } else {
      const f = frenchFormats(k++)[0]!;
      phone = f.text;
      (slot === 16 ? optOut : existing).add(f.e164);
      if (slot === 16) e.opt_out++;
      else e.duplicates_in_campaign++;
    }
    base[2] = phone;
    rows.push(base);
    if (valid) {
      e.valid++;
      validE164.push(valid.e164);
      if (valid.normalised) e.normalised++;
      if (valid.foreign) e.foreign++;
      e.segments[segment] = (e.segments[segment] ?? 0) + 1;
      if (date) { e.with_date++; e.buckets[AGES.indexOf(age)]!++; }
    }
  }
  return { rows, numericPhone, optOut, existing, validE164, expected: e };
}

const csvQuote = (v: string, d: string) => (v.includes(d) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export async function writeCsv(path: string, rows: string[][], options: { delimiter: ',' | ';'; encoding: 'utf-8' | 'windows-1252'; bom?: boolean }): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string) => {
    const buffer = options.encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'windows-1252');
    return out.write(buffer) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  };
  if (options.bom) await write('\uFEFF');
  const line = (r: string[]) => r.map((v) => csvQuote(v, options.delimiter)).join(options.delimiter) + '\r\n';
  await write(line(HEADER));
  for (let i = 0; i < rows.length; i += 1000) await write(rows.slice(i, i + 1000).map(line).join(''));
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

export async function writeXlsx(path: string, generated: Pick<GeneratedContacts, 'rows' | 'numericPhone'>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Contacts');
  sheet.addRow(HEADER).commit();
  generated.rows.forEach((r, i) => {
    const cells: (string | number)[] = [...r];
    if (generated.numericPhone.has(i)) cells[2] = Number(r[2]);
    sheet.addRow(cells).commit();
  });
  sheet.commit();
  await workbook.commit();
}
