// PUT /api/v1/campaigns/{code} — an outsourcer creates or updates one of its campaigns.
import { answerProvisioning } from '@/server/campaigns/provision-request';
import { authenticate } from '@/server/http/api-auth';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function PUT(req: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  const api = await authenticate(req);
  if (api instanceof Response) return api;
  return answerProvisioning(api.ch, api.orgId, (await params).code, req, api.actor);
}
