// POST /api/files?purpose=…&partnership=…&campaign=…&name=… — the raw file as the body (streamed to disk,
// so 100 MiB never sits in memory). Signed-in portal users only; the scope decides where they may upload.
import { Readable } from 'node:stream';
import { clickhouse } from '@/clickhouse/client';
import type { FilePurpose } from '@/clickhouse/queries/workspace';
import { currentUser } from '@/server/auth/options';
import { canUpload } from '@/server/files/access';
import { uploadLimit } from '@/server/files/policy';
import { storeUpload, UploadRefused } from '@/server/files/service';
import { fileStorage, TooLargeError } from '@/server/files/storage';
import { loadScope } from '@/server/tenancy/load-scope';
import { actorOf } from '@/server/workspace/actor';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const PURPOSES: FilePurpose[] = ['contacts', 'training', 'opt_out', 'document'];
const error = (status: number, message: string) => Response.json({ error: message }, { status });

export async function POST(req: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return error(401, 'Sign in first');
  const ch = clickhouse();
  const scope = await loadScope(ch, user.id);
  if (!scope) return error(401, 'This account no longer exists');
  const url = new URL(req.url);
  const purpose = url.searchParams.get('purpose') as FilePurpose;
  if (!PURPOSES.includes(purpose)) return error(400, `purpose must be one of ${PURPOSES.join(', ')}`);
  const partnershipId = purpose === 'opt_out' ? '' : url.searchParams.get('partnership') ?? '';
  const campaignId = url.searchParams.get('campaign') ?? '';
  const name = url.searchParams.get('name') ?? '';
  // Outside the scope the partnership "does not exist", as everywhere else.
  if (!canUpload(scope, purpose, { partnershipId, campaignId })) return error(404, 'No such workspace or campaign');
  const limit = uploadLimit();
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return error(413, new TooLargeError(limit).message);
  if (!req.body) return error(400, 'The file is empty');
  try {
    const file = await storeUpload(ch, fileStorage(), {
      purpose, name, partnershipId, campaignId, ownerOrgId: purpose === 'opt_out' ? scope.orgId : '',
      actor: actorOf(user, scope), limit,
      body: Readable.fromWeb(req.body as import('node:stream/web').ReadableStream<Uint8Array>),
    });
    return Response.json({ id: file.id, name: file.name, size: file.size, contentType: file.content_type }, { status: 201 });
  } catch (err) {
    if (err instanceof TooLargeError) return error(413, err.message);
    if (err instanceof UploadRefused) return error(415, err.message);
    throw err;
  }
}
