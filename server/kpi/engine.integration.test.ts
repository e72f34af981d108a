// The KPIs that do not come from the call rollup, on a real chDB engine: resolution, FCR, NPS, occupancy; what a
// caller who knows the campaigns spares the engine (their direction and success dispositions), and a request for
// a few figures, with the same values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignsOfOutsourcer, tenancy, type Campaign } from '@/clickhouse/queries/tenancy';
import { recording, type Sent } from '@/clickhouse/testing/recording';
import { ingestNdjson } from '@/server/ingest/service';
import { seedDemo } from '@/server/seed/demo';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { computeKpis, type KpiRequest } from './engine';
import { KPI_INPUTS, type KpiKey } from './report';

let engine: TestEngine;
let orgId: string;
let campaignId: string;
let campaigns: Map<string, Campaign>;
const H = 3_600_000;
const T = Date.UTC(2026, 2, 2, 8, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const call = (id: string, start: number, minutes: number, extra: object) => ({
  kind: 'call', id, campaign: 'ACME-IN', direction: 'inbound', agent: 'A1', started_at: iso(start), connected_at: iso(start + 10_000),
  ended_at: iso(start + minutes * 60_000), outcome: 'connected', ...extra,
});
const send = async (records: object[]) => {
  const answer = await ingestNdjson(engine.ch, orgId, records.map((r) => JSON.stringify(r)).join('\n'));
  expect(answer.rejected).toEqual([]);
};
const kpis = (from = T, to = T + 24 * H, agents: string[] = []) =>
  computeKpis(engine.ch, { campaignIds: [campaignId], orgIds: [orgId], from, to, agents, sl: { answerSeconds: 20, shortAbandonSeconds: 5 } });

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
  orgId = (await tenancy.organizationsOfKind(engine.ch, 'outsourcer'))[0]!.id;
  campaigns = new Map((await campaignsOfOutsourcer(engine.ch, orgId)).map((c) => [c.code, c]));
  campaignId = campaigns.get('ACME-IN')!.id;
  await send([
    call('k1-a', T + 2 * H, 5, { case_id: 'K1', resolved: false }),
    call('k1-b', T + 4 * H, 5, { case_id: 'K1', resolved: true, agent: 'A2' }),
    call('k2', T + 2 * H, 10, { case_id: 'K2', resolved: true }),
    call('k3', T + 3 * H, 5, { case_id: 'K3', resolved: false }),
    call('k4', T + 2 * H, 3, { case_id: 'K4', resolved: true }),
    { kind: 'survey', id: 's1', campaign: 'ACME-IN', agent: 'A1', score: 10, answered_at: iso(T + 3 * H) },
    { kind: 'survey', id: 's2', campaign: 'ACME-IN', agent: 'A1', score: 9, answered_at: iso(T + 3 * H) },
    { kind: 'survey', id: 's3', campaign: 'ACME-IN', agent: 'A2', score: 3, answered_at: iso(T + 3 * H) },
    { kind: 'survey', id: 's4', campaign: 'ACME-IN', agent: 'A2', score: 7, answered_at: iso(T + 3 * H) },
    { kind: 'agent_state', agent: 'A1', state: 'available', at: iso(T) },
    { kind: 'agent_state', agent: 'A1', campaign: 'ACME-IN', state: 'on_call', at: iso(T + 1 * H) },
    { kind: 'agent_state', agent: 'A1', campaign: 'ACME-IN', state: 'wrapup', at: iso(T + 2 * H) },
    { kind: 'agent_state', agent: 'A1', state: 'paused', at: iso(T + 2.5 * H) },
    { kind: 'agent_state', agent: 'A1', state: 'offline', at: iso(T + 3 * H) },
  ]);
  // K4 is re-sent as not resolved: the replacement, not the first version, counts.
  await send([call('k4', T + 2 * H, 3, { case_id: 'K4', resolved: false })]);
});
afterAll(() => engine.close());

