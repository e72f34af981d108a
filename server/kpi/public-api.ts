// GET /api/v1/kpis's work: the query read with the ingest's rules for instants, then the KPIs of one of the
// key organization's campaigns — another organization's code is answered as an unknown one.
import { z } from 'zod';
import type { Clickhouse } from '@/clickhouse/client';
import { outsourcerCampaign } from '@/server/campaigns/outsourcer-campaign';
import { jsonError } from '@/server/http/answer';
import { instant } from '@/server/ingest/instant';
import { describeIssues } from '@/server/ingest/schema';
import { campaignSl, computeKpis } from './engine';
import { checkKpiRange } from './range';

const kpiQuery = z
  .object({
    campaign: z.string().min(1),
    from: instant,
    to: instant,
    agent: z.string().min(1).optional(),
    bucket: z.enum(['hour', 'day']).optional(),
  })
  .superRefine(checkKpiRange);

/** The answer to a query string's parameters, asked by the organization `orgId`. */
export async function answerKpiQuery(ch: Clickhouse, orgId: string, params: Record<string, string>): Promise<Response> {
  const q = kpiQuery.safeParse(params);
  if (!q.success) return jsonError(400, describeIssues(q.error, params));
  const campaign = await outsourcerCampaign(ch, orgId, q.data.campaign);
  if (!campaign) return jsonError(404, `No campaign ${q.data.campaign}`);
  const kpis = await computeKpis(ch, {
    campaignIds: [campaign.id],
    orgIds: [orgId],
    from: q.data.from,
    to: q.data.to,
    agents: q.data.agent ? [q.data.agent] : [],
    bucket: q.data.bucket,
    timeZone: campaign.time_zone,
    sl: campaignSl(campaign),
    campaigns: [campaign],
  });
  // The range is echoed as the caller wrote it, not as we read it.
  return Response.json({ campaign: campaign.code, from: params.from, to: params.to, ...kpis });
}
