// The manager's dialer controls through tRPC on chDB, without a SIP proxy: settings saved and read back,
// only the outsourcer's managers may use them, and never on another tenant's campaign.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@/server/seed/demo';
import { callerAs, codeOf } from '@/server/testing/callers';
import { openTestEngine, type TestEngine } from '@/server/testing/engine';

let engine: TestEngine;

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
});
afterAll(() => engine.close());

describe('dialer controls', () => {
  it('a manager sees the outbound campaigns, and a change is saved while no dialer runs', async () => {
    const manager = await callerAs(engine.ch, 'manager@callpro.test');
    const before = await manager.dialer.state();
    expect(before.available).toBe(false);
    expect(before.reason).toBe('no SIP proxy configured');
    expect(before.campaigns.map((c) => c.code).sort()).toEqual(['ACME-OUT', 'HORIZON-OUT']);
    const acme = before.campaigns.find((c) => c.code === 'ACME-OUT')!;
    expect(acme.settings).toMatchObject({ status: 'stopped', abandonTarget: 0.03, profile: 'france', ringTimeoutSeconds: 25 });
    await manager.dialer.configure({ campaignId: acme.id, mode: 'predictive', status: 'running', abandonTarget: 0.02 });
    const after = (await manager.dialer.state()).campaigns.find((c) => c.code === 'ACME-OUT')!;
    expect(after.settings).toMatchObject({ mode: 'predictive', status: 'running', abandonTarget: 0.02 });
  });

  it('refuses an abandon target above the 3 % cap and a ring time under 15 s', async () => {
    const manager = await callerAs(engine.ch, 'manager@callpro.test');
    const { campaigns } = await manager.dialer.state();
    expect(await codeOf(manager.dialer.configure({ campaignId: campaigns[0]!.id, abandonTarget: 0.05 }))).toBe('BAD_REQUEST');
    expect(await codeOf(manager.dialer.configure({ campaignId: campaigns[0]!.id, ringTimeoutSeconds: 10 }))).toBe('BAD_REQUEST');
  });

  it('clients, agents and quality staff cannot drive the dialer; no one reaches another tenant’s campaign', async () => {
    const manager = await callerAs(engine.ch, 'manager@callpro.test');
    const acmeOut = (await manager.dialer.state()).campaigns.find((c) => c.code === 'ACME-OUT')!;
    for (const email of ['client@acme.test', 'client@horizon.test', 'agent1@callpro.test', 'quality@callpro.test']) {
      const caller = await callerAs(engine.ch, email);
      expect(await codeOf(caller.dialer.state())).toBe('FORBIDDEN');
      expect(await codeOf(caller.dialer.configure({ campaignId: acmeOut.id, status: 'running' }))).toBe('FORBIDDEN');
    }
    expect(await codeOf(manager.dialer.configure({ campaignId: 'not-a-campaign', status: 'running' }))).toBe('NOT_FOUND');
  });
});
