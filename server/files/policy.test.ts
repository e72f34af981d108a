import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkUpload, contentDisposition, sanitiseFileName, sniffFamily } from './policy';
import { diskStorage, TooLargeError } from './storage';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('file names', () => {
  it('drops directories and traversal', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('..\\..\\windows\\win.ini')).toBe('win.ini');
    expect(sanitiseFileName('.htaccess')).toBe('htaccess');
    expect(sanitiseFileName('fichier "clients"\u0000.csv')).toBe('fichier _clients__.csv');
    expect(sanitiseFileName('')).toBe('file');
  });
  it('keeps accents in the UTF-8 header and an ASCII fallback', () => {
    expect(contentDisposition('Fichier été.csv')).toBe(`attachment; filename="Fichier ete.csv"; filename*=UTF-8''Fichier%20%C3%A9t%C3%A9.csv`);
  });
});

describe('content checks', () => {
  it('recognises the families from their first bytes', () => {
    expect(sniffFamily(bytes('%PDF-1.7'))).toBe('pdf');
    expect(sniffFamily(bytes('PK\x03\x04rest'))).toBe('zip');
    expect(sniffFamily(bytes('\x00\x00\x00\x18ftypmp42'))).toBe('mp4');
    expect(sniffFamily(bytes('nom;téléphone\r\nA;06\n'))).toBe('text');
    expect(sniffFamily(bytes('MZ\x90\x00\x03'))).toBeNull();
  });
  it('accepts only the allowed types whose content matches', () => {
    expect(checkUpload('contacts', 'liste.csv', bytes('nom;tel\n'))).toMatchObject({ ok: true, contentType: 'text/csv' });
    expect(checkUpload('contacts', 'liste.xlsx', bytes('PK\x03\x04'))).toMatchObject({ ok: true });
    expect(checkUpload('contacts', 'liste.xlsx', bytes('nom;tel\n'))).toEqual({ ok: false, error: 'The content of liste.xlsx is not a .xlsx file' });
    expect(checkUpload('contacts', 'virus.exe', bytes('MZ'))).toMatchObject({ ok: false });
    expect(checkUpload('training', 'guide.pdf', bytes('%PDF-1.4'))).toMatchObject({ ok: true, contentType: 'application/pdf' });
    expect(checkUpload('training', 'guide.pdf', bytes('<html><script>'))).toMatchObject({ ok: false });
  });
});

describe('disk storage', () => {
  async function* chunks(n: number, size: number) { for (let i = 0; i < n; i++) yield new Uint8Array(size).fill(65); }
  it('stores a stream with its size and hash', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'relais-files-'));
    const storage = diskStorage(root);
    const stored = await storage.put(chunks(4, 1000), 10_000);
    expect(stored.size).toBe(4000);
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    let read = 0;
    for await (const c of storage.read(stored.key)) read += (c as Buffer).length;
    expect(read).toBe(4000);
  });
  it('refuses past the limit and leaves nothing on disk', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'relais-files-'));
    await expect(diskStorage(root).put(chunks(20, 1000), 10_000)).rejects.toBeInstanceOf(TooLargeError);
    const left = readdirSync(root, { recursive: true }).filter((f) => String(f).includes('-'));
    expect(left).toEqual([]);
  });
  it('refuses keys that are not its own', () => {
    expect(() => diskStorage('/tmp/x').read('../../etc/passwd')).toThrow(/Bad storage key/);
  });
});
