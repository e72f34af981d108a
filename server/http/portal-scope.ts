// The portal route handlers' gate, as scopedProcedure is tRPC's: the signed-in user and the scope computed from
// the session, or the answer to send instead — 401 before sign-in, and 404 for an object outside the scope,
// worded exactly as for one that does not exist so a caller cannot tell another tenant's object from a missing one.
import { clickhouse, type Clickhouse } from '@/clickhouse/client';
import { currentUser } from '@/server/auth/options';
import type { SessionUser } from '@/server/auth/session-user';
import { loadScope } from '@/server/tenancy/load-scope';
import type { Scope } from '@/server/tenancy/scope';
import type { Refusal } from './answer';

export interface PortalCaller {
  ch: Clickhouse;
  user: SessionUser;
  scope: Scope;
}

/** How a route refuses: its wording (JSON or text), and the words of its 404 and of a vanished account's 401. */
export interface PortalRoute {
  refuse: Refusal;
  /** The 404's words: the route's object is outside the scope, or does not exist. */
  notFound?: string;
  /** The 401's words for an account deleted since it signed in; without them such a session finds nothing (404). */
  accountGone?: string;
}

type Found<T> = Exclude<T, undefined | null | false>;

/** The caller, or the refusal to send. */
export async function withPortalScope(route: PortalRoute & { accountGone: string }): Promise<PortalCaller | Response>;
/** The caller and the object `find` gives inside their scope, or the refusal to send (404 when it gives none). */
export async function withPortalScope<T>(
  route: PortalRoute & { notFound: string },
  find: (caller: PortalCaller) => T | Promise<T>,
): Promise<(PortalCaller & { found: Found<T> }) | Response>;
export async function withPortalScope<T>(route: PortalRoute, find?: (caller: PortalCaller) => T | Promise<T>) {
  const user = await currentUser();
  if (!user) return route.refuse(401, 'Sign in first');
  const ch = clickhouse();
  const scope = await loadScope(ch, user.id);
  if (!scope) return route.accountGone ? route.refuse(401, route.accountGone) : route.refuse(404, route.notFound!);
  const caller: PortalCaller = { ch, user, scope };
  if (!find) return caller;
  const found = await find(caller);
  return found ? { ...caller, found: found as Found<T> } : route.refuse(404, route.notFound!);
}
