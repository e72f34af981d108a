// POST /api/files's work once the caller is known: where the file goes (from the query string, checked against the
// scope), its size and type checked while it streams to disk, so 100 MiB never sits in memory.
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { jsonError } from '@/server/http/answer';
import type { PortalCaller } from '@/server/http/portal-scope';
import { actorOf } from '@/server/workspace/actor';
import { canUpload } from './access';
import { FILE_PURPOSES, type FilePurpose } from '@/clickhouse/vocabulary';
import { uploadLimit } from './policy';
import { storeUpload, UploadRefused } from './service';
import { fileStorage, TooLargeError } from './storage';

export async function receiveUpload({ ch, user, scope }: PortalCaller, req: Request): Promise<Response> {
  const url = new URL(req.url);
  const purpose = url.searchParams.get('purpose') as FilePurpose;
  if (!FILE_PURPOSES.includes(purpose)) return jsonError(400, `purpose must be one of ${FILE_PURPOSES.join(', ')}`);
  const partnershipId = purpose === 'opt_out' ? '' : url.searchParams.get('partnership') ?? '';
  const campaignId = purpose === 'opt_out' ? '' : url.searchParams.get('campaign') ?? '';
  const name = url.searchParams.get('name') ?? '';
  // Outside the scope the partnership "does not exist", as everywhere else.
  if (!canUpload(scope, purpose, { partnershipId, campaignId })) return jsonError(404, 'No such workspace or campaign');
  // Both in scope is not enough: the campaign must be the partnership's, or one workspace's file lands on another's.
  if (campaignId && !(await tenancy.campaignsOfPartnerships(ch, [partnershipId])).some((c) => c.id === campaignId)) {
    return jsonError(404, 'No such workspace or campaign');
  }
  const limit = uploadLimit();
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return jsonError(413, new TooLargeError(limit).message);
  if (!req.body) return jsonError(400, 'The file is empty');
  try {
    const file = await storeUpload(ch, fileStorage(), {
      purpose, name, partnershipId, campaignId, ownerOrgId: purpose === 'opt_out' ? scope.orgId : '',
      actor: actorOf(user, scope), limit,
      body: Readable.fromWeb(req.body as NodeReadableStream<Uint8Array>),
    });
    return Response.json({ id: file.id, name: file.name, size: file.size, contentType: file.content_type }, { status: 201 });
  } catch (err) {
    if (err instanceof TooLargeError) return jsonError(413, err.message);
    if (err instanceof UploadRefused) return jsonError(415, err.message);
    throw err;
  }
}
