// What the signed-in user carries in the JWT and session: identity, role and organization.
import type { OrgKind, Role } from '@/clickhouse/vocabulary';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  orgId: string;
  orgName: string;
  orgKind: OrgKind;
}
