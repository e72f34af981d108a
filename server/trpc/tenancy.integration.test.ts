// Tenant isolation through the real tRPC router on a real chDB engine: every role, every foreign object.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenancy, type Campaign } from '@/clickhouse/queries/tenancy';
import { authorizeCredentials } from '@/server/auth/credentials';
import type { SessionUser } from '@/server/auth/session-user';
import { DEMO_PASSWORD, seedDemo } from '@/server/seed/demo';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { createUser } from '@/server/users/create-user';
import { createCaller } from './root';
import { userMessageOf } from './user-error';

let engine: TestEngine;
let campaigns: Campaign[];
const users = new Map<string, SessionUser>();

// Who should see which campaign codes; OTHER-IN belongs to a second outsourcer serving Acme.
const EXPECTED: Record<string, string[]> = {
  'admin@callpro.test': ['ACME-IN', 'ACME-OUT', 'HORIZON-IN', 'HORIZON-OUT'],
  'manager@callpro.test': ['ACME-IN', 'ACME-OUT', 'HORIZON-IN', 'HORIZON-OUT'],
  'quality@callpro.test': ['ACME-IN', 'ACME-OUT', 'HORIZON-IN', 'HORIZON-OUT'],
  'agent1@callpro.test': ['ACME-IN', 'ACME-OUT'],
  'agent3@callpro.test': ['HORIZON-IN', 'HORIZON-OUT'],
  'client@acme.test': ['ACME-IN', 'ACME-OUT', 'OTHER-IN'],
  'client@horizon.test': ['HORIZON-IN', 'HORIZON-OUT'],
  'boss@other.test': ['OTHER-IN'],
};

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
  const acme = (await tenancy.userByEmail(engine.ch, 'client@acme.test'))!;
  const manager = (await tenancy.userByEmail(engine.ch, 'manager@callpro.test'))!;
  await tenancy.putOrganizations(engine.ch, [{ id: 'org-other', name: 'OtherCenter', kind: 'outsourcer' }]);
  await tenancy.putPartnerships(engine.ch, [{ id: 'p-other', outsourcer_org_id: 'org-other', client_org_id: acme.org_id, name: 'Other × Acme' }]);
  const template = (await tenancy.campaignsOfPartnerships(engine.ch, [(await tenancy.partnershipsOfOrg(engine.ch, acme.org_id))[0]!.id]))[0]!;
  await tenancy.putCampaigns(engine.ch, [{ ...template, id: 'c-other', code: 'OTHER-IN', partnership_id: 'p-other', name: 'Other inbound' }]);
  await tenancy.putUsers(engine.ch, [{ ...manager, id: 'u-other', email: 'boss@other.test', org_id: 'org-other' }]);
  const partnerships = (await tenancy.partnershipsOfOrg(engine.ch, acme.org_id)).concat(await tenancy.partnershipsOfOrg(engine.ch, manager.org_id));
  campaigns = await tenancy.campaignsOfPartnerships(engine.ch, [...new Set(partnerships.map((p) => p.id))]);
  for (const email of Object.keys(EXPECTED)) users.set(email, (await authorizeCredentials(engine.ch, email, DEMO_PASSWORD))!);
});
afterAll(() => engine.close());

const caller = (user: SessionUser | null) => createCaller({ ch: engine.ch, user, now: Date.now });

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'OK';
  } catch (err) {
    return err instanceof TRPCError ? err.code : String(err);
  }
}

