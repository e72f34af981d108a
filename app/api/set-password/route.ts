// POST /api/set-password {token, password} — public (no session): the one-time link's owner sets a password. The
// token is the credential: unknown, used or expired links and passwords breaking the rules are refused with the
// refusal's key (the page words it in the user's language) and its English text.
import { crossSiteRefusal } from '@/server/http/same-origin';
import { jsonError } from '@/server/http/answer';
import { setPasswordOfPage } from '@/server/people/link-page';
import { LinkRefused } from '@/server/people/service';
import { refusalText } from '@/server/trpc/refusals';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function POST(req: Request): Promise<Response> {
  const refused = crossSiteRefusal(req, jsonError);
  if (refused) return refused;
  const body = (await req.json().catch(() => null)) as { token?: unknown; password?: unknown } | null;
  if (typeof body?.token !== 'string' || typeof body.password !== 'string' || body.token.length > 100 || body.password.length > 1000) {
    return jsonError(400, 'Send {"token": "…", "password": "…"}');
  }
  try {
    const { email } = await setPasswordOfPage(body.token, body.password);
    return Response.json({ email });
  } catch (err) {
    if (!(err instanceof LinkRefused)) throw err;
    const status = err.key === 'error.link.unknown' ? 404 : err.key.startsWith('error.link.') ? 410 : 400;
    return Response.json({ error: refusalText('en', err.key), key: err.key, problems: err.problems }, { status });
  }
}
