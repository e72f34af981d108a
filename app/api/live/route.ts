// GET /api/live — Server-Sent Events telling the wallboard that one of the caller's campaigns changed: every
// campaign of the scope on one stream (one per campaign would use up the browser's connections to the server).
import { textError } from '@/server/http/answer';
import { withPortalScope } from '@/server/http/portal-scope';
import { campaignsChangeStream } from '@/server/live/change-stream';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(req: Request): Promise<Response> {
  const caller = await withPortalScope({ refuse: textError, accountGone: 'This account no longer exists' });
  if (caller instanceof Response) return caller;
  return campaignsChangeStream([...caller.scope.campaignIds], req.signal);
}
