// Changes made in the portal reach a running dialer at once: the abandon target set in the brief (the pacing's one
// target), the campaign's time zone (its campaign day and the hours of contacts of unknown country); a change of
// direction is refused while the campaign runs or has calls, and rebuilds its runner once it is stopped and idle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignsOfOutsourcer } from '@/clickhouse/queries/tenancy';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { campaignDayStart } from '@/dialer/compliance/abandon-period';
import type { Dialer } from '@/dialer/dialer';
import { startStandInDialer, stopStandInDialer } from '@/server/dialer/testing/stand-in-dialer';
import { ingestSink } from '@/server/dialer/record-sink';
import { answeredPair } from '@/server/dialer/testing/answered-pair';
import { seedDemo } from '@/server/seed/demo';
import { callerAs, refusalOf } from '@/server/testing/callers';
import { demoOutsourcerId } from '@/server/testing/tenants';
import { refusalText } from '@/server/trpc/refusals';

const H = 3_600_000;
// A Wednesday, 15:00 in Paris, 23:00 in Tokyo.
const NOW = Date.parse('2026-11-25T14:00:00Z');

let engine: TestEngine;
let dialer: Dialer;
const ids: Record<string, string> = {};

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
  const orgId = await demoOutsourcerId(engine.ch);
  for (const c of await campaignsOfOutsourcer(engine.ch, orgId)) ids[c.code] = c.id;
  const dayStart = campaignDayStart(NOW, 'Europe/Paris');
  // A pair (two answered by a person, one dropped) today in Paris, another the evening before (today already in Tokyo).
  expect(await ingestSink(engine.ch).write(orgId, [...answeredPair('today', NOW - 60_000), ...answeredPair('last-evening', dayStart - H)])).toEqual([]);
  // Calls never end: a campaign that dialed stays busy.
  dialer = await startStandInDialer(engine.ch, { now: () => NOW });
}, 180_000);
afterAll(async () => {
  await stopStandInDialer(dialer);
  await engine?.close();
});

describe('portal changes reach the running dialer', () => {
  it('the abandon target set in the brief is the one the pacing aims under, never above the 3 % cap', async () => {
    const client = await callerAs(engine.ch, 'client@acme.test', () => NOW);
    const runner = await dialer.runner(ids['ACME-OUT']!);
    expect(runner.snapshot().abandonTarget).toBe(0.03);
    const partnershipId = runner.campaign.partnershipId;
    await client.workspace.brief.setTargets({ partnershipId, campaignId: ids['ACME-OUT']!, targets: { target_abandon_rate: 0.02 } });
    expect(runner.snapshot().abandonTarget).toBe(0.02);
    // A target above the cap is the client's wish; the pacing still stops at the law's 3 %.
    await client.workspace.brief.setTargets({ partnershipId, campaignId: ids['ACME-OUT']!, targets: { target_abandon_rate: 0.05 } });
    expect(runner.snapshot().abandonTarget).toBe(0.03);
  });

  it('a new time zone moves the campaign day of the running campaign at once', async () => {
    const manager = await callerAs(engine.ch, 'manager@callpro.test', () => NOW);
    const campaignId = ids['ACME-OUT']!;
    const runner = await dialer.runner(campaignId);
    expect(runner.snapshot()).toMatchObject({ abandonPeriod: 'campaign_day', humanAnswered: 2, dropped: 1 });
    const { settings } = await manager.campaigns.settings({ campaignId });
    await manager.campaigns.update({ campaignId, settings: { ...settings, time_zone: 'Asia/Tokyo' } });
    expect(runner.campaign.timeZone).toBe('Asia/Tokyo');
    expect(runner.snapshot()).toMatchObject({ humanAnswered: 4, dropped: 2 });
    await manager.campaigns.update({ campaignId, settings: { ...settings, time_zone: 'Europe/Paris' } });
    expect(runner.snapshot()).toMatchObject({ humanAnswered: 2, dropped: 1 });
  });

  it('refuses a new direction while the campaign runs or has calls, and rebuilds the runner of a stopped, idle one', async () => {
    const manager = await callerAs(engine.ch, 'manager@callpro.test', () => NOW);
    const busyId = ids['ACME-OUT']!;
    const { settings } = await manager.campaigns.settings({ campaignId: busyId });
    await dialer.agentLogin('A1', 'agent-a1');
    await manager.dialer.configure({ campaignId: busyId, status: 'running' });
    // A contact to call, once started (a start reads the lists again; the demo's are not this test's concern).
    (await dialer.runner(busyId)).hopper.merge([{
      phone: '+33612000077', name: 'Client', timeZones: [], attempts: 0, attemptTimes: [], history: {}, nextAt: 0, state: 'waiting', rank: 1,
    }]);
    const inbound = { ...settings, direction: 'inbound' as const, dial_mode: 'none' as const };
    expect(await refusalOf(manager.campaigns.update({ campaignId: busyId, settings: inbound }))).toMatchObject({ code: 'CONFLICT', key: 'error.directionChange.running' });
    expect(refusalText('fr', 'error.directionChange.running')).toBe('Arrêtez la campagne avant de changer son sens (entrant ou sortant) : rien n’a été enregistré.');
    // Stopped while its call to a customer (which never answers here) is in progress.
    const runner = await dialer.runner(busyId);
    await expect.poll(() => runner.idle, { timeout: 10_000 }).toBe(false);
    await manager.dialer.configure({ campaignId: busyId, status: 'stopped' });
    expect(await refusalOf(manager.campaigns.update({ campaignId: busyId, settings: inbound }))).toMatchObject({ code: 'CONFLICT', key: 'error.directionChange.busy' });
    expect((await manager.campaigns.settings({ campaignId: busyId })).settings.direction).toBe('outbound');

    const idleId = ids['HORIZON-OUT']!;
    const before = await dialer.runner(idleId);
    const horizon = (await manager.campaigns.settings({ campaignId: idleId })).settings;
    await manager.campaigns.update({ campaignId: idleId, settings: { ...horizon, direction: 'inbound', dial_mode: 'none' } });
    const after = await dialer.runner(idleId);
    expect(after).not.toBe(before);
    expect(after.campaign.direction).toBe('inbound');
  });
});
