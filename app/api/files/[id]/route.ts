// GET /api/files/{id} — a stored file, only to those the file's partnership (or organization) lets in.
import { fileDownload, readableFile } from '@/server/files/download';
import { textError } from '@/server/http/answer';
import { withPortalScope } from '@/server/http/portal-scope';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const caller = await withPortalScope({ refuse: textError, notFound: 'No such file' }, ({ ch, scope }) => readableFile(ch, scope, id));
  if (caller instanceof Response) return caller;
  return fileDownload(caller.found);
}
