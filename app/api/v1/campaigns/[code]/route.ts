// PUT /api/v1/campaigns/{code} — an outsourcer creates or updates one of its campaigns.
import { clickhouse } from '@/clickhouse/client';
import { campaignCode, campaignInput, provisionCampaign } from '@/server/campaigns/provision';
import { authenticate, jsonError } from '@/server/http/api-auth';
import { describeIssues } from '@/server/ingest/schema';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function PUT(req: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  const key = await authenticate(req);
  if (key instanceof Response) return key;
  let json: unknown;
  try {
    json = await req.json();
  } catch {
    return jsonError(400, 'The body must be a JSON object');
  }
  const code = campaignCode.safeParse((await params).code);
  if (!code.success) return jsonError(400, `code: ${code.error.issues[0]!.message}`);
  const input = campaignInput.safeParse(json);
  if (!input.success) return jsonError(400, describeIssues(input.error, json));
  const { campaign, created } = await provisionCampaign(clickhouse(), key.org_id, code.data, input.data);
  return Response.json({ created, campaign: { ...campaign, id: undefined } }, { status: created ? 201 : 200 });
}
