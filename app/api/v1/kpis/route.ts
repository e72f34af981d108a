// GET /api/v1/kpis — a campaign's KPIs over a range, optionally for one agent and by hour or day.
import { authenticate } from '@/server/http/api-auth';
import { answerKpiQuery } from '@/server/kpi/public-api';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(req: Request): Promise<Response> {
  const api = await authenticate(req);
  if (api instanceof Response) return api;
  return answerKpiQuery(api.ch, api.orgId, Object.fromEntries(new URL(req.url).searchParams));
}
