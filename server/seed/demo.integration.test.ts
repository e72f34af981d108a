// Demo seed and versioned rows on a real chDB engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { authorizeCredentials } from '@/server/auth/credentials';
import { createUser, UserInputError } from '@/server/users/create-user';
import { contactsSql } from '@/clickhouse/queries/contacts';
import { DEMO_PASSWORD, seedDemo } from './demo';
import { DEMO_CONSENT_SOURCE, DEMO_LEADS_PER_CAMPAIGN, DEMO_LIST_NAME, seedDemoLeads } from './demo-leads';
import { numbersSql } from '@/clickhouse/queries/numbers';

let engine: TestEngine;
beforeAll(async () => {
  engine = await openTestEngine();
});
afterAll(() => engine.close());

async function count(table: string): Promise<number> {
  const rs = await engine.ch.query({ query: `SELECT count() AS n FROM ${table} FINAL WHERE deleted = 0`, format: 'JSONEachRow' });
  return Number((await rs.json<{ n: string }>())[0]!.n);
}

describe('demo seed', () => {
  it('creates the demo tenants once', async () => {
    const accounts = await seedDemo(engine.ch);
    expect(accounts.map((a) => a.email).sort()).toEqual([
      'admin@callpro.test', ...Array.from({ length: 12 }, (_, i) => `agent${i + 1}@callpro.test`),
      'client@acme.test', 'client@horizon.test', 'manager@callpro.test', 'quality@callpro.test',
    ].sort());
    expect(await seedDemo(engine.ch)).toEqual([]);
    expect(await count('organizations')).toBe(3);
    expect(await count('partnerships')).toBe(2);
    expect(await count('campaigns')).toBe(4);
    expect(await count('users')).toBe(17);
    expect(await count('campaign_assignments')).toBe(24);
  });

  it('lets every demo account sign in with the demo password', async () => {
    for (const email of ['admin@callpro.test', 'client@acme.test', 'agent4@callpro.test']) {
      const user = await authorizeCredentials(engine.ch, email, DEMO_PASSWORD);
      expect(user?.email).toBe(email);
    }
    const acme = await authorizeCredentials(engine.ch, 'CLIENT@acme.test ', DEMO_PASSWORD);
    expect(acme).toMatchObject({ role: 'client', orgName: 'Acme Energie', orgKind: 'client' });
  });

  it('fails a wrong password and an unknown email the same way', async () => {
    expect(await authorizeCredentials(engine.ch, 'client@acme.test', 'wrong-password')).toBeNull();
    expect(await authorizeCredentials(engine.ch, 'nobody@acme.test', 'wrong-password')).toBeNull();
    expect(await authorizeCredentials(engine.ch, 'client@acme.test', '')).toBeNull();
  });

  it('gives the demo outbound campaigns a ready list of demo leads once (npm run start:sip), and no other campaign', async () => {
    await seedDemo(engine.ch);
    const org = (await tenancy.organizationsOfKind(engine.ch, 'outsourcer'))[0]!;
    const demoCampaigns = await tenancy.campaignsOfPartnerships(engine.ch, (await tenancy.partnershipsOfOrg(engine.ch, org.id)).map((p) => p.id));
    // A campaign the user created, outbound and still without contacts, is theirs to fill.
    const acmeOut = demoCampaigns.find((c) => c.code === 'ACME-OUT')!;
    await tenancy.putCampaigns(engine.ch, [{ ...acmeOut, id: 'user-campaign', code: 'ACME-WINBACK', name: 'Acme — Reconquête' }]);
    expect(await seedDemoLeads(engine.ch)).toEqual(['ACME-OUT', 'HORIZON-OUT']);
    expect(await seedDemoLeads(engine.ch)).toEqual([]);
    const campaigns = [...demoCampaigns, { ...acmeOut, id: 'user-campaign', code: 'ACME-WINBACK' }];
    const lists = await contactsSql.listsOfCampaigns(engine.ch, campaigns.map((c) => c.id));
    expect(lists.map((l) => [campaigns.find((c) => c.id === l.campaign_id)!.code, l.name, l.status, l.contacts]).sort()).toEqual([
      ['ACME-OUT', DEMO_LIST_NAME, 'ready', DEMO_LEADS_PER_CAMPAIGN],
      ['HORIZON-OUT', DEMO_LIST_NAME, 'ready', DEMO_LEADS_PER_CAMPAIGN],
    ]);
    for (const l of lists) expect(await contactsSql.countOfList(engine.ch, l.id, l.campaign_id)).toBe(DEMO_LEADS_PER_CAMPAIGN);
    // Each demo lead consented (scope: the client), so a manager may require consent and widen the hours.
    const consents = await numbersSql.consentsOfPartnership(engine.ch, acmeOut.partnership_id);
    expect(consents).toHaveLength(DEMO_LEADS_PER_CAMPAIGN);
    expect(consents.every((c) => c.scope === 'client' && c.channel === 'phone' && c.source === DEMO_CONSENT_SOURCE && c.given_at < Date.now() && c.withdrawn_at === null)).toBe(true);
  });

  it('reads the latest version of a row after an update, before any merge', async () => {
    const user = (await tenancy.userByEmail(engine.ch, 'agent1@callpro.test'))!;
    await tenancy.putUsers(engine.ch, [{ ...user, name: 'Agent One (renamed)' }]);
    await tenancy.putUsers(engine.ch, [{ ...user, name: 'Agent One (final)', team: 'Nuit' }]);
    const rs = await engine.ch.query({ query: "SELECT count() AS n FROM users WHERE email = 'agent1@callpro.test'", format: 'JSONEachRow' });
    expect(Number((await rs.json<{ n: string }>())[0]!.n)).toBe(3);
    expect(await tenancy.userById(engine.ch, user.id)).toMatchObject({ name: 'Agent One (final)', team: 'Nuit' });
    expect(await count('users')).toBe(17);
  });
});

describe('createUser', () => {
  it('normalises the email, hashes the password and refuses a second account on the same email', async () => {
    const acme = (await tenancy.userByEmail(engine.ch, 'client@acme.test'))!;
    const created = await createUser(engine.ch, { email: ' Buyer@ACME.test ', name: 'Buyer', password: 'long-password', role: 'client', orgId: acme.org_id });
    expect(created.email).toBe('buyer@acme.test');
    expect(created.password_hash).not.toContain('long-password');
    expect(await authorizeCredentials(engine.ch, 'buyer@acme.test', 'long-password')).toMatchObject({ orgName: 'Acme Energie' });
    await expect(createUser(engine.ch, { email: 'BUYER@acme.test', name: 'Twin', password: 'long-password', role: 'client', orgId: acme.org_id }))
      .rejects.toThrow(UserInputError);
  });

  it('refuses a role that does not fit the organization, and an unknown organization', async () => {
    const acme = (await tenancy.userByEmail(engine.ch, 'client@acme.test'))!;
    await expect(createUser(engine.ch, { email: 'm@acme.test', name: 'M', password: 'long-password', role: 'manager', orgId: acme.org_id }))
      .rejects.toThrow(/client organization has no manager role/);
    await expect(createUser(engine.ch, { email: 'x@x.test', name: 'X', password: 'long-password', role: 'agent', orgId: 'nope' }))
      .rejects.toThrow(/Unknown organization/);
  });
});
