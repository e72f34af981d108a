// People (issue 20): accounts created by an admin with a one-time link, edited, deactivated and reactivated; password
// links; teams with a lead; agents' campaign assignments; client organizations with their partnership and first
// admin. Every check is made before the audit line is written, and every change goes through `audited`.
// Tenancy: the caller's scope decides which organization is worked on; every id taken from input is checked to
// belong to it (or, for an assignment, the campaign to the caller's scope and the agent to its organization).
import { randomUUID } from 'node:crypto';
import type { Clickhouse } from '@/clickhouse/client';
import { peopleSql, type LinkPurpose, type PasswordLink, type Team } from '@/clickhouse/queries/people';
import { tenancy, type User } from '@/clickhouse/queries/tenancy';
import type { Role } from '@/clickhouse/vocabulary';
import { audited, type AuditActor, type AuditEntry } from '@/server/audit/record';
import { endSessionsOfUser } from '@/server/auth/ended-sessions';
import { hashPassword } from '@/server/auth/password';
import { currentDialer } from '@/server/dialer/instance';
import { CLIENT_ROLES, OUTSOURCER_ROLES } from '@/server/tenancy/roles';
import type { OutsourcerScope, Scope } from '@/server/tenancy/scope';
import type { RefusalKey } from '@/server/trpc/refusals';
import { TRPCError } from '@trpc/server';
import { userError } from '@/server/trpc/user-error';
import { hashToken, isTokenShaped, LINK_TTL_MS, linkPath, linkState, newToken, type LinkState } from './links';
import { passwordProblems } from './password-rules';

export interface Who<S extends Scope = Scope> {
  ch: Clickhouse;
  scope: S;
  actor: AuditActor;
}
/** A user of an outsourcer organization: the procedures reserved to it (server/trpc/init.ts `outsourcerProcedure`) check it. */
type OutsourcerWho = Who<OutsourcerScope>;

