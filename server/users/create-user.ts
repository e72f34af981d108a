// Creates an account: email normalised and unique, password hashed, organization and role checked.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clickhouse } from '@/clickhouse/client';
import { tenancy, type User } from '@/clickhouse/queries/tenancy';
import { ROLES } from '@/clickhouse/vocabulary';
import { CLIENT_ROLES, OUTSOURCER_ROLES } from '@/server/tenancy/roles';
import { hashPassword } from '@/server/auth/password';

export const newUserInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  name: z.string().trim().min(1).max(120),
  password: z.string().min(8).max(200),
  role: z.enum(ROLES),
  orgId: z.string().min(1),
  agentCode: z.string().max(64).default(''),
  team: z.string().max(120).default(''),
});

export class UserInputError extends Error {}


// The server process is the only writer, so check-then-insert cannot race with another writer.
export async function createUser(ch: Clickhouse, raw: z.input<typeof newUserInput>): Promise<User> {
  const input = newUserInput.parse(raw);
  const org = await tenancy.organization(ch, input.orgId);
  if (!org) throw new UserInputError('Unknown organization');
  const allowed = org.kind === 'client' ? CLIENT_ROLES : OUTSOURCER_ROLES;
  if (!allowed.includes(input.role)) throw new UserInputError(`A ${org.kind} organization has no ${input.role} role`);
  if (await tenancy.userByEmail(ch, input.email)) throw new UserInputError(`An account already uses ${input.email}`);
  const user: User = {
    id: randomUUID(),
    email: input.email,
    name: input.name,
    password_hash: await hashPassword(input.password),
    role: input.role,
    org_id: org.id,
    agent_code: input.agentCode,
    team: input.team,
  };
  await tenancy.putUsers(ch, [user]);
  return user;
}
