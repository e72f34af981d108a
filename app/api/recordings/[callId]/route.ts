// GET /api/recordings/{callId} — a call's recording (audio/wav, byte ranges) to those the one access rule lets hear
// it (server/recordings/access.ts); 404 to anyone else, as for a call that was not recorded; 410 once expired.
// `?campaign=<id>` names the call's campaign, which an id shared by several campaigns needs.
import { serveRecording } from '@/server/recordings/serve';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(req: Request, { params }: { params: Promise<{ callId: string }> }): Promise<Response> {
  const { callId } = await params;
  const campaignId = new URL(req.url).searchParams.get('campaign') || undefined;
  return serveRecording({ callId, campaignId }, req.headers.get('range'), req.method === 'HEAD' ? 'HEAD' : 'GET');
}
