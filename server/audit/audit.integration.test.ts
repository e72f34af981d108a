// The audit log through the real router on chDB: a line for each change (API keys, dialer controls), the actor and
// the subject's name, failed changes marked failed, and each organization's admins see only their lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { DEMO_PASSWORD, seedDemo } from '@/server/seed/demo';
import { callerAs, codeOf } from '@/server/testing/callers';
import { createUser } from '@/server/users/create-user';

let engine: TestEngine;
const day = () => ({ from: Date.now() - 3_600_000, to: Date.now() + 3_600_000 });

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
  const acme = (await tenancy.userByEmail(engine.ch, 'client@acme.test'))!;
  await createUser(engine.ch, { email: 'admin@acme.test', name: 'Alice Admin', password: DEMO_PASSWORD, role: 'admin', orgId: acme.org_id });
});
afterAll(() => engine.close());

describe('the audit log', () => {
  it('has a line for every API key and dialer change, with who and what; a failed change is marked failed', async () => {
    const admin = await callerAs(engine.ch, 'admin@callpro.test');
    const manager = await callerAs(engine.ch, 'manager@callpro.test');
    const campaigns = await manager.campaigns.list();
    const id = (code: string) => campaigns.find((c) => c.code === code)!.id;
    const key = await admin.apiKeys.create({ name: 'Plateforme Genesys' });
    await admin.apiKeys.revoke({ id: key.id });
    await manager.dialer.configure({ campaignId: id('ACME-OUT'), status: 'running' });
    await manager.dialer.configure({ campaignId: id('ACME-OUT'), mode: 'preview' });
    await manager.dialer.configure({ campaignId: id('ACME-OUT'), status: 'stopped' });
    await manager.dialer.configure({ campaignId: id('ACME-OUT'), maxLines: 40 });
    // Horizon's line already presents this number: refused inside the change.
    const taken = (await manager.dialer.state()).campaigns.find((c) => c.code === 'HORIZON-IN')!.settings.callerId;
    expect(await codeOf(manager.dialer.configure({ campaignId: id('ACME-OUT'), callerId: taken }))).toBe('CONFLICT');

    const { lines } = await admin.audit.list(day());
    const seen = lines.map((l) => [l.actor_email, l.action, l.summary, l.outcome]).reverse();
    expect(seen).toEqual([
      ['admin@callpro.test', 'apikey.create', 'Plateforme Genesys', 'done'],
      ['admin@callpro.test', 'apikey.revoke', `Plateforme Genesys (${key.prefix}…)`, 'done'],
      ['manager@callpro.test', 'dialer.start', 'ACME-OUT', 'done'],
      ['manager@callpro.test', 'dialer.mode', 'ACME-OUT', 'done'],
      ['manager@callpro.test', 'dialer.stop', 'ACME-OUT', 'done'],
      ['manager@callpro.test', 'dialer.settings', 'ACME-OUT', 'done'],
      ['manager@callpro.test', 'dialer.settings', 'ACME-OUT', 'failed'],
    ]);
    const settings = lines.find((l) => l.action === 'dialer.settings' && l.outcome === 'done')!;
    expect(JSON.parse(settings.detail)).toEqual({ maxLines: { before: 100, after: 40 } });
    expect((await admin.audit.list({ ...day(), family: 'apikey' })).lines.map((l) => l.action).sort()).toEqual(['apikey.create', 'apikey.revoke']);
  });

  it('shows a client’s admin the changes to its campaigns, not the outsourcer’s own; other organizations nothing', async () => {
    const acmeAdmin = await callerAs(engine.ch, 'admin@acme.test');
    const acmeLines = (await acmeAdmin.audit.list(day())).lines;
    expect(acmeLines.length).toBeGreaterThan(0);
    expect(acmeLines.every((l) => l.action.startsWith('dialer.') && l.summary === 'ACME-OUT')).toBe(true);
    expect(JSON.stringify(acmeLines)).not.toContain('org_ids');
    expect(await codeOf((await callerAs(engine.ch, 'manager@callpro.test')).audit.list(day()))).toBe('FORBIDDEN');
    expect(await codeOf((await callerAs(engine.ch, 'client@horizon.test')).audit.list(day()))).toBe('FORBIDDEN');
  });
});
