// POST /api/v1/consents — consent records of contacts, NDJSON or a JSON array (PRODUCT §5, docs/api.md).
import { authenticate } from '@/server/http/api-auth';
import { answerConsents } from '@/server/numbers/consent-request';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function POST(req: Request): Promise<Response> {
  const api = await authenticate(req);
  if (api instanceof Response) return api;
  return answerConsents(api, req);
}
