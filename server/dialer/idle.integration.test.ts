// Why nothing dials, through tRPC on chDB with a dialer started without SIP: on a Saturday the running campaign's
// card says it is outside calling hours and when it resumes (Monday 10:00 in Paris); the leads the calling hours
// held show as held, not scheduled, and a stop puts them back as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignsOfOutsourcer } from '@/clickhouse/queries/tenancy';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import type { Dialer } from '@/dialer/dialer';
import { startStandInDialer, stopStandInDialer } from '@/server/dialer/testing/stand-in-dialer';
import { seedDemo } from '@/server/seed/demo';
import { callerAs } from '@/server/testing/callers';
import { demoOutsourcerId } from '@/server/testing/tenants';

// Saturday 7 March 2026, 15:00 in Paris; the French calling hours open again Monday 9 March at 10:00 (09:00 UTC).
const SATURDAY = Date.UTC(2026, 2, 7, 14, 0);
const MONDAY_10 = Date.UTC(2026, 2, 9, 9, 0);

let engine: TestEngine;
let dialer: Dialer;
const ids: Record<string, string> = {};

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
  for (const c of await campaignsOfOutsourcer(engine.ch, await demoOutsourcerId(engine.ch))) ids[c.code] = c.id;
  dialer = await startStandInDialer(engine.ch, { now: () => SATURDAY, tickMs: 3_600_000 });
}, 180_000);
afterAll(async () => {
  await stopStandInDialer(dialer);
  await engine?.close();
});

describe('the dialer card says why nothing dials', () => {
  it('no agent first, then outside calling hours with when they resume; held leads are not scheduled and a stop releases them', async () => {
    const manager = await callerAs(engine.ch, 'manager@callpro.test', () => SATURDAY);
    const row = async () => (await manager.dialer.state()).campaigns.find((c) => c.code === 'ACME-OUT')!;
    expect((await row()).idle).toBeNull(); // stopped: nothing to explain
    await manager.dialer.configure({ campaignId: ids['ACME-OUT']!, status: 'running' });
    // Outside the calling hours comes before the agents: it is what a manager cannot change.
    expect((await row()).idle).toEqual({ kind: 'outside_hours', resumesAt: MONDAY_10 });
    // The inbound line open on Saturday takes calls; nobody is there to answer.
    expect((await manager.dialer.state()).campaigns.find((c) => c.code === 'ACME-IN')!.idle).toEqual({ kind: 'no_agent' });

    await dialer.agentLogin('A1', 'agent-a1');
    const runner = await dialer.runner(ids['ACME-OUT']!);
    // Three contacts to call (the demo's lists are not this test's concern).
    runner.hopper.merge(['+33612000071', '+33612000072', '+33612000073'].map((phone, i) => ({
      phone, name: 'Client', timeZones: [], attempts: 0, attemptTimes: [], history: {}, nextAt: 0, state: 'waiting' as const, rank: i + 1,
    })));
    expect((await row()).live!.leads).toMatchObject({ total: 3, due: 3 });
    await runner.tick();
    const held = (await row()).live!.leads;
    expect(held).toMatchObject({ held: 3, scheduled: 0, due: 0 });
    expect((await row()).live!.rejections).toEqual({ calling_hours: 3 });
    expect((await row()).idle).toEqual({ kind: 'outside_hours', resumesAt: MONDAY_10 });

    await manager.dialer.configure({ campaignId: ids['ACME-OUT']!, status: 'stopped' });
    const released = (await row()).live!.leads;
    expect(released).toMatchObject({ held: 0, scheduled: 0, due: 3 });
    expect((await row()).idle).toBeNull();
  });
});
