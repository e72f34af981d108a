// POST /api/v1/ingest — NDJSON call events from an outsourcer's platform (PRODUCT §4).
import { clickhouse } from '@/clickhouse/client';
import { authenticate, jsonError } from '@/server/http/api-auth';
import { bodyLimit, BodyTooLargeError, readBodyText } from '@/server/http/body';
import { ingestNdjson } from '@/server/ingest/service';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function POST(req: Request): Promise<Response> {
  const key = await authenticate(req);
  if (key instanceof Response) return key;
  let body: string;
  try {
    body = await readBodyText(req, bodyLimit());
  } catch (err) {
    if (err instanceof BodyTooLargeError) return jsonError(413, `${err.message}: nothing was stored; split it into smaller requests`);
    throw err;
  }
  const result = await ingestNdjson(clickhouse(), key.org_id, body);
  return Response.json(result);
}
