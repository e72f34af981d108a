// GET /api/v1/kpis — a campaign's KPIs over a range, optionally for one agent and by hour or day.
import { z } from 'zod';
import { clickhouse } from '@/clickhouse/client';
import { campaignsOfOutsourcer } from '@/clickhouse/queries/tenancy';
import { authenticate, jsonError } from '@/server/http/api-auth';
import { instant } from '@/server/ingest/instant';
import { describeIssues } from '@/server/ingest/schema';
import { campaignSl, computeKpis } from '@/server/kpi/engine';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const query = z
  .object({
    campaign: z.string().min(1),
    from: instant,
    to: instant,
    agent: z.string().min(1).optional(),
    bucket: z.enum(['hour', 'day']).optional(),
  })
  .refine((q) => q.to > q.from, { message: 'must be after from', path: ['to'] });

export async function GET(req: Request): Promise<Response> {
  const key = await authenticate(req);
  if (key instanceof Response) return key;
  const raw = Object.fromEntries(new URL(req.url).searchParams);
  const q = query.safeParse(raw);
  if (!q.success) return jsonError(400, describeIssues(q.error, raw));
  const ch = clickhouse();
  const campaign = (await campaignsOfOutsourcer(ch, key.org_id)).find((c) => c.code === q.data.campaign);
  if (!campaign) return jsonError(404, `No campaign ${q.data.campaign}`);
  const kpis = await computeKpis(ch, {
    campaignIds: [campaign.id],
    orgIds: [key.org_id],
    from: q.data.from,
    to: q.data.to,
    agents: q.data.agent ? [q.data.agent] : [],
    bucket: q.data.bucket,
    timeZone: campaign.time_zone,
    sl: campaignSl(campaign),
  });
  // The range is echoed as the caller wrote it.
  return Response.json({ campaign: campaign.code, from: raw.from, to: raw.to, ...kpis });
}
