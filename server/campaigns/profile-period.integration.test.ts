// A campaign switched to the UK or US profile from its settings page (campaigns.update) gets that profile's abandon
// period in the running dialer's tally at once: the French campaign day, the UK's last 24 hours, the US's 30 days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignsOfOutsourcer } from '@/clickhouse/queries/tenancy';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { campaignDayStart } from '@/dialer/compliance/abandon-period';
import type { Dialer } from '@/dialer/dialer';
import { startStandInDialer, stopStandInDialer } from '@/server/dialer/testing/stand-in-dialer';
import { ingestSink } from '@/server/dialer/record-sink';
import { seedDemo } from '@/server/seed/demo';
import { callerAs } from '@/server/testing/callers';
import { demoOutsourcerId } from '@/server/testing/tenants';
import { answeredPair } from '@/server/dialer/testing/answered-pair';

const H = 3_600_000;
const D = 24 * H;
const iso = (t: number) => new Date(t).toISOString();
const NOW = Date.parse('2026-11-25T14:00:00Z');

let engine: TestEngine;
let dialer: Dialer;
let campaignId: string;

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
  const orgId = await demoOutsourcerId(engine.ch);
  campaignId = (await campaignsOfOutsourcer(engine.ch, orgId)).find((c) => c.code === 'ACME-OUT')!.id;
  const dayStart = campaignDayStart(NOW, 'Europe/Paris');
  const records = [
    ...answeredPair('today', NOW - 60_000),
    ...answeredPair('last-evening', dayStart - H),
    ...answeredPair('yesterday', NOW - 25 * H),
    ...answeredPair('three-weeks', NOW - 20 * D),
    ...answeredPair('six-weeks', NOW - 40 * D),
  ];
  expect(await ingestSink(engine.ch).write(orgId, records)).toEqual([]);
  dialer = await startStandInDialer(engine.ch, { now: () => NOW });
}, 180_000);
afterAll(async () => {
  await stopStandInDialer(dialer);
  await engine?.close();
});

describe('the compliance profile chosen in the campaign settings', () => {
  it('applies its abandon period to the running dialer’s tally', async () => {
    const manager = await callerAs(engine.ch, 'manager@callpro.test', () => NOW);
    const runner = await dialer.runner(campaignId);
    expect(runner.snapshot()).toMatchObject({ abandonPeriod: 'campaign_day', humanAnswered: 2, dropped: 1 });
    const { settings } = await manager.campaigns.settings({ campaignId });
    expect(settings.compliance_profile).toBe('france');
    await manager.campaigns.update({ campaignId, settings: { ...settings, compliance_profile: 'uk' } });
    expect(runner.snapshot()).toMatchObject({ abandonPeriod: '24h', humanAnswered: 4, dropped: 2 });
    expect(runner.current.profile).toBe('uk');
    await manager.campaigns.update({ campaignId, settings: { ...settings, compliance_profile: 'us' } });
    expect(runner.snapshot()).toMatchObject({ abandonPeriod: '30_days', humanAnswered: 8, dropped: 4 });
    expect((await manager.campaigns.settings({ campaignId })).settings.compliance_profile).toBe('us');
    await manager.campaigns.update({ campaignId, settings: { ...settings, compliance_profile: 'france' } });
    expect(runner.snapshot()).toMatchObject({ abandonPeriod: 'campaign_day', humanAnswered: 2, dropped: 1 });
  });
});
