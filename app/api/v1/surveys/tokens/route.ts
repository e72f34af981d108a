// GET /api/v1/surveys/tokens?campaign=…&from=…[&to=…&limit=…] — a campaign's survey links created in the range.
// POST /api/v1/surveys/tokens {"call_id": "…"} — the link of a stored connected call (made if it has none).
import { authenticate } from '@/server/http/api-auth';
import { answerTokenCreate, answerTokenList } from '@/server/surveys/public-api';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(req: Request): Promise<Response> {
  const api = await authenticate(req);
  if (api instanceof Response) return api;
  const url = new URL(req.url);
  return answerTokenList(api.ch, api.orgId, Object.fromEntries(url.searchParams), url.origin);
}

export async function POST(req: Request): Promise<Response> {
  const api = await authenticate(req);
  if (api instanceof Response) return api;
  return answerTokenCreate(api.ch, api.orgId, await req.json().catch(() => null), new URL(req.url).origin);
}
