// Who is acting in a workspace, as the feed and the sign-off rules need it.
import type { Side } from '@/clickhouse/queries/workspace';
import type { SessionUser } from '@/server/auth/session-user';
import type { Scope } from '@/server/tenancy/scope';

export interface Actor { id: string; name: string; side: Side }

export function actorOf(user: SessionUser, scope: Scope): Actor {
  return { id: user.id, name: user.name, side: scope.orgKind === 'client' ? 'client' : 'outsourcer' };
}
