// Checks an email and password against the users table; both failure kinds look the same to the caller.
import type { Clickhouse } from '@/clickhouse/client';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { verifyPassword } from './password';
import type { SessionUser } from './session-user';

export async function authorizeCredentials(
  ch: Clickhouse,
  email: string | undefined,
  password: string | undefined,
): Promise<SessionUser | null> {
  if (!email || !password) return null;
  const user = await tenancy.userByEmail(ch, email.trim().toLowerCase());
  const ok = await verifyPassword(password, user?.password_hash);
  if (!user || !ok) return null;
  const org = await tenancy.organization(ch, user.org_id);
  if (!org) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, orgId: org.id, orgName: org.name, orgKind: org.kind };
}
