// Resolution time and FCR per agent (the agent comparison, /agents) on a real chDB engine: each case is credited
// to the agent of the call that resolved it, with the campaign's formulas; values checked against a hand count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignsOfOutsourcer, tenancy } from '@/clickhouse/queries/tenancy';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { ingestNdjson } from '@/server/ingest/service';
import { seedDemo } from '@/server/seed/demo';
import { callerOf, signIn } from '@/server/testing/adversary';
import { kpisByAgent } from './by-agent';
import { computeKpis } from './engine';

let engine: TestEngine;
let orgId: string;
let campaignId: string;
const M = 60_000;
const H = 60 * M;
const T = Date.UTC(2026, 2, 3, 7, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const call = (id: string, agent: string, start: number, minutes: number, caseId: string, resolved: boolean) => ({
  kind: 'call', id, campaign: 'ACME-IN', direction: 'inbound', agent, started_at: iso(start), connected_at: iso(start + 10_000),
  ended_at: iso(start + minutes * M), outcome: 'connected', case_id: caseId, resolved,
});
const send = async (records: object[]) => {
  const answer = await ingestNdjson(engine.ch, orgId, records.map((r) => JSON.stringify(r)).join('\n'));
  expect(answer.rejected).toEqual([]);
};
const range = { from: T, to: T + 24 * H };
const sl = { answerSeconds: 20, shortAbandonSeconds: 5 };

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
  orgId = (await tenancy.organizationsOfKind(engine.ch, 'outsourcer'))[0]!.id;
  campaignId = (await campaignsOfOutsourcer(engine.ch, orgId)).find((c) => c.code === 'ACME-IN')!.id;
  await send([
    // C1: A1 takes it unresolved at 08:00, A2 resolves it at 10:00 in 5 min → 2 h 05 = 7,500 s, A2's, not on the first call.
    call('c1-a', 'A1', T + 1 * H, 5, 'C1', false), call('c1-b', 'A2', T + 3 * H, 5, 'C1', true),
    // C2, C3: A1 resolves on the first call, 10 min and 4 min → 600 s and 240 s.
    call('c2', 'A1', T + 2 * H, 10, 'C2', true), call('c3', 'A1', T + 4 * H, 4, 'C3', true),
    // C4: A2 twice, from 08:00, resolved on the second call at 08:30 + 6 min → 36 min = 2,160 s.
    call('c4-a', 'A2', T + 1 * H, 2, 'C4', false), call('c4-b', 'A2', T + 1.5 * H, 6, 'C4', true),
    // C5: A1, first sent resolved, then re-sent unresolved: not a resolved case.
    call('c5', 'A1', T + 5 * H, 3, 'C5', true),
    // C6: A2 on the first call, 20 min → 1,200 s.
    call('c6', 'A2', T + 6 * H, 20, 'C6', true),
  ]);
  await send([call('c5', 'A1', T + 5 * H, 3, 'C5', false)]);
});
afterAll(() => engine.close());

describe('resolution time and FCR per agent', () => {
  it('credits each case to the agent whose call resolved it: mean, median and FCR by hand', async () => {
    const byAgent = await kpisByAgent(engine.ch, { campaignIds: [campaignId], orgIds: [orgId], ...range, agents: [], sl });
    // A1: 600 and 240 s, both on the first call.
    expect(byAgent.get('A1')).toMatchObject({ resolution_seconds_mean: 420, resolution_seconds_median: 420, fcr: 1 });
    // A2: 7,500, 2,160 and 1,200 s; only C6 on its first call.
    expect(byAgent.get('A2')).toMatchObject({ resolution_seconds_mean: (7_500 + 2_160 + 1_200) / 3, resolution_seconds_median: 2_160, fcr: 1 / 3 });
    // The campaign's figures are the same cases, all together.
    const all = await computeKpis(engine.ch, { campaignIds: [campaignId], orgIds: [orgId], ...range, agents: [], sl });
    expect(all).toMatchObject({ resolution_seconds_mean: (600 + 240 + 7_500 + 2_160 + 1_200) / 5, resolution_seconds_median: 1_200, fcr: 3 / 5 });
    // A day without cases: null, not 0.
    const empty = await kpisByAgent(engine.ch, { campaignIds: [campaignId], orgIds: [orgId], from: T + 24 * H, to: T + 48 * H, agents: [], sl });
    expect(empty.get('A1')?.resolution_seconds_mean ?? null).toBeNull();
  });

  it('shows them in the agent comparison (kpi.agents)', async () => {
    const manager = callerOf(engine.ch, await signIn(engine.ch, 'manager@callpro.test'));
    const { rows } = await manager.kpi.agents({ ...range, campaignIds: [campaignId] });
    const of = (code: string) => rows.find((r) => r.agent === code)!.kpis;
    expect([of('A1').resolution_seconds_mean, of('A1').fcr]).toEqual([420, 1]);
    expect([of('A2').resolution_seconds_median, of('A2').fcr]).toEqual([2_160, 1 / 3]);
    expect(of('A3').resolution_seconds_mean).toBeNull();
  });
});
