// Checks an email and password against the users table; both failure kinds look the same to the caller.
import type { Clickhouse } from '@/clickhouse/client';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { verifyPassword } from './password';
import { SignInLimiter } from './sign-in-limits';
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
  // Said only to whoever knows the password: a guesser learns nothing of the account.
  if (user.active === 0) throw new AccountDeactivated();
  const org = await tenancy.organization(ch, user.org_id);
  if (!org) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, orgId: org.id, orgName: org.name, orgKind: org.kind };
}

/** The right password of a deactivated account (issue 20): refused, with a message saying so. */
export class AccountDeactivated extends Error {
  constructor() {
    super('deactivated');
  }
}

/** A sign-in refused before the password is even checked: too many wrong ones lately (sign-in-limits.ts). */
export class SignInThrottled extends Error {
  constructor(readonly seconds: number) {
    super(`throttled:${seconds}`);
  }
}

const limiter = new SignInLimiter();

/** The portal's sign-in: the limits first, then the password; `address` is the browser's, when known. */
export async function limitedSignIn(
  ch: Clickhouse, email: string | undefined, password: string | undefined, address: string | null, limits = limiter,
): Promise<SessionUser | null> {
  const account = (email ?? '').trim().toLowerCase();
  const wait = limits.waitSeconds(account, address);
  if (wait > 0) throw new SignInThrottled(wait);
  const user = await authorizeCredentials(ch, email, password);
  if (user) limits.succeeded(account, address);
  else limits.failed(account, address);
  return user;
}
