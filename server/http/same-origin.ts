// Cross-site request forgery, outside tRPC: a state-changing portal route (an upload) rides the session cookie, which
// SameSite=Lax alone protects. A browser says where a request comes from (Origin, Sec-Fetch-Site); a request another
// site made is refused before anything is read. Clients that are not browsers send neither and hold no cookie.
import type { Refusal } from './answer';

export interface RequestOrigin {
  origin: string | null;
  secFetchSite: string | null;
  /** The host the browser addressed: X-Forwarded-Host behind a proxy, else Host. */
  host: string | null;
}

/** Pure: whether the browser that sent these headers was on another site than the portal. */
export function crossSite(r: RequestOrigin): boolean {
  if (r.secFetchSite === 'cross-site' || r.secFetchSite === 'same-site') return true;
  if (r.origin === null) return false;
  if (r.origin === 'null') return true; // a sandboxed frame or a file: page
  try {
    return new URL(r.origin).host !== r.host;
  } catch {
    return true;
  }
}

export function originOf(req: Request): RequestOrigin {
  const h = req.headers;
  return { origin: h.get('origin'), secFetchSite: h.get('sec-fetch-site'), host: (h.get('x-forwarded-host') ?? h.get('host'))?.split(',')[0]!.trim() ?? null };
}

/** The 403 to send for a request from another site, or null to go on. */
export function crossSiteRefusal(req: Request, refuse: Refusal): Response | null {
  return crossSite(originOf(req)) ? refuse(403, 'Refused: this request comes from another site') : null;
}
