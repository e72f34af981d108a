// What may be uploaded where: size limit, allowed types per purpose, content sniffed from the first bytes
// (never trusted from the browser), and file names made safe to store and to send back.
import path from 'node:path';
import type { FilePurpose } from '@/clickhouse/vocabulary';
import { serverEnv } from '@/server/startup/env';

export type FileFamily = 'pdf' | 'zip' | 'text' | 'mp4' | 'webm';

export const DEFAULT_UPLOAD_LIMIT = 100 * 1024 * 1024;

export function uploadLimit(mib = serverEnv().RELAIS_UPLOAD_MAX_MIB): number {
  return mib ? Math.floor(mib * 1024 * 1024) : DEFAULT_UPLOAD_LIMIT;
}

interface FileType { family: FileFamily; contentType: string }
const TYPES: Record<string, FileType> = {
  csv: { family: 'text', contentType: 'text/csv' },
  txt: { family: 'text', contentType: 'text/plain' },
  md: { family: 'text', contentType: 'text/markdown' },
  xlsx: { family: 'zip', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  docx: { family: 'zip', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pptx: { family: 'zip', contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  odp: { family: 'zip', contentType: 'application/vnd.oasis.opendocument.presentation' },
  odt: { family: 'zip', contentType: 'application/vnd.oasis.opendocument.text' },
  pdf: { family: 'pdf', contentType: 'application/pdf' },
  mp4: { family: 'mp4', contentType: 'video/mp4' },
  webm: { family: 'webm', contentType: 'video/webm' },
};

export const ALLOWED: Record<FilePurpose, string[]> = {
  contacts: ['csv', 'txt', 'xlsx'],
  opt_out: ['csv', 'txt'],
  training: ['pdf', 'pptx', 'odp', 'docx', 'odt', 'mp4', 'webm', 'md', 'txt'],
  document: ['pdf', 'docx', 'odt', 'xlsx', 'csv', 'md', 'txt'],
};

/** A name safe on disk and in a Content-Disposition header: no directories, no control characters. */
export function sanitiseFileName(name: string): string {
  const base = path.posix.basename(name.replace(/\\/g, '/'));
  const clean = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"<>:|?*/\\]/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 180);
  return clean || 'file';
}

export function extensionOf(name: string): string {
  const ext = path.posix.extname(name).slice(1).toLowerCase();
  return ext;
}

/** The family the first bytes reveal; `text` when there is no binary byte in them. */
export function sniffFamily(head: Uint8Array): FileFamily | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (starts(0x1a, 0x45, 0xdf, 0xa3)) return 'webm';
  if (head[4] === 0x66 && head[5] === 0x74 && head[6] === 0x79 && head[7] === 0x70) return 'mp4';
  for (const b of head) if (b === 0 || (b < 0x09) || (b > 0x0d && b < 0x20 && b !== 0x1b)) return null;
  return 'text';
}

export type UploadCheck = { ok: true; name: string; contentType: string } | { ok: false; error: string };

/** Extension allowed for the purpose, and the content really of that kind. */
export function checkUpload(purpose: FilePurpose, rawName: string, head: Uint8Array): UploadCheck {
  const name = sanitiseFileName(rawName);
  const ext = extensionOf(name);
  const allowed = ALLOWED[purpose];
  if (!allowed.includes(ext)) return { ok: false, error: `File type .${ext || '?'} is not accepted here (accepted: ${allowed.map((e) => '.' + e).join(', ')})` };
  const type = TYPES[ext]!;
  const family = sniffFamily(head);
  if (family !== type.family) return { ok: false, error: `The content of ${name} is not a .${ext} file` };
  return { ok: true, name, contentType: type.contentType };
}

/** RFC 6266: an ASCII fallback and the UTF-8 name, so accents survive and nothing breaks the header. */
export function contentDisposition(name: string): string {
  const ascii = sanitiseFileName(name).normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/[%;\\]/g, '_') || 'file';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(sanitiseFileName(name))}`;
}