describe.each(Object.keys(EXPECTED))('%s', (email) => {
  it('lists exactly its campaigns', async () => {
    const listed = await caller(users.get(email)!).campaigns.list();
    expect(listed.map((c) => c.code).sort()).toEqual(EXPECTED[email]);
  });

  it('gets NOT_FOUND for every campaign and partnership outside its scope, by id', async () => {
    const api = caller(users.get(email)!);
    for (const c of campaigns) {
      const visible = EXPECTED[email]!.includes(c.code);
      expect(await codeOf(api.campaigns.get({ campaignId: c.id })), c.code).toBe(visible ? 'OK' : 'NOT_FOUND');
    }
    const visiblePartnerships = new Set(campaigns.filter((c) => EXPECTED[email]!.includes(c.code)).map((c) => c.partnership_id));
    for (const pid of new Set(campaigns.map((c) => c.partnership_id))) {
      const expected = visiblePartnerships.has(pid) ? 'OK' : 'NOT_FOUND';
      expect(await codeOf(api.partnerships.get({ id: pid })), pid).toBe(expected);
      expect(await codeOf(api.campaigns.list({ partnershipId: pid })), pid).toBe(expected);
    }
    expect(await codeOf(api.campaigns.get({ campaignId: 'no-such-campaign' }))).toBe('NOT_FOUND');
  });
});

describe('roles and authentication', () => {
  it('answers UNAUTHORIZED to every procedure without a session', async () => {
    const api = caller(null);
    const calls = [api.home.me(), api.home.summary(), api.campaigns.list(), api.campaigns.get({ campaignId: campaigns[0]!.id }),
      api.partnerships.list(), api.partnerships.get({ id: campaigns[0]!.partnership_id }), api.team.agents(), api.team.users()];
    for (const call of calls) expect(await codeOf(call)).toBe('UNAUTHORIZED');
  });

  it('answers UNAUTHORIZED to a session whose account was deleted', async () => {
    const agent = (await tenancy.userByEmail(engine.ch, 'agent4@callpro.test'))!;
    const session = (await authorizeCredentials(engine.ch, 'agent4@callpro.test', DEMO_PASSWORD))!;
    expect(await codeOf(caller(session).campaigns.list())).toBe('OK');
    await engine.ch.insert({ table: 'users', values: [{ ...agent, version: Date.now() * 1000 + 999_999, deleted: 1 }], format: 'JSONEachRow' });
    expect(await codeOf(caller(session).campaigns.list())).toBe('UNAUTHORIZED');
  });

  it('takes the role from the stored account, not from the session: a manager made quality analyst is one at once', async () => {
    const session = users.get('manager@callpro.test')!;
    const stored = (await tenancy.userByEmail(engine.ch, 'boss@other.test'))!;
    // A token that still says manager for an account now stored as a quality analyst.
    await tenancy.putUsers(engine.ch, [{ ...stored, role: 'quality' }]);
    const stale = { ...session, id: stored.id, role: 'manager' as const, orgId: stored.org_id };
    expect((await caller(stale).home.me()).role).toBe('quality');
    expect(await codeOf(caller(stale).apiKeys.list())).toBe('FORBIDDEN');
    await tenancy.putUsers(engine.ch, [stored]);
  });

  it('keeps the team list to managers, quality and admins, and the user list to admins', async () => {
    const roleOf = (email: string) => caller(users.get(email)!);
    for (const [email, agents, usersList] of [
      ['admin@callpro.test', 'OK', 'OK'],
      ['manager@callpro.test', 'OK', 'FORBIDDEN'],
      ['quality@callpro.test', 'OK', 'FORBIDDEN'],
      ['agent1@callpro.test', 'FORBIDDEN', 'FORBIDDEN'],
      ['client@acme.test', 'FORBIDDEN', 'FORBIDDEN'],
    ] as const) {
      expect(await codeOf(roleOf(email).team.agents()), email).toBe(agents);
      expect(await codeOf(roleOf(email).team.users()), email).toBe(usersList);
    }
  });

  it('never sends password hashes to the admin user list', async () => {
    const list = await caller(users.get('admin@callpro.test')!).team.users();
    // agent4 was deleted by the test above: a tombstone hides it from reads.
    expect(list.map((u) => u.email).sort()).toEqual(['admin@callpro.test', ...[1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => `agent${n}@callpro.test`),
      'manager@callpro.test', 'quality@callpro.test'].sort());
    for (const u of list) expect(u).not.toHaveProperty('password_hash');
  });

  it('shows a manager only its own organization agents with campaigns in scope', async () => {
    const agents = await caller(users.get('boss@other.test')!).team.agents();
    expect(agents).toEqual([]);
  });
});

