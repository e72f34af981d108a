// The demo's quality workspace, seeded with the demo week: a grid per campaign, recorded calls with their WAVs, the
// sample of this week and last, evaluations (one disputed, one calibrated) that the QA score counts.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/clickhouse/queries/rows';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { seedDemo } from '@/server/seed/demo';
import { callerAs } from '@/server/testing/callers';
import { seedDemoActivity } from './demo-activity';

let engine: TestEngine;
// Thursday 26 November 2026, 15:00 in Paris.
const NOW = Date.parse('2026-11-26T14:00:00Z');
const as = (email: string) => callerAs(engine.ch, email, () => NOW);

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
  await seedDemoActivity(engine.ch, NOW, { recordingsDir: path.join(engine.dir, 'recordings') });
}, 120_000);
afterAll(() => engine?.close());

describe('the demo quality workspace', () => {
  it('has a grid per campaign, recorded calls whose WAVs exist, and this week’s queue holding recorded calls not yet evaluated', async () => {
    const quality = await as('quality@callpro.test');
    const campaigns = await quality.campaigns.list();
    expect(campaigns).toHaveLength(4);
    const recorded = await selectRows<{ id: string; recording_path: string }>(engine.ch, "SELECT id, recording_path FROM calls FINAL WHERE sign = 1 AND recording_path != ''");
    expect(recorded).toHaveLength(4 * 2 * 2);
    for (const r of recorded) expect(statSync(path.join(engine.dir, 'recordings', r.recording_path)).size).toBeGreaterThan(8000 * 2 * 5);
    for (const c of campaigns) {
      const { versions } = await quality.quality.grid({ campaignId: c.id });
      expect(versions[0]!.sections.flatMap((s) => s.criteria).some((x) => x.eliminatory)).toBe(true);
      const queue = await quality.quality.queue({ campaignId: c.id });
      expect(queue.items.some((i) => i.recorded && !i.evaluation), c.code).toBe(true);
      expect(queue.items.some((i) => i.recorded && i.evaluation), c.code).toBe(true);
    }
    expect(existsSync(path.join(engine.dir, 'recordings'))).toBe(true);
  });

  it('has evaluations the agents answered, a calibration, and QA scores per agent', async () => {
    const mine = await (await as('agent1@callpro.test')).quality.mine();
    expect(mine.evaluations.map((e) => e.status)).toEqual(expect.arrayContaining(['acknowledged', 'disputed', 'submitted']));
    const manager = await as('manager@callpro.test');
    const acmeIn = (await manager.campaigns.list()).find((c) => c.code === 'ACME-IN')!;
    const week = { from: NOW - 14 * 86_400_000, to: NOW };
    const agents = await manager.kpi.agents(week);
    for (const a of ['A1', 'A2', 'A3', 'A4']) expect(agents.rows.find((r) => r.agent === a)!.kpis.qa_evaluations, a).toBeGreaterThan(0);
    const calibrated = await Promise.all((await manager.campaigns.list()).map((c) => manager.quality.calibrationCalls({ campaignId: c.id })));
    expect(calibrated.flat()).toHaveLength(1);
    expect(acmeIn).toBeDefined();
  });
});

describe('the demo quality workspace early on a Monday, before the week’s first call', () => {
  // Monday 30 November 2026, 8:00 in Paris: this week has no call yet.
  const MONDAY = Date.parse('2026-11-30T07:00:00Z');
  let monday: TestEngine;
  beforeAll(async () => {
    monday = await openTestEngine();
    await seedDemo(monday.ch);
    await seedDemoActivity(monday.ch, MONDAY, { recordingsDir: path.join(monday.dir, 'recordings') });
  }, 120_000);
  afterAll(() => monday?.close());

  it('puts the recorded calls in last week’s queue, each agent’s newer one still to evaluate', async () => {
    const quality = await callerAs(monday.ch, 'quality@callpro.test', () => MONDAY);
    for (const c of await quality.campaigns.list()) {
      expect((await quality.quality.queue({ campaignId: c.id })).items.some((i) => i.recorded), c.code).toBe(false);
      const last = await quality.quality.queue({ campaignId: c.id, week: '2026-11-23' });
      const recorded = await selectRows<{ id: string }>(monday.ch,
        "SELECT id FROM calls FINAL WHERE sign = 1 AND recording_path != '' AND campaign_id = {c:String}", { c: c.id });
      expect(recorded.length, c.code).toBeGreaterThan(0);
      // Every recorded call is in the queue, to play and evaluate, not only those the random sample happened to draw.
      expect(last.items.filter((i) => i.recorded).map((i) => i.callId).sort(), c.code).toEqual(recorded.map((r) => r.id).sort());
      expect(last.items.some((i) => i.recorded && !i.evaluation), c.code).toBe(true);
    }
  });
});
