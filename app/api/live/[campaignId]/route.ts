// GET /api/live/{campaignId} — Server-Sent Events telling the live monitor that a campaign in scope changed.
import { textError } from '@/server/http/answer';
import { withPortalScope } from '@/server/http/portal-scope';
import { campaignChangeStream } from '@/server/live/change-stream';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(req: Request, { params }: { params: Promise<{ campaignId: string }> }): Promise<Response> {
  const { campaignId } = await params;
  const caller = await withPortalScope({ refuse: textError, notFound: 'No such campaign' }, ({ scope }) => scope.campaignIds.has(campaignId));
  if (caller instanceof Response) return caller;
  return campaignChangeStream(campaignId, req.signal);
}