/** A refusal of one field of a form: the portal shows it under that field, in the user's language. */
function refuse(code: 'BAD_REQUEST' | 'CONFLICT' | 'NOT_FOUND' | 'FORBIDDEN', key: RefusalKey, field: string, vars: Record<string, string> = {}) {
  return userError(code, key, { ...vars, field });
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const AGENT_CODE = /^[A-Za-z0-9_-]{1,32}$/;

/** A user as the admin pages show it: never its password hash. */
export interface PersonView {
  id: string;
  email: string;
  name: string;
  role: Role;
  agentCode: string;
  team: string;
  active: boolean;
}
export const viewOf = (u: User): PersonView => ({
  id: u.id, email: u.email, name: u.name, role: u.role, agentCode: u.agent_code, team: u.team, active: u.active !== 0,
});

export const rolesOfKind = (kind: 'outsourcer' | 'client') => (kind === 'client' ? CLIENT_ROLES : OUTSOURCER_ROLES);

/** A user of the caller's organization, or "no such user". */
async function ownUser(w: Who, userId: string): Promise<User> {
  const user = await tenancy.userById(w.ch, userId);
  if (!user || user.org_id !== w.scope.orgId) throw userError('NOT_FOUND', 'error.noSuch.user');
  return user;
}

export function listPeople(w: Pick<Who, 'ch' | 'scope'>): Promise<PersonView[]> {
  return tenancy.usersOfOrg(w.ch, w.scope.orgId).then((users) => users.map(viewOf));
}

export interface NewPerson {
  name: string;
  email: string;
  role: Role;
  agentCode?: string;
  team?: string;
}

interface CheckedPerson { name: string; email: string; role: Role; agentCode: string; team: string }

/** Validates a new account of `orgId` (of `kind`), field by field, before anything is written. */
async function checkNew(
  ch: Clickhouse, orgId: string, kind: 'outsourcer' | 'client', p: NewPerson, fields = { name: 'name', email: 'email' },
): Promise<CheckedPerson> {
  const name = p.name.trim();
  const email = p.email.trim().toLowerCase();
  if (!name || name.length > 120) throw refuse('BAD_REQUEST', 'error.nameRequired', fields.name);
  if (!EMAIL.test(email) || email.length > 254) throw refuse('BAD_REQUEST', 'error.emailInvalid', fields.email);
  if (!rolesOfKind(kind).includes(p.role)) throw refuse('BAD_REQUEST', 'error.roleNotForOrg', 'role', { role: p.role });
  const agentCode = p.role === 'agent' ? (p.agentCode ?? '').trim() : '';
  if (p.role === 'agent' && !AGENT_CODE.test(agentCode)) throw refuse('BAD_REQUEST', 'error.agentCodeRequired', 'agentCode');
  if (await tenancy.userByEmail(ch, email)) throw refuse('CONFLICT', 'error.emailTaken', fields.email, { email });
  const users = await tenancy.usersOfOrg(ch, orgId);
  if (agentCode && users.some((u) => u.agent_code.toLowerCase() === agentCode.toLowerCase())) {
    throw refuse('CONFLICT', 'error.agentCodeTaken', 'agentCode', { code: agentCode });
  }
  const team = await checkTeamName(ch, orgId, p.team ?? '');
  return { name, email, role: p.role, agentCode, team };
}

async function checkTeamName(ch: Clickhouse, orgId: string, team: string): Promise<string> {
  const name = team.trim();
  if (!name) return '';
  if (!(await peopleSql.teamsOfOrg(ch, orgId)).some((t) => t.name === name)) throw refuse('BAD_REQUEST', 'error.noSuch.teamName', 'team');
  return name;
}

/** An account without a usable password yet: its first password is set through the link. */
async function unusablePassword(): Promise<string> {
  return hashPassword(`unset:${newToken()}`, 4);
}

export interface IssuedLink {
  /** Relative to the portal: `/set-password/<token>`. Shown once; only its hash is stored. */
  path: string;
  expiresAt: number;
}

/** A new link of the user: the row to store (only the token's hash) and what the admin is shown once. */
function newLink(user: Pick<User, 'id' | 'org_id'>, purpose: LinkPurpose, by: AuditActor, now = Date.now()): { row: PasswordLink; issued: IssuedLink } {
  const token = newToken();
  const expiresAt = now + LINK_TTL_MS;
  const row = { token_hash: hashToken(token), user_id: user.id, org_id: user.org_id, purpose, created_by: by.email, created_at: now, expires_at: expiresAt, used_at: null };
  return { row, issued: { path: linkPath(token), expiresAt } };
}

async function issueLink(ch: Clickhouse, user: Pick<User, 'id' | 'org_id'>, purpose: LinkPurpose, by: AuditActor): Promise<IssuedLink> {
  const { row, issued } = newLink(user, purpose, by);
  await peopleSql.putLink(ch, row);
  return issued;
}

/** Creates an account of the caller's organization and the one-time link its owner sets a password with. */
export async function createPerson(w: Who, p: NewPerson): Promise<{ user: PersonView; link: IssuedLink }> {
  const checked = await checkNew(w.ch, w.scope.orgId, w.scope.orgKind, p);
  return createChecked(w.ch, w.actor, w.scope.orgId, checked, [w.scope.orgId]);
}

async function newUser(orgId: string, p: CheckedPerson): Promise<User> {
  return {
    id: randomUUID(), email: p.email, name: p.name, password_hash: await unusablePassword(), role: p.role, org_id: orgId,
    agent_code: p.agentCode, team: p.team, active: 1,
  };
}

const userCreated = (user: User, orgIds: string[]): AuditEntry => ({
  action: 'user.create', subject: { type: 'user', id: user.id }, orgIds, summary: `User ${user.email} created as ${user.role}`,
  detail: { email: user.email, name: user.name, role: user.role, agentCode: user.agent_code, team: user.team },
});

async function createChecked(ch: Clickhouse, actor: AuditActor, orgId: string, p: CheckedPerson, orgIds: string[]) {
  const user = await newUser(orgId, p);
  const entry = userCreated(user, orgIds);
  const link = await audited(ch, actor, entry, async () => {
    await tenancy.putUsers(ch, [user]);
    return issueLink(ch, user, 'create', actor);
  });
  return { user: viewOf(user), link };
}

export interface PersonChange {
  userId: string;
  name?: string;
  role?: Role;
  team?: string;
  agentCode?: string;
}

/** Edits name, team, agent code (user.update) and role (user.role: the user's sessions end). */
export async function updatePerson(w: Who, c: PersonChange): Promise<PersonView> {
  const user = await ownUser(w, c.userId);
  const next: User = { ...user };
  if (c.name !== undefined) {
    next.name = c.name.trim();
    if (!next.name || next.name.length > 120) throw refuse('BAD_REQUEST', 'error.nameRequired', 'name');
  }
  if (c.role !== undefined && c.role !== user.role) {
    if (user.id === w.scope.userId) throw refuse('FORBIDDEN', 'error.notYourself', 'role');
    if (!rolesOfKind(w.scope.orgKind).includes(c.role)) throw refuse('BAD_REQUEST', 'error.roleNotForOrg', 'role', { role: c.role });
    next.role = c.role;
  }
  if (c.team !== undefined) next.team = await checkTeamName(w.ch, w.scope.orgId, c.team);
  if (c.agentCode !== undefined) next.agent_code = c.agentCode.trim();
  if (next.role === 'agent') {
    if (!AGENT_CODE.test(next.agent_code)) throw refuse('BAD_REQUEST', 'error.agentCodeRequired', 'agentCode');
    const others = (await tenancy.usersOfOrg(w.ch, w.scope.orgId)).filter((u) => u.id !== user.id);
    if (others.some((u) => u.agent_code.toLowerCase() === next.agent_code.toLowerCase())) {
      throw refuse('CONFLICT', 'error.agentCodeTaken', 'agentCode', { code: next.agent_code });
    }
  }
  const fields = (['name', 'team', 'agent_code'] as const).filter((k) => next[k] !== user[k]);
  const roleChanged = next.role !== user.role;
  if (fields.length) {
    const entry = {
      action: 'user.update', subject: { type: 'user', id: user.id }, orgIds: [w.scope.orgId], summary: `User ${user.email} edited (${fields.join(', ')})`,
      detail: Object.fromEntries(fields.map((k) => [k, { before: user[k], after: next[k] }])),
    } as const;
    await audited(w.ch, w.actor, entry, () => tenancy.putUsers(w.ch, [{ ...next, role: user.role }]));
  }
  if (roleChanged) {
    const entry = {
      action: 'user.role', subject: { type: 'user', id: user.id }, orgIds: [w.scope.orgId], summary: `User ${user.email}: role ${user.role} → ${next.role}`,
      detail: { before: user.role, after: next.role },
    } as const;
    await audited(w.ch, w.actor, entry, async () => {
      await tenancy.putUsers(w.ch, [next]);
      await endSessionsOfUser(w.ch, user.id);
    });
    await currentDialer().dialer?.agentChanged(user.id);
  }
  return viewOf(next);
}

/** Deactivates (sessions end at their next request, sign-in refused, the dialer drops the agent) or reactivates. */
export async function setActive(w: Who, userId: string, active: boolean): Promise<PersonView> {
  const user = await ownUser(w, userId);
  if (!active && user.id === w.scope.userId) throw refuse('FORBIDDEN', 'error.notYourself', 'userId');
  if ((user.active !== 0) === active) return viewOf(user);
  const next = { ...user, active: active ? 1 : 0 };
  const entry = {
    action: active ? 'user.reactivate' : 'user.deactivate', subject: { type: 'user', id: user.id }, orgIds: [w.scope.orgId],
    summary: `User ${user.email} ${active ? 'reactivated' : 'deactivated'}`,
  } as const;
  await audited(w.ch, w.actor, entry, async () => {
    if (!active) await endSessionsOfUser(w.ch, user.id);
    await tenancy.putUsers(w.ch, [next]);
  });
  await currentDialer().dialer?.agentChanged(user.id);
  return viewOf(next);
}

/** A new one-time link for the user; the current password stops working and the user's sessions end. */
export async function resetPassword(w: Who, userId: string): Promise<IssuedLink> {
  const user = await ownUser(w, userId);
  const entry = { action: 'user.password_reset', subject: { type: 'user', id: user.id }, orgIds: [w.scope.orgId], summary: `Password of ${user.email} reset (one-time link issued)` } as const;
  return audited(w.ch, w.actor, entry, async () => {
    await tenancy.putUsers(w.ch, [{ ...user, password_hash: await unusablePassword() }]);
    await endSessionsOfUser(w.ch, user.id);
    return issueLink(w.ch, user, 'reset', w.actor);
  });
}

/** What the set-password page shows before the form: whether the link can be used, and for whom. */
export async function inspectLink(ch: Clickhouse, token: string, now = Date.now()): Promise<{ state: LinkState; email?: string; purpose?: LinkPurpose }> {
  if (!isTokenShaped(token)) return { state: 'unknown' };
  const link = await peopleSql.linkByHash(ch, hashToken(token));
  const state = linkState(link, now);
  if (state !== 'valid' || !link) return { state };
  const user = await tenancy.userById(ch, link.user_id);
  if (!user) return { state: 'unknown' };
  return { state, email: user.email, purpose: link.purpose };
}

export class LinkRefused extends Error {
  constructor(readonly key: RefusalKey, readonly problems: RefusalKey[] = []) {
    super(key);
  }
}

/**
 * The user sets a password with a link: the link must be valid, the password follow the rules. The link is spent,
 * the password stored and the user's other sessions end. The one process writing makes check-then-spend safe.
 */
export async function setPasswordWithLink(ch: Clickhouse, token: string, password: string, now = Date.now()): Promise<{ email: string }> {
  const link = isTokenShaped(token) ? await peopleSql.linkByHash(ch, hashToken(token)) : undefined;
  const state = linkState(link, now);
  if (state !== 'valid' || !link) throw new LinkRefused(`error.link.${state === 'valid' ? 'unknown' : state}`);
  const user = await tenancy.userById(ch, link.user_id);
  if (!user) throw new LinkRefused('error.link.unknown');
  const problems = passwordProblems(password, user.email);
  if (problems.length) throw new LinkRefused(problems[0]!, problems);
  const entry = { action: 'user.password_set', subject: { type: 'user', id: user.id }, orgIds: [user.org_id], summary: `Password of ${user.email} set with a one-time link` } as const;
  await audited(ch, { id: user.id, email: user.email }, entry, async () => {
    await peopleSql.putLink(ch, { ...link, used_at: now });
    await tenancy.putUsers(ch, [{ ...user, password_hash: await hashPassword(password) }]);
    await endSessionsOfUser(ch, user.id, now);
  }, now);
  return { email: user.email };
}

// Teams -----------------------------------------------------------------------------------------------------------

export interface TeamView extends Team {
  lead: string;
  members: { id: string; name: string }[];
}

export async function listTeams(w: Pick<Who, 'ch' | 'scope'>): Promise<TeamView[]> {
  const [teams, users] = await Promise.all([peopleSql.teamsOfOrg(w.ch, w.scope.orgId), tenancy.usersOfOrg(w.ch, w.scope.orgId)]);
  return teams.map((t) => ({
    ...t,
    lead: users.find((u) => u.id === t.lead_user_id)?.name ?? '',
    members: users.filter((u) => u.team === t.name).map((u) => ({ id: u.id, name: u.name })),
  }));
}

export interface TeamChange {
  teamId?: string;
  name: string;
  leadUserId: string;
  /** The agents of the team; the others who were in it leave it. */
  memberIds: string[];
}

/** Creates or edits a team of the caller's organization: its name, its lead (a manager or agent of the org), its agents. */
export async function saveTeam(w: Who, c: TeamChange): Promise<TeamView> {
  const teams = await peopleSql.teamsOfOrg(w.ch, w.scope.orgId);
  const existing = c.teamId ? teams.find((t) => t.id === c.teamId) : undefined;
  if (c.teamId && !existing) throw userError('NOT_FOUND', 'error.noSuch.team');
  const users = await tenancy.usersOfOrg(w.ch, w.scope.orgId);
  const lead = users.find((u) => u.id === c.leadUserId);
  if (!lead) throw userError('NOT_FOUND', 'error.noSuch.user');
  const members = c.memberIds.map((id) => users.find((u) => u.id === id));
  if (members.some((m) => !m)) throw userError('NOT_FOUND', 'error.noSuch.user');
  const name = c.name.trim();
  if (!name || name.length > 80) throw refuse('BAD_REQUEST', 'error.teamName', 'name');
  if (teams.some((t) => t.name.toLowerCase() === name.toLowerCase() && t.id !== existing?.id)) throw refuse('CONFLICT', 'error.teamTaken', 'name');
  if (!['manager', 'agent'].includes(lead.role) || lead.active === 0) throw refuse('BAD_REQUEST', 'error.teamLead', 'leadUserId');
  if (members.some((m) => m!.role !== 'agent')) throw refuse('BAD_REQUEST', 'error.notAgent', 'memberIds');
  const team: Team = { id: existing?.id ?? randomUUID(), org_id: w.scope.orgId, name, lead_user_id: lead.id };
  const memberSet = new Set(c.memberIds);
  const oldName = existing?.name;
  const moved = users.flatMap((u): User[] => {
    const inNow = memberSet.has(u.id);
    const wasIn = oldName !== undefined && u.team === oldName;
    if (inNow && u.team !== name) return [{ ...u, team: name }];
    if (!inNow && wasIn) return [{ ...u, team: '' }];
    return [];
  });
  const entry = {
    action: 'team.update', subject: { type: 'team', id: team.id }, orgIds: [w.scope.orgId],
    summary: existing ? `Team ${name} edited` : `Team ${name} created`,
    detail: { name: { before: oldName ?? null, after: name }, lead: lead.email, members: c.memberIds.length, moved: moved.map((u) => u.email) },
  } as const;
  await audited(w.ch, w.actor, entry, async () => {
    await peopleSql.putTeam(w.ch, team);
    await tenancy.putUsers(w.ch, moved);
  });
  return (await listTeams(w)).find((t) => t.id === team.id)!;
}

// Assignments -----------------------------------------------------------------------------------------------------

/**
 * Assigns an agent to a campaign of the caller's scope, or takes it off: the agent must be an active agent of the
 * caller's organization (the campaign's outsourcer). The dialer follows at once.
 */
export async function setAssignment(w: OutsourcerWho, campaignId: string, userId: string, assigned: boolean): Promise<{ assigned: boolean }> {
  if (!w.scope.campaignIds.has(campaignId)) throw userError('NOT_FOUND', 'error.noSuch.campaign');
  const user = await ownUser(w, userId);
  if (user.role !== 'agent' || (assigned && user.active === 0)) throw refuse('BAD_REQUEST', 'error.notAgent', 'userId');
  const now = (await tenancy.assignmentsOfUser(w.ch, user.id)).some((a) => a.campaign_id === campaignId);
  if (now === assigned) return { assigned };
  const row = { campaign_id: campaignId, user_id: user.id };
  const entry = {
    action: assigned ? 'assignment.add' : 'assignment.remove', subject: { type: 'assignment', id: `${campaignId}/${user.id}` }, orgIds: [w.scope.orgId],
    summary: `${user.email} ${assigned ? 'assigned to' : 'taken off'} campaign ${campaignId}`, detail: { campaignId, userId: user.id, agentCode: user.agent_code },
  } as const;
  await audited(w.ch, w.actor, entry, () => (assigned ? tenancy.putAssignments(w.ch, [row]) : tenancy.removeAssignments(w.ch, [row])));
  await currentDialer().dialer?.agentChanged(user.id);
  return { assigned };
}

// Client organizations --------------------------------------------------------------------------------------------

export interface ClientView {
  orgId: string;
  name: string;
  partnershipId: string;
  partnershipName: string;
  admins: PersonView[];
}

export async function listClients(w: Pick<OutsourcerWho, 'ch' | 'scope'>): Promise<ClientView[]> {
  const partnerships = (await tenancy.partnershipsOfOrg(w.ch, w.scope.orgId)).filter((p) => p.outsourcer_org_id === w.scope.orgId);
  const orgs = partnerships.length ? await tenancy.organizationsByIds(w.ch, partnerships.map((p) => p.client_org_id)) : [];
  return Promise.all(partnerships.map(async (p) => {
    const org = orgs.find((o) => o.id === p.client_org_id);
    const admins = (await tenancy.usersOfOrg(w.ch, p.client_org_id)).filter((u) => u.role === 'admin').map(viewOf);
    return { orgId: p.client_org_id, name: org?.name ?? '', partnershipId: p.id, partnershipName: p.name, admins };
  }));
}

export interface NewClient {
  name: string;
  partnershipName?: string;
  adminName: string;
  adminEmail: string;
}

/**
 * The outsourcer admin creates a client organization, its partnership with the outsourcer and its first admin (with a
 * link): all of it, or nothing. ClickHouse has no transactions, so (as the ingest's writer does for its rows):
 * - every check is made before the first write;
 * - the rows go in in an order where what is written so far shows nowhere: the organization, its admin and the
 *   admin's link are reached only through the partnership (the client list, the outsourcer's scope) and the link's
 *   token is shown only on success; the partnership, which makes the client appear, goes in last;
 * - a failure takes back what was written: a newer version of each row, marked deleted (the tenancy tables are
 *   ReplacingMergeTree by version), hides it from every read. A row whose write failed is taken back too, in case
 *   it reached the engine all the same.
 * The three audit lines go in together before the writes and are marked failed together ("échec : rien n'a
 * changé"): none reads `done` for a creation taken back.
 */
export async function createClient(w: OutsourcerWho, c: NewClient): Promise<{ client: ClientView; link: IssuedLink }> {
  const name = c.name.trim();
  if (!name || name.length > 200) throw refuse('BAD_REQUEST', 'error.orgName', 'name');
  const clients = await listClients(w);
  if (clients.some((x) => x.name.toLowerCase() === name.toLowerCase())) throw refuse('CONFLICT', 'error.orgNameTaken', 'name', { name });
  const org = { id: randomUUID(), name, kind: 'client' as const };
  // Every check before the first write: nothing is half-made when the admin's fields are refused.
  const checked = await checkNew(w.ch, org.id, 'client', { name: c.adminName, email: c.adminEmail, role: 'admin' }, { name: 'adminName', email: 'adminEmail' });
  const outsourcer = await tenancy.organization(w.ch, w.scope.orgId);
  const partnership = {
    id: randomUUID(), outsourcer_org_id: w.scope.orgId, client_org_id: org.id,
    name: (c.partnershipName ?? '').trim().slice(0, 200) || `${outsourcer?.name ?? ''} × ${name}`,
  };
  const user = await newUser(org.id, checked);
  const link = newLink(user, 'create', w.actor);
  const orgIds = [w.scope.orgId, org.id];
  const entries: AuditEntry[] = [
    { action: 'organization.create', subject: { type: 'organization', id: org.id }, orgIds, summary: `Client organization ${name} created` },
    {
      action: 'partnership.create', subject: { type: 'partnership', id: partnership.id }, orgIds, summary: `Partnership ${partnership.name} created`,
      detail: { outsourcer: w.scope.orgId, client: org.id },
    },
    userCreated(user, orgIds),
  ];
  const { ch } = w;
  const takeBack: (() => Promise<void>)[] = [];
  /** Writes a row, its taking back registered first: a write that fails may still have reached the engine. */
  const write = async (remove: () => Promise<void>, put: () => Promise<void>) => {
    takeBack.unshift(remove);
    await put();
  };
  try {
    await audited(ch, w.actor, entries, async () => {
      try {
        await write(() => tenancy.removeOrganizations(ch, [org]), () => tenancy.putOrganizations(ch, [org]));
        await write(() => tenancy.removeUsers(ch, [user]), () => tenancy.putUsers(ch, [user]));
        // Another creation may have taken the e-mail since the check: then neither keeps it (each is refused, and retried).
        if ((await tenancy.usersByEmail(ch, user.email)).some((u) => u.id !== user.id)) {
          throw refuse('CONFLICT', 'error.emailTaken', 'adminEmail', { email: user.email });
        }
        await write(() => peopleSql.removeLink(ch, link.row), () => peopleSql.putLink(ch, link.row));
        await write(() => tenancy.removePartnerships(ch, [partnership]), () => tenancy.putPartnerships(ch, [partnership]));
      } catch (err) {
        for (const remove of takeBack) {
          await remove().catch((e: Error) => console.error(`Client ${name} (${org.id}) not fully taken back after a failed creation: ${e.message}`));
        }
        throw err;
      }
    });
  } catch (err) {
    if (err instanceof TRPCError) throw err;
    console.error(`Client ${name} not created: ${(err as Error).message}`);
    throw userError('INTERNAL_SERVER_ERROR', 'error.clientNotCreated', { name });
  }
  const admin = viewOf(user);
  return { client: { orgId: org.id, name, partnershipId: partnership.id, partnershipName: partnership.name, admins: [admin] }, link: link.issued };
}
