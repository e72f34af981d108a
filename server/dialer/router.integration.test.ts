// The manager's dialer controls through tRPC on chDB, without a SIP proxy: settings saved and read back,
// only the outsourcer's managers may use them, and never on another tenant's campaign.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@/server/seed/demo';
import { callerAs, codeOf } from '@/server/testing/callers';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';

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
    // Outbound campaigns first, then the inbound lines; each with the number the demo gave it.
    expect(before.campaigns.map((c) => [c.code, c.direction, c.settings.callerId, c.settings.status])).toEqual([
      ['ACME-OUT', 'outbound', '+33180001001', 'stopped'], ['HORIZON-OUT', 'outbound', '+33180002001', 'stopped'],
      ['ACME-IN', 'inbound', '+33180001000', 'running'], ['HORIZON-IN', 'inbound', '+33180002000', 'running'],
    ]);
    const acme = before.campaigns.find((c) => c.code === 'ACME-OUT')!;
    expect(acme.settings).toMatchObject({ status: 'stopped', profile: 'france', ringTimeoutSeconds: 25 });
    expect(acme.abandonTarget).toBe(0.03);
    await manager.dialer.configure({ campaignId: acme.id, mode: 'predictive', status: 'running', abandonTarget: 0.02 });
    const after = (await manager.dialer.state()).campaigns.find((c) => c.code === 'ACME-OUT')!;
    expect(after.settings).toMatchObject({ mode: 'predictive', status: 'running' });
    expect(after.abandonTarget).toBe(0.02);
    // One setting: the pacing's target is the campaign's abandon target, in the brief with its revision.
    const brief = await manager.workspace.brief.get({ partnershipId: acme.partnershipId });
    const targets = brief.targets.find((t) => t.code === 'ACME-OUT')!;
    expect(targets.current.target_abandon_rate).toBe(0.02);
    expect(targets.history[0]!.edited_by_name).toBe((await manager.home.me()).name);
    // …and a target set in the brief is the one the dialer paces under.
    await manager.workspace.brief.setTargets({ partnershipId: acme.partnershipId, campaignId: acme.id, targets: { target_abandon_rate: 0.015 } });
    expect((await manager.dialer.state()).campaigns.find((c) => c.code === 'ACME-OUT')!.abandonTarget).toBe(0.015);
    // The campaign list shows the mode the dialer dials in, not the one the campaign was created with (predictive).
    await manager.dialer.configure({ campaignId: acme.id, mode: 'preview' });
    expect((await manager.campaigns.list()).find((c) => c.code === 'ACME-OUT')!.dial_mode).toBe('preview');
    await manager.dialer.configure({ campaignId: acme.id, mode: 'predictive' });
  });

  it('refuses an abandon target above the 3 % cap and a ring time under 15 s', async () => {
    const manager = await callerAs(engine.ch, 'manager@callpro.test');
    const { campaigns } = await manager.dialer.state();
    expect(await codeOf(manager.dialer.configure({ campaignId: campaigns[0]!.id, abandonTarget: 0.05 }))).toBe('BAD_REQUEST');
    expect(await codeOf(manager.dialer.configure({ campaignId: campaigns[0]!.id, ringTimeoutSeconds: 10 }))).toBe('BAD_REQUEST');
  });

  it('keeps a number to one client and one inbound line, and refuses a number that is not E.164', async () => {
    const manager = await callerAs(engine.ch, 'manager@callpro.test');
    const rows = (await manager.dialer.state()).campaigns;
    const id = (code: string) => rows.find((c) => c.code === code)!.id;
    // Horizon's line on an Acme campaign: another client's number.
    expect(await codeOf(manager.dialer.configure({ campaignId: id('ACME-OUT'), callerId: '+33180002000' }))).toBe('CONFLICT');
    // Acme's campaigns may share a number, but two lines cannot ring on one.
    await manager.dialer.configure({ campaignId: id('ACME-OUT'), callerId: '+33180001000' });
    expect(await codeOf(manager.dialer.configure({ campaignId: id('HORIZON-IN'), callerId: '+33180001000' }))).toBe('CONFLICT');
    expect(await codeOf(manager.dialer.configure({ campaignId: id('ACME-IN'), callerId: '01 80 00 10 00' }))).toBe('BAD_REQUEST');
    // A line closes and opens again; its queue timeout is kept.
    await manager.dialer.configure({ campaignId: id('ACME-IN'), status: 'stopped', queueTimeoutSeconds: 120 });
    const line = (await manager.dialer.state()).campaigns.find((c) => c.code === 'ACME-IN')!;
    expect(line.settings).toMatchObject({ status: 'stopped', queueTimeoutSeconds: 120, callerId: '+33180001000' });
    expect((await manager.dialer.state()).campaigns.find((c) => c.code === 'ACME-OUT')!.settings.callerId).toBe('+33180001000');
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
