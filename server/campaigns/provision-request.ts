// PUT /api/v1/campaigns/{code}'s work once the key is known: the code and the JSON body checked, then the campaign
// created (201) or updated (200); the answer never shows our internal id.
import type { Clickhouse } from '@/clickhouse/client';
import { jsonError } from '@/server/http/answer';
import { describeIssues } from '@/server/ingest/schema';
import { campaignCode, campaignInput, provisionCampaign } from './provision';

export async function answerProvisioning(ch: Clickhouse, orgId: string, rawCode: string, req: Request): Promise<Response> {
  let json: unknown;
  try {
    json = await req.json();
  } catch {
    return jsonError(400, 'The body must be a JSON object');
  }
  const code = campaignCode.safeParse(rawCode);
  if (!code.success) return jsonError(400, `code: ${code.error.issues[0]!.message}`);
  const input = campaignInput.safeParse(json);
  if (!input.success) return jsonError(400, describeIssues(input.error, json));
  const { campaign, created } = await provisionCampaign(ch, orgId, code.data, input.data);
  return Response.json({ created, campaign: { ...campaign, id: undefined } }, { status: created ? 201 : 200 });
}
