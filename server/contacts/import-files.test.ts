// Generated files with known content through the real readers and the import core: CSV in UTF-8 with `,`,
// Windows-1252 with `;`, and XLSX give the same contacts and exactly the expected report.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportedContact } from './accumulator';
import { columnMapping } from './mapping';
import { runContactPipeline } from './pipeline';
import { detectShape, previewFile } from './read/rows';
import { generateContacts, writeCsv, writeXlsx, type GeneratedContacts } from './testing/generate-contacts';

const now = new Date('2026-11-25T12:00:00Z');
const dir = mkdtempSync(path.join(tmpdir(), 'relais-contacts-'));
const mapping = columnMapping.parse({ phone: 'Téléphone', firstName: 'Prénom', lastName: 'Nom', email: 'Email', date: 'Date collecte', segment: 'Segment', custom: ['Offre'] });

async function importFile(file: string, g: Pick<GeneratedContacts, 'optOut' | 'existing'>, extra: Partial<Parameters<typeof runContactPipeline>[0]> = {}) {
  const contacts: ImportedContact[] = [];
  const rejected: { row: number; reason: string }[] = [];
  const { report } = await runContactPipeline({
    path: file, shape: await detectShape(file), mapping, defaultCountry: 'FR', now,
    inCampaign: (n) => g.existing.has(n), optedOut: (n) => g.optOut.has(n),
    onContacts: async (batch) => void contacts.push(...batch), onRejected: (r) => rejected.push({ row: r.row, reason: r.reason }), ...extra,
  });
  return { contacts, rejected, report };
}

function expectReport(report: Awaited<ReturnType<typeof importFile>>['report'], g: GeneratedContacts) {
  const e = g.expected;
  expect(report).toMatchObject({
    rows_read: e.rows_read, valid: e.valid, normalised: e.normalised, foreign: e.foreign, invalid_phone: e.invalid_phone,
    missing_phone: e.missing_phone, duplicates_in_file: e.duplicates_in_file, opt_out: e.opt_out,
    duplicates_in_campaign: e.duplicates_in_campaign, malformed: 0, segments: e.segments,
  });
  expect(report.freshness.with_date).toBe(e.with_date);
  expect(report.freshness.buckets.map((b) => b.count)).toEqual(e.buckets);
  const counted = report.valid + report.invalid_phone + report.missing_phone + report.duplicates_in_file + report.opt_out + report.duplicates_in_campaign + report.malformed;
  expect(counted).toBe(report.rows_read);
}

describe('contact files of every kind', () => {
  const g = generateContacts(2_000, now);
  const files = { utf8: path.join(dir, 'utf8.csv'), latin1: path.join(dir, 'latin1.csv'), xlsx: path.join(dir, 'contacts.xlsx') };
  beforeAll(async () => {
    await writeCsv(files.utf8, g.rows, { delimiter: ',', encoding: 'utf-8', bom: true });
    await writeCsv(files.latin1, g.rows, { delimiter: ';', encoding: 'windows-1252' });
    await writeXlsx(files.xlsx, g);
  });

  it('detects format, encoding and delimiter, and previews the header with accents', async () => {
    expect(await previewFile(files.utf8, 3)).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', headers: ['Prénom', 'Nom', 'Téléphone', 'Email', 'Date collecte', 'Segment', 'Offre'] });
    expect(await previewFile(files.latin1, 3)).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', headers: expect.arrayContaining(['Téléphone']) });
    const x = await previewFile(files.xlsx, 3);
    expect(x).toMatchObject({ format: 'xlsx', headers: expect.arrayContaining(['Prénom']) });
    expect(x.preview[0]![0]).toBe('Hélène');
  });

  it('gives the same contacts and the expected report from CSV UTF-8, CSV Latin-1 and XLSX', async () => {
    const results = await Promise.all(Object.values(files).map((f) => importFile(f, g)));
    for (const r of results) expectReport(r.report, g);
    const [a, b, c] = results.map((r) => r.contacts.map((x) => ({ ...x, record_date: x.record_date?.toISOString() ?? null })));
    expect(a!.map((x) => x.phone_e164)).toEqual(g.validE164);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a!.find((x) => x.first_name === 'Hélène')?.last_name).toBe('Lefèvre');
    expect(a![0]!.fields).toEqual({ Offre: 'classique' });
  });

  it('imports a reproducible random sample of N rows', async () => {
    const one = await importFile(files.utf8, g, { sample: { size: 100, seed: 7 } });
    const two = await importFile(files.latin1, g, { sample: { size: 100, seed: 7 } });
    expect(one.report.rows_read).toBe(100);
    expect(one.contacts.map((c) => c.row)).toEqual(two.contacts.map((c) => c.row));
    expect(new Set(one.contacts.map((c) => c.row)).size).toBe(one.contacts.length);
  });
});

describe('bad input', () => {
  it('reports malformed rows and keeps every valid one', async () => {
    const file = path.join(dir, 'broken.csv');
    writeFileSync(file, 'nom;tel\nA;06 12 34 56 78\nB;06 12 34 56 79;extra\n"C;06 12 34 56 80\nD;0612345681\n');
    const r = await runContactPipeline({
      path: file, shape: await detectShape(file), mapping: columnMapping.parse({ phone: 'tel', lastName: 'nom' }), defaultCountry: 'FR', now,
      inCampaign: () => false, optedOut: () => false, onContacts: async () => {},
    });
    expect(r.report.valid).toBeGreaterThanOrEqual(1);
    expect(r.report.malformed).toBeGreaterThanOrEqual(1);
    expect(r.report.valid + r.report.malformed).toBe(r.report.rows_read);
  });
  it('names a mapped column the file does not have', async () => {
    const file = path.join(dir, 'small.csv');
    writeFileSync(file, 'nom,tel\nA,0612345678\n');
    await expect(runContactPipeline({
      path: file, shape: await detectShape(file), mapping: columnMapping.parse({ phone: 'telephone' }), defaultCountry: 'FR', now,
      inCampaign: () => false, optedOut: () => false, onContacts: async () => {},
    })).rejects.toThrow('The file has no column "telephone" (columns: nom, tel)');
  });
});

describe('a 200k-row file', () => {
  it('streams through with every count exact', async () => {
    const g = generateContacts(200_000, now);
    const file = path.join(dir, 'big.csv');
    await writeCsv(file, g.rows, { delimiter: ';', encoding: 'windows-1252' });
    let batches = 0;
    const { report } = await runContactPipeline({
      path: file, shape: await detectShape(file), mapping, defaultCountry: 'FR', now,
      inCampaign: (n) => g.existing.has(n), optedOut: (n) => g.optOut.has(n), onContacts: async () => void batches++,
    });
    expectReport(report, g);
    expect(batches).toBe(Math.ceil(g.expected.valid / 10_000));
  }, 120_000);
});
