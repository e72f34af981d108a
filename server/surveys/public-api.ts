// The survey links through the public API (key of the outsourcer): GET lists a campaign's links created in a range,
// for the client's systems to send them (SMS, e-mail); POST makes (or gives back) the link of a stored connected call
// that came through the API or a CDR import (the dialer's calls have theirs already).
import { z } from 'zod';
import type { Clickhouse } from '@/clickhouse/client';
import { connectedCallsForLink, surveyTokens, type SurveyToken } from '@/clickhouse/queries/surveys';
import { outsourcerCampaign } from '@/server/campaigns/outsourcer-campaign';
import { jsonError } from '@/server/http/answer';
import { instant } from '@/server/ingest/instant';
import { describeIssues } from '@/server/ingest/schema';
import { checkKpiRange } from '@/server/kpi/range';
import { createSurveyTokens } from './links';

export const TOKENS_PAGE_MAX = 5_000;

const listQuery = z.object({
  campaign: z.string().min(1).max(128),
  from: instant,
  to: instant.optional(),
  limit: z.coerce.number().int().min(1).max(TOKENS_PAGE_MAX).default(1_000),
});

/** The public address of a link: NEXTAUTH_URL when set (the portal's public URL), else the request's own origin. */
export const surveyUrl = (origin: string, token: string) => `${(process.env.NEXTAUTH_URL ?? origin).replace(/\/$/, '')}/s/${token}`;

const shown = (origin: string, campaignCode: string) => (t: SurveyToken) => ({
  call_id: t.call_id, campaign: campaignCode, agent: t.agent, phone: t.phone, language: t.language, url: surveyUrl(origin, t.token),
  token: t.token, created_at: new Date(t.created_at).toISOString(), expires_at: new Date(t.expires_at).toISOString(),
  answered_at: t.answered_at === null ? null : new Date(t.answered_at).toISOString(),
});

export async function answerTokenList(ch: Clickhouse, orgId: string, params: Record<string, string>, origin: string, now = Date.now()): Promise<Response> {
  const q = listQuery.safeParse(params);
  if (!q.success) return jsonError(400, describeIssues(q.error, params));
  const to = q.data.to ?? now + 1;
  const range = z.object({ from: z.number(), to: z.number() }).superRefine(checkKpiRange).safeParse({ from: q.data.from, to });
  if (!range.success) return jsonError(400, describeIssues(range.error, { from: q.data.from, to }));
  const campaign = await outsourcerCampaign(ch, orgId, q.data.campaign);
  if (!campaign) return jsonError(404, `No campaign ${q.data.campaign}`);
  const tokens = await surveyTokens.ofCampaign(ch, orgId, campaign.id, q.data.from, to, q.data.limit + 1);
  return Response.json({ campaign: campaign.code, links: tokens.slice(0, q.data.limit).map(shown(origin, campaign.code)), more: tokens.length > q.data.limit });
}

const createBody = z.object({ call_id: z.string().min(1).max(128), campaign: z.string().min(1).max(64).optional() }).strict();

export async function answerTokenCreate(ch: Clickhouse, orgId: string, body: unknown, origin: string): Promise<Response> {
  const b = createBody.safeParse(body);
  if (!b.success) return jsonError(400, describeIssues(b.error, body));
  // A call id is unique per campaign only: the campaign, when given, picks the call; else the id must name one.
  const calls = (await connectedCallsForLink(ch, orgId, b.data.call_id)).filter((c) => !b.data.campaign || c.campaign_code === b.data.campaign);
  if (calls.length === 0) return jsonError(404, `No call ${b.data.call_id}${b.data.campaign ? ` in campaign ${b.data.campaign}` : ''}`);
  if (calls.length > 1) return jsonError(409, `Calls of several campaigns have the id ${b.data.call_id}: name its "campaign"`);
  const call = calls[0]!;
  if (call.outcome !== 'connected' || !call.agent) return jsonError(409, 'Only a connected call with an agent gets a survey link');
  await createSurveyTokens(ch, orgId, [{ kind: 'call', id: call.id, campaign: call.campaign_code, outcome: 'connected', agent: call.agent, phone: call.phone, case_id: call.case_id }]);
  const link = (await surveyTokens.ofCalls(ch, orgId, [call.id])).find((t) => t.campaign_id === call.campaign_id);
  return Response.json(shown(origin, call.campaign_code)(link!), { status: 201 });
}
