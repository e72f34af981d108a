// Each compliance profile's abandon period, from the stored records: the French campaign day, the UK's last 24
// hours, the US's last 30 days. The runner's tally is built from them, and read again when the profile changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignsOfOutsourcer } from '@/clickhouse/queries/tenancy';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { campaignDayStart } from '@/dialer/compliance/abandon-period';
import { Dialer } from '@/dialer/dialer';
import type { DialResult } from '@/dialer/sip/dialer-ua';
import { ingestSink } from '@/server/dialer/record-sink';
import { seedDemo } from '@/server/seed/demo';
import { demoOutsourcerId } from '@/server/testing/tenants';
import { answeredPair } from '@/server/dialer/testing/answered-pair';

const H = 3_600_000;
const D = 24 * H;
const iso = (t: number) => new Date(t).toISOString();
const NOW = Date.parse('2026-11-25T14:00:00Z');
const clock = { now: () => NOW };

let engine: TestEngine;
let dialer: Dialer;
let campaignId: string;

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
  const orgId = await demoOutsourcerId(engine.ch);
  campaignId = (await campaignsOfOutsourcer(engine.ch, orgId)).find((c) => c.code === 'ACME-OUT')!.id;
  // The runners' clock: a Wednesday afternoon in Paris, so no wall-clock hour can make "today" ambiguous.
  const now = NOW;
  const dayStart = campaignDayStart(now, 'Europe/Paris');
  const records = [
    ...answeredPair('today', now - 60_000),
    ...answeredPair('last-evening', dayStart - H), // yesterday, within 24 hours
    ...answeredPair('yesterday', now - 25 * H),
    ...answeredPair('three-weeks', now - 20 * D),
    ...answeredPair('six-weeks', now - 40 * D),
  ];
  expect(await ingestSink(engine.ch).write(orgId, records)).toEqual([]);
  const telephony = { isConnected: true, dial: () => new Promise<DialResult>(() => {}) };
  dialer = await Dialer.start(engine.ch, telephony, { sink: ingestSink(engine.ch), ...clock });
}, 180_000);
afterAll(async () => {
  await dialer?.stop();
  await engine?.close();
});

describe('the abandon period of each profile, from the stored records', () => {
  it('is the campaign day in France, the last 24 hours in the UK, the last 30 days in the US', async () => {
    const runner = await dialer.runner(campaignId);
    expect(runner.snapshot()).toMatchObject({ abandonPeriod: 'campaign_day', humanAnswered: 2, dropped: 1, abandonRate: 0.5 });
    await dialer.configure(campaignId, { profile: 'uk' }, 'test');
    expect(runner.snapshot()).toMatchObject({ abandonPeriod: '24h', humanAnswered: 4, dropped: 2 });
    await dialer.configure(campaignId, { profile: 'us' }, 'test');
    expect(runner.snapshot()).toMatchObject({ abandonPeriod: '30_days', humanAnswered: 8, dropped: 4 });
  });

  it('is read from the records when the runner is built for a campaign saved with the profile', async () => {
    const again = await Dialer.start(engine.ch, { isConnected: true, dial: () => new Promise<DialResult>(() => {}) }, { sink: ingestSink(engine.ch), ...clock });
    try {
      expect((await again.runner(campaignId)).snapshot()).toMatchObject({ abandonPeriod: '30_days', humanAnswered: 8, dropped: 4 });
    } finally {
      await again.stop();
    }
  });
});
