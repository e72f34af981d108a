// POST /api/v1/consents/withdrawals — contacts who withdrew their consent, NDJSON or a JSON array (docs/api.md).
import { authenticate } from '@/server/http/api-auth';
import { answerWithdrawals } from '@/server/numbers/consent-request';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function POST(req: Request): Promise<Response> {
  const api = await authenticate(req);
  if (api instanceof Response) return api;
  return answerWithdrawals(api, req);
}
