// PUT /api/v1/campaigns/{code}'s work once the key is known: the code and the JSON body checked (the portal's
// schema, refusals in English), then the campaign created (201) or updated (200); the answer never shows our
// internal id. A caller ID another client's campaign has is refused with 409 and nothing written.
import type { Clickhouse } from '@/clickhouse/client';
import { NumberTakenError } from '@/dialer/settings-store';
import { jsonError } from '@/server/http/answer';
import { describeIssues } from '@/server/ingest/schema';
import { campaignCode, campaignInput, provisionCampaign } from './provision';
import { DirectionChangeRefused } from './save';
import { campaignSettingsOf } from './save';
import type { KeyActor } from '@/server/http/api-auth';

export async function answerProvisioning(ch: Clickhouse, orgId: string, rawCode: string, req: Request, writer: KeyActor): Promise<Response> {
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
  try {
    const { campaign, created } = await provisionCampaign(ch, orgId, code.data, input.data, writer);
    const { settings } = await campaignSettingsOf(ch, campaign);
    return Response.json({ created, campaign: { ...campaign, id: undefined, dispositions: undefined, settings } }, { status: created ? 201 : 200 });
  } catch (err) {
    if (err instanceof NumberTakenError) return jsonError(409, 'caller_id: this number already belongs to another client’s campaign, or to another inbound line');
    if (err instanceof DirectionChangeRefused) return jsonError(409, err.message);
    throw err;
  }
}
