// POST /api/v1/ingest — NDJSON call events from an outsourcer's platform (PRODUCT §4).
import { authenticate } from '@/server/http/api-auth';
import { answerIngest } from '@/server/ingest/ingest-request';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function POST(req: Request): Promise<Response> {
  const api = await authenticate(req);
  if (api instanceof Response) return api;
  return answerIngest(api.ch, api.orgId, req);
}
