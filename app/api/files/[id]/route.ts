// GET /api/files/{id} — a stored file, only to those the file's partnership (or organization) lets in,
// always as an attachment so nothing uploaded is ever rendered by the browser as a page.
import { Readable } from 'node:stream';
import { clickhouse } from '@/clickhouse/client';
import { workspace } from '@/clickhouse/queries/workspace';
import { currentUser } from '@/server/auth/options';
import { canRead } from '@/server/files/access';
import { contentDisposition } from '@/server/files/policy';
import { fileStorage } from '@/server/files/storage';
import { loadScope } from '@/server/tenancy/load-scope';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await currentUser();
  if (!user) return new Response('Sign in first', { status: 401 });
  const ch = clickhouse();
  const scope = await loadScope(ch, user.id);
  const { id } = await params;
  const file = await workspace.file(ch, id);
  if (!scope || !file || !canRead(scope, file)) return new Response('No such file', { status: 404 });
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
