// POST /api/files?purpose=…&partnership=…&campaign=…&name=… — the raw file as the body. Signed-in portal users
// only; the scope decides where they may upload.
import { receiveUpload } from '@/server/files/upload-request';
import { jsonError } from '@/server/http/answer';
import { withPortalScope } from '@/server/http/portal-scope';
import { crossSiteRefusal } from '@/server/http/same-origin';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function POST(req: Request): Promise<Response> {
  const refused = crossSiteRefusal(req, jsonError);
  if (refused) return refused;
  const caller = await withPortalScope({ refuse: jsonError, accountGone: 'This account no longer exists' });
  if (caller instanceof Response) return caller;
  return receiveUpload(caller, req);
}
