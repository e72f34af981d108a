// GET /api/files/{id}'s work: a stored file found only inside the reader's scope, and sent always as an attachment
// so nothing uploaded is ever rendered by the browser as a page.
import { Readable } from 'node:stream';
import type { Clickhouse } from '@/clickhouse/client';
import { workspace, type StoredFile } from '@/clickhouse/queries/workspace';
import type { Scope } from '@/server/tenancy/scope';
import { canRead } from './access';
import { contentDisposition } from './policy';
import { fileStorage } from './storage';

/** The file, when it exists and the scope may read it; otherwise nothing, whichever of the two failed. */
export async function readableFile(ch: Clickhouse, scope: Scope, id: string): Promise<StoredFile | undefined> {
  const file = await workspace.file(ch, id);
  return file && canRead(scope, file) ? file : undefined;
}

export function fileDownload(file: StoredFile): Response {
  const body = Readable.toWeb(fileStorage().read(file.storage_key)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      'Content-Type': file.content_type,
      'Content-Length': String(file.size),
      'Content-Disposition': contentDisposition(file.name),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
