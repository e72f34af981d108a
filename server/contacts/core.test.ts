import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ContactAccumulator } from './accumulator';
import { guessMapping, resolveMapping, columnMapping } from './mapping';
import { normalisePhone } from '@/dialer/phone';
import { parseRecordDate } from './record-date';
import { rejectedCsvLine } from './rejected-csv';
import { Reservoir } from './sample';
import { detectDelimiter, detectEncoding } from './read/detect';
import { cellText } from './read/xlsx-cell';

describe('phone numbers', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678', true], ['06.12.34.56.78', '+33612345678', true], ['+33 6 12 34 56 78', '+33612345678', true],
    ['0033612345678', '+33612345678', true], ['+33 (0)6 12 34 56 78', '+33612345678', true], ['612345678', '+33612345678', true],
    ['+33612345678', '+33612345678', false], ['01 45 67 89 10', '+33145678910', true], ['+44 20 7946 0958', '+442079460958', true],
  ])('%s → %s', (raw, e164, normalised) => {
    expect(normalisePhone(raw, 'FR')).toMatchObject({ ok: true, e164, normalised });
  });
  it('refuses garbage and reports a missing number', () => {
    for (const raw of ['abc', '12', '06 12 34', '0700000000']) expect(normalisePhone(raw, 'FR')).toEqual({ ok: false, error: 'invalid_phone' });
    expect(normalisePhone('  ', 'FR')).toEqual({ ok: false, error: 'missing_phone' });
  });
  it('reads a national number in the campaign’s default country', () => {
    expect(normalisePhone('0470 12 34 56', 'BE')).toMatchObject({ ok: true, e164: '+32470123456', country: 'BE' });
  });
});

describe('record dates', () => {
  it('reads French, ISO and timed dates, and refuses impossible ones', () => {
    expect(parseRecordDate('25/11/2026')?.toISOString()).toBe('2026-11-25T00:00:00.000Z');
    expect(parseRecordDate('5/1/2026 14:30')?.toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(parseRecordDate('2026-11-25T08:00:00Z')?.toISOString()).toBe('2026-11-25T00:00:00.000Z');
    expect(parseRecordDate('31/02/2026')).toBeNull();
    expect(parseRecordDate('01/02/2026', 'MM/dd/yyyy')?.toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(parseRecordDate('hier')).toBeNull();
  });
});

describe('file detection', () => {
  it('finds the delimiter outside quotes', () => {
    expect(detectDelimiter('a;b;c\n1;"x,y";3\n4;5;6\n')).toBe(';');
    expect(detectDelimiter('a,b\n"1;2",3\n4,5\n')).toBe(',');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
  });
  it('tells UTF-8 from Windows-1252', () => {
    expect(detectEncoding(Buffer.from('Prénom;Téléphone\nHélène;06\n', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(iconv.encode('Prénom;Téléphone\nHélène;06\nFrançois;07\n', 'windows-1252'))).toBe('windows-1252');
    expect(detectEncoding(Buffer.from('plain ascii', 'utf8'))).toBe('utf-8');
  });
  it('turns Excel cells into the text a person typed', () => {
    expect(cellText(612345678)).toBe('612345678');
    expect(cellText(33612345678)).toBe('33612345678');
    expect(cellText(new Date(Date.UTC(2026, 10, 25)))).toBe('2026-11-25');
    expect(cellText({ richText: [{ text: 'Hé' }, { text: 'lène' }] })).toBe('Hélène');
    expect(cellText(null)).toBe('');
  });
});

describe('the accumulator', () => {
  const headers = ['nom', 'tel', 'seg'];
  const make = (optOut: string[] = [], existing: string[] = []) => new ContactAccumulator({
    columns: resolveMapping(headers, columnMapping.parse({ phone: 'tel', fullName: 'nom', segment: 'seg' })), headerCount: 3,
    defaultCountry: 'FR', dateFormat: 'auto', now: new Date('2026-11-25T00:00:00Z'),
    inCampaign: (n) => existing.includes(n), optedOut: (n) => optOut.includes(n),
  });
  it('checks in the documented order and counts each row once', () => {
    const acc = make(['+33612345679'], ['+33612345680']);
    const reasons = [
      ['Jean Dupont', '06 12 34 56 78', 'A'], ['x', '0612345678', 'A'], ['y', '06 12 34 56 79', 'A'], ['z', '06 12 34 56 79', 'A'],
      ['w', '0612345680', 'B'], ['v', 'abc', 'B'], ['u', '', 'B'], ['too', 'many', 'cells', '!'],
    ].map((cells, i) => { const o = acc.push(i + 1, cells); return 'contact' in o ? 'valid' : o.rejected.reason; });
    expect(reasons).toEqual(['valid', 'duplicate_in_file', 'opt_out', 'duplicate_in_file', 'duplicate_in_campaign', 'invalid_phone', 'missing_phone', 'malformed_row']);
    expect(acc.result()).toMatchObject({ rows_read: 8, valid: 1, segments: { A: 1 }, duplicates_in_file: 2, opt_out: 1, duplicates_in_campaign: 1, invalid_phone: 1, missing_phone: 1, malformed: 1 });
  });
  it('splits a full name when first and last names are not mapped', () => {
    const o = make().push(1, ['Jean-Pierre De La Tour', '0612345678', '']);
    expect('contact' in o && [o.contact.first_name, o.contact.last_name]).toEqual(['Jean-Pierre', 'De La Tour']);
  });
  it('guesses French column names', () => {
    expect(guessMapping(['Prénom', 'NOM', 'Téléphone portable', 'Tél', 'Courriel'])).toMatchObject({ firstName: 'Prénom', lastName: 'NOM', phone: 'Tél', email: 'Courriel' });
  });
});

describe('samples and rejected rows', () => {
  it('samples reproducibly, never more than N, each row once', () => {
    const pick = (seed: number) => { const r = new Reservoir<number>(10, seed); for (let i = 0; i < 1000; i++) r.offer(i); return r.take(); };
    expect(pick(1)).toEqual(pick(1));
    expect(pick(1)).not.toEqual(pick(2));
    expect(new Set(pick(3)).size).toBe(10);
  });
  it('quotes rejected rows for Excel', () => {
    expect(rejectedCsvLine({ row: 3, reason: 'invalid_phone', detail: 'abc', cells: ['Martin; fils', 'a "b"'] })).toBe('3;invalid_phone;abc;"Martin; fils";"a ""b"""\r\n');
  });
  it('writes a rejected row’s formula as text: the other side’s manager opens this file in Excel', () => {
    expect(rejectedCsvLine({ row: 4, reason: 'invalid_phone', detail: '=1', cells: ['=HYPERLINK("http://evil.test")', '@SUM(A1)', '+33612345678'] }))
      .toBe(`4;invalid_phone;'=1;"'=HYPERLINK(""http://evil.test"")";'@SUM(A1);+33612345678\r\n`);
  });
});