describe('the contact center’s own procedures', () => {
  /** The code and message key of a refusal: what the person reads. */
  async function refusalOf(call: Promise<unknown>): Promise<string> {
    try {
      await call;
      return 'OK';
    } catch (err) {
      if (!(err instanceof TRPCError)) throw err;
      return `${err.code} ${userMessageOf(err)?.key ?? ''}`.trim();
    }
  }

  it('refuses a client’s users FORBIDDEN, each with what the procedure is for, on the client’s own campaigns too', async () => {
    const acme = (await tenancy.userByEmail(engine.ch, 'client@acme.test'))!;
    await createUser(engine.ch, { email: 'admin@acme.test', name: 'Alice Admin Acme', password: DEMO_PASSWORD, role: 'admin', orgId: acme.org_id });
    const admin = caller((await authorizeCredentials(engine.ch, 'admin@acme.test', DEMO_PASSWORD))!);
    const own = campaigns.find((c) => c.code === 'ACME-IN')!;
    const range = { from: Date.UTC(2026, 2, 1), to: Date.UTC(2026, 3, 1) };
    const settings = { name: 'Réécrite', direction: 'inbound', dial_mode: 'none' } as const;
    const expected: [string, Promise<unknown>, string][] = [
      ['kpi.agents', admin.kpi.agents(range), 'error.comparisonOutsourcer'],
      ['apiKeys.list', admin.apiKeys.list(), 'error.apiKeysOutsourcer'],
      ['apiKeys.create', admin.apiKeys.create({ name: 'clé' }), 'error.apiKeysOutsourcer'],
      ['contacts.optOutLists', admin.contacts.optOutLists(), 'error.optOutOutsourcer'],
      ['campaigns.create', admin.campaigns.create({ partnershipId: own.partnership_id, code: 'ACME-NEW', settings }), 'error.campaignsOutsourcer'],
      ['campaigns.update', admin.campaigns.update({ campaignId: own.id, settings }), 'error.campaignsOutsourcer'],
      ['cdrImport.chunk', admin.cdrImport.chunk({ campaignId: own.id, timeZone: 'Europe/Paris', firstLine: 2, rows: [] }), 'error.cdrImportOutsourcer'],
      // The campaign is the client's to see: "no such campaign" would be untrue.
      ['dialer.configure', admin.dialer.configure({ campaignId: own.id, abandonTarget: 0.02 }), 'error.outsourcerOnly'],
      ['people.teams.list', admin.people.teams.list(), 'error.outsourcerOnly'],
      ['people.assignments.set', admin.people.assignments.set({ campaignId: own.id, userId: acme.id, assigned: true }), 'error.outsourcerOnly'],
      ['people.clients.list', admin.people.clients.list(), 'error.outsourcerOnly'],
      ['people.clients.create', admin.people.clients.create({ name: 'X', adminName: 'X', adminEmail: 'x@x.test' }), 'error.outsourcerOnly'],
    ];
    for (const [path, call, key] of expected) expect(await refusalOf(call), path).toBe(`FORBIDDEN ${key}`);
    // A campaign outside the scope is still one that does not exist, before anything else is said.
    const foreign = campaigns.find((c) => c.code === 'HORIZON-IN')!;
    expect(await refusalOf(admin.dialer.configure({ campaignId: foreign.id, abandonTarget: 0.02 }))).toBe('NOT_FOUND error.noSuch.campaign');
    expect(await refusalOf(admin.campaigns.update({ campaignId: foreign.id, settings }))).toBe('NOT_FOUND error.noSuch.campaign');
    // The contact center's own staff pass the check.
    const callpro = caller(users.get('admin@callpro.test')!);
    expect(await refusalOf(callpro.people.clients.list())).toBe('OK');
    expect(await refusalOf(callpro.apiKeys.list())).toBe('OK');
    expect(await refusalOf(callpro.kpi.agents(range))).toBe('OK');
  });
});
