// GET /api/recordings/{callId} — a call's recording (audio/wav, byte ranges), only to the outsourcer's managers,
// quality staff and admins of the call's organization; 404 to anyone else, as for a call that was not recorded.
import { textError } from '@/server/http/answer';
import { withPortalScope } from '@/server/http/portal-scope';
import { readableRecording, recordingResponse } from '@/server/recordings/recording-file';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(req: Request, { params }: { params: Promise<{ callId: string }> }): Promise<Response> {
  const { callId } = await params;
  const caller = await withPortalScope({ refuse: textError, notFound: 'No such recording' }, ({ ch, scope }) => readableRecording(ch, scope, callId));
  if (caller instanceof Response) return caller;
  return recordingResponse(caller.found, req.headers.get('range'));
}