describe('computeKpis beyond the call rollup', () => {
  it('measures resolution per case from its first call, with FCR, after replacements', async () => {
    const k = await kpis();
    // K1: 10:00 → 12:05 = 7,500 s, not on its first call; K2: 600 s on its first call; K3, K4 unresolved.
    expect(k.fcr).toBe(0.5);
    expect(k.resolution_seconds_mean).toBe((7_500 + 600) / 2);
    expect(k.resolution_seconds_median).toBe((7_500 + 600) / 2);
    expect((await kpis(T, T + 24 * H, ['A2'])).fcr).toBe(0);
    expect((await kpis(T + 24 * H, T + 48 * H)).fcr).toBeNull();
  });

  it('computes NPS from promoters and detractors, per agent too', async () => {
    expect(await kpis()).toMatchObject({ nps: 25, nps_responses: 4 });
    expect(await kpis(T, T + 24 * H, ['A2'])).toMatchObject({ nps: -50, nps_responses: 2 });
  });

  it('computes occupancy and calls per agent-hour from agent states, paused time left out', async () => {
    const k = await kpis();
    // available 1 h, on call 1 h, wrap-up 0.5 h, paused 0.5 h, then offline.
    expect(k.occupancy).toBeCloseTo(1.5 / 2.5, 10);
    expect(k.calls_per_agent_hour).toBeCloseTo(5 / 3, 10);
    // Clipped to the range: from 09:00 to 10:00 A1 was on call the whole hour.
    expect((await kpis(T + 1 * H, T + 2 * H)).occupancy).toBe(1);
  });
});

/** Reads of the campaigns table among what was sent. */
const campaignReads = (sent: Sent[]) => sent.filter((s) => /FROM campaigns\b/.test(s.query)).length;

describe('what the caller knows of the campaigns', () => {
  const D = T + 10 * 24 * H;
  const E = T + 11 * 24 * H;
  const on = (code: string, id: string, start: number, extra: object) => ({ ...call(id, start, 3, extra), campaign: code });
  beforeAll(() => send([
    // Horizon's inbound line has no success disposition; Acme's has one (green_offer), not given here.
    on('HORIZON-IN', 'conv-h1', D + H, { disposition: 'resolved' }),
    on('ACME-IN', 'conv-a1', D + H, { disposition: 'resolved' }),
    // A call marked converted by its sender counts even where no disposition is a success.
    on('HORIZON-IN', 'conv-h2', E + H, { disposition: 'resolved', converted: true }),
  ]));

  it('leaves the conversion rate as it was: null where nothing converts, 0 where something could, 1 for a call marked converted', async () => {
    const cases = [['HORIZON-IN', D, null], ['ACME-IN', D, 0], ['HORIZON-IN', E, 1]] as const;
    for (const [code, from, expected] of cases) {
      const c = campaigns.get(code)!;
      const req: KpiRequest = { campaignIds: [c.id], orgIds: [orgId], from, to: from + 24 * H, agents: [], sl: { answerSeconds: 20, shortAbandonSeconds: 5 } };
      // Not known: read. Known: not read. Known of other campaigns only (whatever they say): read, not trusted.
      const other = { id: 'another-campaign', direction: 'inbound' as const, success_dispositions: ['sale'] };
      for (const [known, reads] of [[undefined, 1], [[c], 0], [[other], 1]] as const) {
        const { ch, sent } = recording(engine.ch);
        const k = await computeKpis(ch, { ...req, campaigns: known });
        expect([k.connected, k.conversion_rate], `${code} ${known?.[0]?.id ?? 'unknown'}`).toEqual([1, expected]);
        expect(campaignReads(sent), `${code} ${known?.[0]?.id ?? 'unknown'}`).toBe(reads);
      }
    }
  });

  it('computes each figure asked alone as among all, reading only what it needs', async () => {
    const c = campaigns.get('ACME-IN')!;
    const req: KpiRequest = { campaignIds: [c.id], orgIds: [orgId], from: T, to: T + 24 * H, agents: [], sl: { answerSeconds: 20, shortAbandonSeconds: 5 }, campaigns: [c] };
    const all = await computeKpis(engine.ch, req);
    expect(all).toMatchObject({ connected: 5, nps_responses: 4, fcr: 0.5 });
    expect(all.occupancy).not.toBeNull();
    for (const key of Object.keys(KPI_INPUTS) as KpiKey[]) {
      expect((await computeKpis(engine.ch, { ...req, kpis: [key] }))[key], key).toEqual(all[key]);
    }
    const { ch, sent } = recording(engine.ch);
    await computeKpis(ch, { ...req, kpis: ['service_level', 'abandon_rate'] });
    // The call totals alone (whole hours: the hourly rollup).
    expect(sent.map((s) => /FROM (\w+)/.exec(s.query)?.[1])).toEqual(['calls_by_hour']);
  });
});
