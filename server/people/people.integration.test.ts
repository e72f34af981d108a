// People (issue 20) on a real engine with the demo data: accounts with one-time links, deactivation, role changes,
// client organizations and their admins, teams, assignments followed by the dialer, and the audit line of each change.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Clickhouse } from '@/clickhouse/client';
import { auditOfOrg } from '@/clickhouse/queries/audit';
import { selectRows } from '@/clickhouse/queries/rows';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { longestIdle } from '@/dialer/agents/agent-state';
import { Dialer } from '@/dialer/dialer';
import type { DialResult } from '@/dialer/sip/dialer-ua';
import { AccountDeactivated, authorizeCredentials } from '@/server/auth/credentials';
import { sessionEnded } from '@/server/auth/ended-sessions';
import type { SessionUser } from '@/server/auth/session-user';
import { setDialer } from '@/server/dialer/instance';
import { ingestSink } from '@/server/dialer/record-sink';
import { callerAs, codeOf, refusalOf } from '@/server/testing/callers';
import { openDemoEngine, type DemoEngine } from '@/server/testing/demo-engine';
import { createCaller } from '@/server/trpc/root';
import { refusalText } from '@/server/trpc/refusals';
import { createUser } from '@/server/users/create-user';
import { DEMO_PASSWORD } from '@/server/seed/demo';
import { LINK_TTL_MS } from './links';
import { inspectLink, LinkRefused, setPasswordWithLink } from './service';

let engine: DemoEngine;
let callproId: string;
const started = Date.now();
const NEW_PASSWORD = 'cheval-batterie-agrafe';
const tokenOf = (path: string) => path.split('/').pop()!;

beforeAll(async () => {
  engine = await openDemoEngine();
  callproId = (await tenancy.userByEmail(engine.ch, 'admin@callpro.test'))!.org_id;
});
afterAll(async () => {
  setDialer(null, 'no SIP proxy configured');
  await engine?.close();
});


/** A session as next-auth carries it, signed in at `at`: what the portal's tRPC context hands the procedures. */
const sessionOf = async (email: string, password = DEMO_PASSWORD) => (await authorizeCredentials(engine.ch, email, password))!;
const asSession = (user: SessionUser) => createCaller({ ch: engine.ch, user, now: Date.now });

