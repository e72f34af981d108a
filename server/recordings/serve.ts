// GET /api/recordings/{callId}'s whole answer (the route only wires it): 401 without a session; 404 for a call
// that is not there for this caller — another tenant's, not recorded, one they may not hear (access.ts), a file
// gone — all worded alike; 410 Gone with the date for a recording the retention purge deleted; else the audio
// (200, or 206 for a range), the request that starts a listening written to the playback log. `?campaign=` names
// the call's campaign (call ids are unique per campaign only); an id several campaigns hold needs it (409).
import { textError } from '@/server/http/answer';
import { AmbiguousCallError, type CallRef } from '@/server/tenancy/call-ref';
import { withPortalScope } from '@/server/http/portal-scope';
import { logPlayback } from './playback-log';
import { locateRecording, recordingResponse } from './recording-file';

export const NO_SUCH_RECORDING = 'No such recording';

export async function serveRecording(ref: CallRef, rangeHeader: string | null, method: 'GET' | 'HEAD' = 'GET'): Promise<Response> {
  let caller;
  try {
    caller = await withPortalScope({ refuse: textError, notFound: NO_SUCH_RECORDING }, async ({ ch, scope }) => {
      const located = await locateRecording(ch, scope, ref);
      return located?.recorded && located.mayListen ? located : undefined;
    });
  } catch (e) {
    if (e instanceof AmbiguousCallError) return textError(409, `${e.message}: add ?campaign=<campaign id>`);
    throw e;
  }
  if (caller instanceof Response) return caller;
  const recording = caller.found;
  if (recording.expiredAt !== null) {
    return new Response(`Recording expired on ${new Date(recording.expiredAt).toISOString().slice(0, 10)}`, {
      status: 410, headers: { 'X-Recording-Expired-At': new Date(recording.expiredAt).toISOString() },
    });
  }
  if (!recording.file || recording.size === null) return textError(404, NO_SUCH_RECORDING);
  const response = recordingResponse({ file: recording.file, size: recording.size, callId: ref.callId }, rangeHeader, method);
  if (response.status < 300 && method === 'GET') await logPlayback(caller.ch, caller.user, caller.scope, recording);
  return response;
}