describe('accounts and one-time links', () => {
  it('creates a user whose one-time link sets the password, who then signs in', async () => {
    const admin = await callerAs(engine.ch, 'admin@callpro.test');
    const { user, link } = await admin.people.users.create({ name: 'Nina Nouvelle', email: ' Nina@CallPro.test ', role: 'agent', agentCode: 'A21', team: 'Équipe Énergie' });
    expect(user).toMatchObject({ email: 'nina@callpro.test', role: 'agent', agentCode: 'A21', team: 'Équipe Énergie', active: true });
    expect(link.path).toMatch(/^\/set-password\/[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt - Date.now()).toBeGreaterThan(LINK_TTL_MS - 60_000);
    // Only the hash is stored.
    const stored = await selectRows<{ token_hash: string }>(engine.ch, 'SELECT token_hash FROM password_links');
    expect(stored.some((r) => r.token_hash.includes(tokenOf(link.path)))).toBe(false);
    // No password works before the link is used.
    expect(await authorizeCredentials(engine.ch, 'nina@callpro.test', DEMO_PASSWORD)).toBeNull();
    expect(await inspectLink(engine.ch, tokenOf(link.path))).toEqual({ state: 'valid', email: 'nina@callpro.test', purpose: 'create' });

    await expect(setPasswordWithLink(engine.ch, tokenOf(link.path), 'court')).rejects.toMatchObject({ key: 'error.password.short' });
    await expect(setPasswordWithLink(engine.ch, tokenOf(link.path), 'nina@callpro.test-2026')).rejects.toMatchObject({ key: 'error.password.email' });
    // Refused passwords leave the link valid.
    expect(await setPasswordWithLink(engine.ch, tokenOf(link.path), NEW_PASSWORD)).toEqual({ email: 'nina@callpro.test' });
    expect(await authorizeCredentials(engine.ch, 'nina@callpro.test', NEW_PASSWORD)).toMatchObject({ email: 'nina@callpro.test', role: 'agent' });
  });

  it('uses a link once, and not after it expires', async () => {
    const admin = await callerAs(engine.ch, 'admin@callpro.test');
    const { link } = await admin.people.users.create({ name: 'Oscar Once', email: 'oscar@callpro.test', role: 'quality' });
    const token = tokenOf(link.path);
    await setPasswordWithLink(engine.ch, token, NEW_PASSWORD);
    const again = await setPasswordWithLink(engine.ch, token, 'un-autre-mot-de-passe').catch((e: unknown) => e);
    expect(again).toBeInstanceOf(LinkRefused);
    expect((again as LinkRefused).key).toBe('error.link.used');
    expect(await inspectLink(engine.ch, token)).toEqual({ state: 'used' });
    expect(await authorizeCredentials(engine.ch, 'oscar@callpro.test', 'un-autre-mot-de-passe')).toBeNull();

    const user = (await tenancy.userByEmail(engine.ch, 'oscar@callpro.test'))!;
    const reset = await admin.people.users.resetPassword({ userId: user.id });
    // The old password stops working at once.
    expect(await authorizeCredentials(engine.ch, 'oscar@callpro.test', NEW_PASSWORD)).toBeNull();
    const late = Date.now() + LINK_TTL_MS + 1000;
    expect(await inspectLink(engine.ch, tokenOf(reset.path), late)).toEqual({ state: 'expired' });
    await expect(setPasswordWithLink(engine.ch, tokenOf(reset.path), NEW_PASSWORD, late)).rejects.toMatchObject({ key: 'error.link.expired' });
    await expect(setPasswordWithLink(engine.ch, 'x'.repeat(43), NEW_PASSWORD)).rejects.toMatchObject({ key: 'error.link.unknown' });
    expect(refusalText('fr', 'error.link.expired')).toContain('expiré');
  });

  it('refuses a duplicate e-mail with a clear message in both languages, and writes nothing', async () => {
    const admin = await callerAs(engine.ch, 'admin@callpro.test');
    const count = async () => (await selectRows<{ n: string }>(engine.ch, 'SELECT count() AS n FROM users'))[0]!.n;
    const audits = async () => (await auditOfOrg(engine.ch, { orgId: callproId, from: started, to: Date.now() + 1000, limit: 1000 })).length;
    const [users, lines] = [await count(), await audits()];
    const got = await refusalOf(admin.people.users.create({ name: 'Doublon', email: 'AGENT1@callpro.test', role: 'agent', agentCode: 'A77' }));
    expect(got).toMatchObject({ code: 'CONFLICT', key: 'error.emailTaken', field: 'email' });
    expect(refusalText('fr', 'error.emailTaken', got.vars)).toBe('Un compte utilise déjà l’adresse agent1@callpro.test : rien n’a été enregistré.');
    expect(refusalText('en', 'error.emailTaken', got.vars)).toBe('An account already uses agent1@callpro.test: nothing was saved.');
    // Another outsourcer's e-mail too (e-mails are unique across the product), and field by field refusals.
    expect(await refusalOf(admin.people.users.create({ name: 'Sans code', email: 'sanscode@callpro.test', role: 'agent' }))).toMatchObject({ key: 'error.agentCodeRequired', field: 'agentCode' });
    expect(await refusalOf(admin.people.users.create({ name: 'Code pris', email: 'codepris@callpro.test', role: 'agent', agentCode: 'a1' }))).toMatchObject({ key: 'error.agentCodeTaken', field: 'agentCode' });
    expect(await refusalOf(admin.people.users.create({ name: 'Client ?', email: 'cl@callpro.test', role: 'client' }))).toMatchObject({ key: 'error.roleNotForOrg', field: 'role' });
    expect(await refusalOf(admin.people.users.create({ name: ' ', email: 'vide@callpro.test', role: 'quality' }))).toMatchObject({ key: 'error.nameRequired', field: 'name' });
    expect(await refusalOf(admin.people.users.create({ name: 'Mauvais', email: 'pas-un-email', role: 'quality' }))).toMatchObject({ key: 'error.emailInvalid', field: 'email' });
    expect([await count(), await audits()]).toEqual([users, lines]);
  });
});

describe('the list of users', () => {
  it('shows them by role, then by name with numbers in their order (Agent 2 before Agent 10)', async () => {
    const { users } = await (await callerAs(engine.ch, 'admin@callpro.test')).people.users.list();
    const roles = users.map((u) => u.role);
    expect(roles).toEqual([...roles].sort());
    const demoAgents = users.filter((u) => /^Agent \d+$/.test(u.name)).map((u) => Number(u.name.split(' ')[1]));
    expect(demoAgents.length).toBeGreaterThanOrEqual(12);
    expect(demoAgents).toEqual([...demoAgents].sort((a, b) => a - b));
  });
});

describe('deactivation, reactivation, role change', () => {
  it('ends a deactivated user’s access at the next request and refuses sign-in; reactivation restores both', async () => {
    const admin = await callerAs(engine.ch, 'admin@callpro.test');
    const session = await sessionOf('quality@callpro.test');
    const signedInAt = Date.now() - 1000;
    const ref = { userId: session.id, sessionId: 'session-of-quality', signedInAt };
    expect(await codeOf(asSession(session).home.me())).toBe('OK');

    await admin.people.users.deactivate({ userId: session.id });
    // The session's next request: next-auth's cookie is ended, and the scope loader refuses the account anyway.
    expect(await sessionEnded(engine.ch, ref)).toBe(true);
    const refused = await refusalOf(asSession(session).home.me());
    expect(refused).toMatchObject({ code: 'UNAUTHORIZED', key: 'error.accountInactive' });
    await expect(authorizeCredentials(engine.ch, 'quality@callpro.test', DEMO_PASSWORD)).rejects.toBeInstanceOf(AccountDeactivated);
    // A wrong password learns nothing of the account.
    expect(await authorizeCredentials(engine.ch, 'quality@callpro.test', 'wrong-password!')).toBeNull();
    // An admin cannot lock themselves out.
    expect(await refusalOf(admin.people.users.deactivate({ userId: (await sessionOf('admin@callpro.test')).id }))).toMatchObject({ code: 'FORBIDDEN', key: 'error.notYourself' });

    await admin.people.users.reactivate({ userId: session.id });
    const again = await sessionOf('quality@callpro.test');
    expect(again).toMatchObject({ email: 'quality@callpro.test' });
    expect(await codeOf(asSession(again).home.me())).toBe('OK');
    // The session from before the deactivation stays over.
    expect(await sessionEnded(engine.ch, ref)).toBe(true);
    expect(await sessionEnded(engine.ch, { ...ref, sessionId: 'new', signedInAt: Date.now() + 1 })).toBe(false);
  });

  it('ends the session in every bundle of the process: the pages check a copy of the module the tRPC route did not write to', async () => {
    // Next.js compiles each route into its own bundle: another copy of ended-sessions.ts, which read its index earlier.
    vi.resetModules();
    const pagesCopy = await import('@/server/auth/ended-sessions');
    const manager = (await tenancy.userByEmail(engine.ch, 'manager@callpro.test'))!;
    const ref = { userId: manager.id, sessionId: 'manager-1', signedInAt: Date.now() - 1000 };
    expect(await pagesCopy.sessionEnded(engine.ch, ref)).toBe(false);
    const admin = await callerAs(engine.ch, 'admin@callpro.test');
    await admin.people.users.deactivate({ userId: manager.id });
    expect(await pagesCopy.sessionEnded(engine.ch, ref)).toBe(true);
    await admin.people.users.reactivate({ userId: manager.id });
  });

  it('ends the sessions of a user whose role changes, and the new role applies', async () => {
    const admin = await callerAs(engine.ch, 'admin@callpro.test');
    const user = (await tenancy.userByEmail(engine.ch, 'oscar@callpro.test'))!;
    const ref = { userId: user.id, sessionId: 'oscar-1', signedInAt: Date.now() - 1000 };
    expect(await sessionEnded(engine.ch, ref)).toBe(false);
    const after = await admin.people.users.update({ userId: user.id, role: 'manager', name: 'Oscar Promu' });
    expect(after).toMatchObject({ role: 'manager', name: 'Oscar Promu' });
    expect(await sessionEnded(engine.ch, ref)).toBe(true);
    expect(await tenancy.userById(engine.ch, user.id)).toMatchObject({ role: 'manager', name: 'Oscar Promu', active: 1 });
    // A password set with a link ends the others too.
    const reset = await admin.people.users.resetPassword({ userId: user.id });
    const before = { ...ref, sessionId: 'oscar-2', signedInAt: Date.now() - 1 };
    await new Promise((r) => setTimeout(r, 5));
    await setPasswordWithLink(engine.ch, tokenOf(reset.path), NEW_PASSWORD);
    expect(await sessionEnded(engine.ch, before)).toBe(true);
  });
});

describe('client organizations', () => {
  it('the outsourcer admin creates a client, its partnership and its first admin, who signs in with the link and manages their own users only', async () => {
    const admin = await callerAs(engine.ch, 'admin@callpro.test');
    const { client, link } = await admin.people.clients.create({ name: 'Bio Frais', adminName: 'Bérénice Bio', adminEmail: 'admin@biofrais.test' });
    expect(client).toMatchObject({ name: 'Bio Frais', partnershipName: 'CallPro × Bio Frais', admins: [{ email: 'admin@biofrais.test', role: 'admin' }] });
    expect((await admin.people.clients.list()).map((c) => c.name)).toContain('Bio Frais');
    expect(await refusalOf(admin.people.clients.create({ name: 'bio frais', adminName: 'X', adminEmail: 'x@biofrais.test' }))).toMatchObject({ code: 'CONFLICT', key: 'error.orgNameTaken', field: 'name' });
    expect(await refusalOf(admin.people.clients.create({ name: 'Autre', adminName: 'X', adminEmail: 'client@acme.test' }))).toMatchObject({ code: 'CONFLICT', key: 'error.emailTaken', field: 'adminEmail' });
    expect((await admin.people.clients.list()).map((c) => c.name)).not.toContain('Autre');

    await setPasswordWithLink(engine.ch, tokenOf(link.path), NEW_PASSWORD);
    const bio = asSession((await sessionOf('admin@biofrais.test', NEW_PASSWORD))!);
    expect((await bio.partnerships.list()).map((p) => p.id)).toEqual([client.partnershipId]);
    const { user: colleague } = await bio.people.users.create({ name: 'Colin Bio', email: 'colin@biofrais.test', role: 'client' });
    expect(await refusalOf(bio.people.users.create({ name: 'Agent ?', email: 'agent@biofrais.test', role: 'agent', agentCode: 'B1' }))).toMatchObject({ key: 'error.roleNotForOrg' });
    expect((await bio.people.users.list()).users.map((u) => u.email).sort()).toEqual(['admin@biofrais.test', 'colin@biofrais.test']);
    await bio.people.users.deactivate({ userId: colleague.id });

    // Nobody else's users: not the outsourcer's, not another client's.
    for (const email of ['client@acme.test', 'manager@callpro.test', 'agent1@callpro.test']) {
      const other = (await tenancy.userByEmail(engine.ch, email))!;
      for (const call of [
        bio.people.users.deactivate({ userId: other.id }), bio.people.users.resetPassword({ userId: other.id }),
        bio.people.users.update({ userId: other.id, name: 'Piraté' }), bio.people.users.reactivate({ userId: other.id }),
      ]) expect(await refusalOf(call)).toMatchObject({ code: 'NOT_FOUND', key: 'error.noSuch.user' });
      expect(await tenancy.userById(engine.ch, other.id)).toMatchObject({ name: other.name, active: 1 });
    }
    for (const call of [bio.people.clients.list(), bio.people.teams.list(), bio.people.clients.create({ name: 'X', adminName: 'X', adminEmail: 'x@x.test' })]) {
      expect(await codeOf(call)).toBe('FORBIDDEN');
    }
    // And the outsourcer's admin manages CallPro's users, not the client's.
    expect(await refusalOf(admin.people.users.deactivate({ userId: colleague.id }))).toMatchObject({ code: 'NOT_FOUND' });
    // A client admin the test makes the old way (the adversarial test's admin@acme.test) is refused the same.
    const acme = (await tenancy.userByEmail(engine.ch, 'client@acme.test'))!;
    await createUser(engine.ch, { email: 'admin@acme.test', name: 'Alice Admin Acme', password: DEMO_PASSWORD, role: 'admin', orgId: acme.org_id });
    const acmeAdmin = await callerAs(engine.ch, 'admin@acme.test');
    expect(await refusalOf(acmeAdmin.people.users.update({ userId: colleague.id, name: 'Piraté' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await acmeAdmin.people.users.list()).users.map((u) => u.email).sort()).toEqual(['admin@acme.test', 'client@acme.test']);
  });
});

describe('client creation, all or nothing', () => {
  type Insert = Clickhouse['insert'];
  /** The engine, but for inserts into `table`: `instead` runs in their place (a write failing half-way through). */
  const engineWith = (table: string, instead: (insert: Insert, params: Parameters<Insert>[0]) => ReturnType<Insert>): Clickhouse =>
    new Proxy(engine.ch, {
      get(target, key) {
        if (key === 'insert') return ((params: Parameters<Insert>[0]) => (params.table === table ? instead(target.insert.bind(target), params) : target.insert(params))) as Insert;
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const failing = (table: string) => engineWith(table, () => Promise.reject(new Error(`injected: the insert into ${table} failed`)));
  const adminOn = async (ch: Clickhouse) => createCaller({ ch, user: await sessionOf('admin@callpro.test'), now: Date.now });
  /** Live rows of the tables a client creation writes. */
  const liveRows = async () => Object.fromEntries(await Promise.all(['organizations', 'partnerships', 'users', 'password_links'].map(async (table) =>
    [table, Number((await selectRows<{ n: string }>(engine.ch, `SELECT count() AS n FROM ${table} FINAL WHERE deleted = 0`))[0]!.n)] as const)));
  const linesAbout = async (text: string) =>
    (await auditOfOrg(engine.ch, { orgId: callproId, from: started, to: Date.now() + 1000, limit: 1000 })).filter((l) => l.summary.includes(text));

  for (const table of ['users', 'password_links', 'partnerships']) {
    it(`leaves nothing of the creation when the write into ${table} fails, says so in French, and the same creation then succeeds`, async () => {
      const name = `Fantôme ${table}`;
      const email = `admin@fantome-${table.replace('_', '-')}.test`;
      const before = await liveRows();
      const got = await refusalOf((await adminOn(failing(table))).people.clients.create({ name, adminName: 'Fanny Fantôme', adminEmail: email }));
      expect(got).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', key: 'error.clientNotCreated' });
      expect(refusalText('fr', 'error.clientNotCreated', got.vars)).toBe(`Le client ${name} n’a pas pu être créé : rien n’a été enregistré. Réessayez dans un instant.`);
      // Nothing shows: no client listed, no organization, partnership, account or link left, no line saying it was done.
      const admin = await callerAs(engine.ch, 'admin@callpro.test');
      expect((await admin.people.clients.list()).map((c) => c.name)).not.toContain(name);
      expect(await liveRows()).toEqual(before);
      expect(await selectRows(engine.ch, 'SELECT id FROM organizations FINAL WHERE name = {name:String} AND deleted = 0', { name })).toEqual([]);
      expect(await tenancy.userByEmail(engine.ch, email)).toBeUndefined();
      const lines = await linesAbout(name).then(async (l) => l.concat(await linesAbout(email)));
      expect(lines.map((l) => l.action).sort()).toEqual(['organization.create', 'partnership.create', 'user.create']);
      expect(lines.every((l) => l.outcome === 'failed')).toBe(true);

      // Nothing of the attempt stands in the way: the same name and e-mail are free.
      const { client } = await admin.people.clients.create({ name, adminName: 'Fanny Fantôme', adminEmail: email });
      expect((await admin.people.clients.list()).find((c) => c.name === name)).toMatchObject({ orgId: client.orgId, admins: [{ email }] });
    });
  }

  it('refuses the e-mail when another account took it while the client was being created, and leaves nothing of it', async () => {
    const name = 'Course';
    const email = 'admin@course.test';
    const bio = (await tenancy.userByEmail(engine.ch, 'admin@biofrais.test'))!;
    // Between the checks and the writes, another creation takes the e-mail (its account goes in just before ours).
    const racing = engineWith('users', async (insert, params) => {
      if (JSON.stringify(params.values).includes(email) && !(await tenancy.userByEmail(engine.ch, email))) {
        await createUser(engine.ch, { email, name: 'Concurrent', password: DEMO_PASSWORD, role: 'client', orgId: bio.org_id });
      }
      return insert(params);
    });
    const before = await liveRows();
    const got = await refusalOf((await adminOn(racing)).people.clients.create({ name, adminName: 'Corinne Course', adminEmail: email }));
    expect(got).toMatchObject({ code: 'CONFLICT', key: 'error.emailTaken', field: 'adminEmail' });
    expect(refusalText('fr', 'error.emailTaken', got.vars)).toBe(`Un compte utilise déjà l’adresse ${email} : rien n’a été enregistré.`);
    const admin = await callerAs(engine.ch, 'admin@callpro.test');
    expect((await admin.people.clients.list()).map((c) => c.name)).not.toContain(name);
    // Only the other account is left.
    expect(await liveRows()).toEqual({ ...before, users: before.users! + 1 });
    expect((await tenancy.usersByEmail(engine.ch, email)).map((u) => u.name)).toEqual(['Concurrent']);
    expect((await linesAbout(name)).every((l) => l.outcome === 'failed')).toBe(true);
  });
});

describe('teams and assignments', () => {
  it('saves a team with a lead and its agents, checking they are of the organization', async () => {
    const manager = await callerAs(engine.ch, 'manager@callpro.test');
    const users = await tenancy.usersOfOrg(engine.ch, callproId);
    const id = (email: string) => users.find((u) => u.email === email)!.id;
    const team = await manager.people.teams.save({ name: 'Équipe Nuit', leadUserId: id('agent4@callpro.test'), memberIds: [id('agent3@callpro.test'), id('agent4@callpro.test')] });
    expect(team).toMatchObject({ name: 'Équipe Nuit', lead: 'Agent 4', members: [{ name: 'Agent 3' }, { name: 'Agent 4' }] });
    expect((await tenancy.userById(engine.ch, id('agent3@callpro.test')))!.team).toBe('Équipe Nuit');
    const renamed = await manager.people.teams.save({ teamId: team.id, name: 'Équipe Soir', leadUserId: id('manager@callpro.test'), memberIds: [id('agent3@callpro.test')] });
    expect(renamed.members.map((m) => m.name)).toEqual(['Agent 3']);
    expect((await tenancy.userById(engine.ch, id('agent4@callpro.test')))!.team).toBe('');
    expect(await refusalOf(manager.people.teams.save({ name: 'Équipe Énergie', leadUserId: id('manager@callpro.test'), memberIds: [] }))).toMatchObject({ key: 'error.teamTaken', field: 'name' });
    expect(await refusalOf(manager.people.teams.save({ name: 'X', leadUserId: id('quality@callpro.test'), memberIds: [] }))).toMatchObject({ key: 'error.teamLead' });
    const foreign = (await tenancy.userByEmail(engine.ch, 'client@acme.test'))!.id;
    expect(await refusalOf(manager.people.teams.save({ name: 'X', leadUserId: foreign, memberIds: [] }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusalOf(manager.people.teams.save({ teamId: team.id, name: 'X', leadUserId: id('manager@callpro.test'), memberIds: [foreign] }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('unassigning an agent stops the dialer offering them that campaign’s calls at once; reassigning and deactivating follow too', async () => {
    const telephony = { isConnected: true, dial: () => new Promise<DialResult>(() => {}) };
    const dialer = await Dialer.start(engine.ch, telephony, { sink: ingestSink(engine.ch) });
    setDialer(dialer);
    try {
      const manager = await callerAs(engine.ch, 'manager@callpro.test');
      const campaigns = await tenancy.campaignsOfPartnerships(engine.ch, [...(await tenancy.partnershipsOfOrg(engine.ch, callproId)).map((p) => p.id)]);
      const acmeOut = campaigns.find((c) => c.code === 'ACME-OUT')!;
      const horizonOut = campaigns.find((c) => c.code === 'HORIZON-OUT')!;
      const agent1 = (await tenancy.userByEmail(engine.ch, 'agent1@callpro.test'))!;
      await dialer.agentLogin('A1', 'agent-a1');
      expect(dialer.pool.get('A1')!.campaigns).toContain('ACME-OUT');
      expect(longestIdle(dialer.pool.list(), 'ACME-OUT')?.code).toBe('A1');

      expect(await manager.people.assignments.set({ campaignId: acmeOut.id, userId: agent1.id, assigned: false })).toEqual({ assigned: false });
      // What routing reads, at once: no call of ACME-OUT goes to A1 any more; ACME-IN still does.
      expect(dialer.pool.get('A1')!.campaigns).not.toContain('ACME-OUT');
      expect(longestIdle(dialer.pool.list(), 'ACME-OUT')).toBeUndefined();
      expect(dialer.pool.count('ACME-OUT', 'available')).toBe(0);
      expect(longestIdle(dialer.pool.list(), 'ACME-IN')?.code).toBe('A1');
      expect(await tenancy.agentCodesOfCampaigns(engine.ch, [acmeOut.id])).toEqual(['A2', 'A5', 'A6', 'A7', 'A8']);

      await manager.people.assignments.set({ campaignId: horizonOut.id, userId: agent1.id, assigned: true });
      expect(dialer.pool.get('A1')!.campaigns).toContain('HORIZON-OUT');
      await manager.people.assignments.set({ campaignId: acmeOut.id, userId: agent1.id, assigned: true });
      expect(longestIdle(dialer.pool.list(), 'ACME-OUT')?.code).toBe('A1');

      // Only an agent of the campaign's outsourcer, on a campaign of the caller's scope.
      const quality = (await tenancy.userByEmail(engine.ch, 'quality@callpro.test'))!;
      expect(await refusalOf(manager.people.assignments.set({ campaignId: acmeOut.id, userId: quality.id, assigned: true }))).toMatchObject({ key: 'error.notAgent' });
      const client = (await tenancy.userByEmail(engine.ch, 'client@acme.test'))!;
      expect(await refusalOf(manager.people.assignments.set({ campaignId: acmeOut.id, userId: client.id, assigned: true }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await refusalOf(manager.people.assignments.set({ campaignId: 'no-such', userId: agent1.id, assigned: true }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await codeOf((await callerAs(engine.ch, 'client@acme.test')).people.assignments.set({ campaignId: acmeOut.id, userId: agent1.id, assigned: false }))).toBe('FORBIDDEN');

      // A deactivated agent leaves the dialer at once and cannot log in to it.
      const admin = await callerAs(engine.ch, 'admin@callpro.test');
      await admin.people.users.deactivate({ userId: agent1.id });
      expect(dialer.pool.get('A1')).toBeUndefined();
      await expect(dialer.agentLogin('A1', 'agent-a1')).rejects.toThrow(/no agent/);
      await admin.people.users.reactivate({ userId: agent1.id });
      await dialer.agentLogin('A1', 'agent-a1');
      expect(dialer.pool.get('A1')!.campaigns).toEqual(expect.arrayContaining(['ACME-OUT', 'ACME-IN', 'HORIZON-OUT']));
    } finally {
      await dialer.stop();
      setDialer(null, 'no SIP proxy configured');
    }
  });
});

describe('the audit log', () => {
  it('has a line for every change made above, for the organizations concerned', async () => {
    const lines = await auditOfOrg(engine.ch, { orgId: callproId, from: started, to: Date.now() + 1000, limit: 1000 });
    const actions = new Set(lines.filter((l) => l.outcome === 'done').map((l) => l.action));
    for (const action of [
      'user.create', 'user.update', 'user.role', 'user.deactivate', 'user.reactivate', 'user.password_reset', 'user.password_set',
      'assignment.add', 'assignment.remove', 'team.update', 'organization.create', 'partnership.create',
    ]) expect(actions, action).toContain(action);
    const nina = lines.find((l) => l.action === 'user.create' && l.summary.includes('nina@callpro.test'))!;
    expect(nina).toMatchObject({ actor_email: 'admin@callpro.test', subject_type: 'user' });
    expect(JSON.parse(nina.detail)).toMatchObject({ role: 'agent', agentCode: 'A21' });
    // The client organization's admins see its creation and its users' changes; CallPro does not see the client's own.
    const bio = (await tenancy.userByEmail(engine.ch, 'admin@biofrais.test'))!;
    const bioLines = await auditOfOrg(engine.ch, { orgId: bio.org_id, from: started, to: Date.now() + 1000, limit: 1000 });
    expect(new Set(bioLines.map((l) => l.action))).toEqual(new Set(['organization.create', 'partnership.create', 'user.create', 'user.password_set', 'user.deactivate']));
    expect(lines.some((l) => l.summary.includes('colin@biofrais.test'))).toBe(false);
  });
});
