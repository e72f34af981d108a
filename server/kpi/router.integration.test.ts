// The portal's KPI and API-key procedures on a real chDB engine: live figures, scope, roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { verifyApiKey } from '@/server/api-keys/keys';
import { ingestNdjson } from '@/server/ingest/service';
import { seedDemo } from '@/server/seed/demo';
import { callerAs, codeOf } from '@/server/testing/callers';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';

let engine: TestEngine;
let acmeIn: string;
let acmeOut: string;
// A Wednesday afternoon in Paris: "today" is the same whatever hour the suite runs at.
const NOW = Date.parse('2026-11-25T13:00:00Z');
const as = (email: string) => callerAs(engine.ch, email, () => NOW);

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
  const callpro = (await tenancy.organizationsOfKind(engine.ch, 'outsourcer'))[0]!;
  const campaigns = await (await as('manager@callpro.test')).campaigns.list();
  acmeIn = campaigns.find((c) => c.code === 'ACME-IN')!.id;
  acmeOut = campaigns.find((c) => c.code === 'ACME-OUT')!.id;
  const t = NOW - 10 * 60_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  const body = [
    { kind: 'call', id: 'a', campaign: 'ACME-IN', direction: 'inbound', agent: 'A1', started_at: iso(t), connected_at: iso(t + 5_000), ended_at: iso(t + 125_000), outcome: 'connected', disposition: 'green_offer' },
    { kind: 'call', id: 'b', campaign: 'ACME-IN', direction: 'inbound', started_at: iso(t), ended_at: iso(t + 60_000), outcome: 'abandoned' },
    { kind: 'agent_state', agent: 'A1', campaign: 'ACME-IN', state: 'available', at: iso(t - 60_000) },
    { kind: 'agent_state', agent: 'A1', campaign: 'ACME-IN', state: 'on_call', at: iso(t) },
    { kind: 'agent_state', agent: 'A2', state: 'paused', at: iso(t) },
    // Horizon's agent waiting between calls is not Acme's; A21 (an external ACD's agent) is now on Acme's other campaign.
    { kind: 'agent_state', agent: 'A3', state: 'available', at: iso(t - 60_000) },
    { kind: 'agent_state', agent: 'A21', state: 'available', at: iso(t - 60_000) },
    { kind: 'agent_state', agent: 'A21', campaign: 'ACME-OUT', state: 'on_call', at: iso(t) },
    { kind: 'survey', id: 's', campaign: 'ACME-IN', agent: 'A1', score: 10, answered_at: iso(t + 130_000) },
  ].map((r) => JSON.stringify(r)).join('\n');
  expect((await ingestNdjson(engine.ch, callpro.id, body)).rejected).toEqual([]);
});
afterAll(() => engine.close());

describe('kpi.live', () => {
  it('shows today’s KPIs, calls in progress and agents by state to the client and the manager', async () => {
    for (const email of ['client@acme.test', 'manager@callpro.test']) {
      const live = await (await as(email)).kpi.live({ campaignId: acmeIn });
      expect(live.kpis).toMatchObject({ offered: 2, connected: 1, abandoned: 1, abandon_rate: 0.5, service_level: 0.5, nps: 100, nps_responses: 1, conversion_rate: 1 });
      expect(live.agentsByState).toEqual({ on_call: 1, paused: 1 });
      expect(live.callsInProgress).toBe(1);
      // A1 alone: 60 s available, then on the call since t (about 10 min); A3's waiting would halve it.
      expect(live.kpis.occupancy).toBeGreaterThan(0.8);
      expect(live.kpis.series!.reduce((n, p) => n + p.offered, 0)).toBe(2);
    }
  });

  it('shows an agent where their latest state is: A21 on the Acme outbound campaign, not waiting on the inbound one', async () => {
    const live = await (await as('manager@callpro.test')).kpi.live({ campaignId: acmeOut });
    // A21 on this campaign's call; A2, Acme's, paused between calls; A1 on the inbound call is not shown here.
    expect(live.agentsByState).toEqual({ on_call: 1, paused: 1 });
  });

  it('answers NOT_FOUND to another client and FORBIDDEN to an agent', async () => {
    expect(await codeOf((await as('client@horizon.test')).kpi.live({ campaignId: acmeIn }))).toBe('NOT_FOUND');
    expect(await codeOf((await as('client@horizon.test')).kpi.range({ campaignId: acmeIn, from: NOW - 86_400_000, to: NOW }))).toBe('NOT_FOUND');
    expect(await codeOf((await as('agent1@callpro.test')).kpi.live({ campaignId: acmeIn }))).toBe('FORBIDDEN');
  });

  it('refuses a range the KPI tables cannot hold or too long to compute, naming the field, with a 400', async () => {
    const manager = await as('manager@callpro.test');
    const refusal = (call: Promise<unknown>) => call.then(() => 'OK', (e: unknown) => `${(e as { code: string }).code} ${(e as Error).message}`);
    expect(await refusal(manager.kpi.range({ campaignId: acmeIn, from: -1e20, to: NOW }))).toMatch(/^BAD_REQUEST .*from.*must be between 1970-01-01T00:00:00Z and 2106-02-07T06:28:15Z/s);
    expect(await refusal(manager.kpi.range({ campaignId: acmeIn, from: NOW, to: 1e20 }))).toMatch(/^BAD_REQUEST .*to.*must be between/s);
    expect(await refusal(manager.kpi.range({ campaignId: acmeIn, from: NOW - 1_101 * 86_400_000, to: NOW }))).toMatch(/^BAD_REQUEST .*at most 1100 days after from/s);
    expect(await refusal(manager.kpi.agents({ from: NOW, to: NOW - 1 }))).toMatch(/^BAD_REQUEST .*must be after from/s);
    expect(await refusal(manager.kpi.range({ campaignId: acmeIn, from: NOW - 1_100 * 86_400_000, to: NOW }))).toBe('OK');
  });

  it('reports by day in the campaign’s time zone', async () => {
    const report = await (await as('client@acme.test')).kpi.range({ campaignId: acmeIn, from: NOW - 3 * 86_400_000, to: NOW + 60_000, bucket: 'day' });
    expect(report.kpis.offered).toBe(2);
    const day = new Date(report.kpis.series!.at(-1)!.bucket);
    // Midnight in Paris is 22:00 or 23:00 UTC.
    expect([22, 23]).toContain(day.getUTCHours());
  });
});

describe('apiKeys', () => {
  it('lets the outsourcer admin create, list and revoke keys, and shows the key once', async () => {
    const admin = await as('admin@callpro.test');
    const created = await admin.apiKeys.create({ name: 'CTI' });
    expect(created.key).toMatch(/^rk_/);
    expect(await verifyApiKey(engine.ch, created.key)).not.toBeNull();
    const listed = (await admin.apiKeys.list()).find((k) => k.id === created.id)!;
    expect(listed).toMatchObject({ name: 'CTI', prefix: created.key.slice(0, 8), revoked_at: null });
    expect(listed).not.toHaveProperty('key_hash');
    expect(JSON.stringify(await admin.apiKeys.list())).not.toContain(created.key);
    expect(listed.last_used_at).not.toBeNull();
    await admin.apiKeys.revoke({ id: created.id });
    expect(await verifyApiKey(engine.ch, created.key)).toBeNull();
    expect(await codeOf(admin.apiKeys.revoke({ id: created.id }))).toBe('NOT_FOUND');
  });

  it('keeps keys to outsourcer admins', async () => {
    for (const email of ['manager@callpro.test', 'client@acme.test', 'agent1@callpro.test']) {
      expect(await codeOf((await as(email)).apiKeys.list()), email).toBe('FORBIDDEN');
    }
  });
});

describe('kpi.agents', () => {
  it('compares the outsourcer’s agents on the same KPIs, filtered by team and campaign', async () => {
    const manager = await as('manager@callpro.test');
    const range = { from: NOW - 86_400_000, to: NOW + 60_000 };
    const all = await manager.kpi.agents(range);
    // A21 has no account (an external ACD's agent) but has data: it is compared too. In natural order (A2 before A10).
    expect(all.rows.map((r) => r.agent)).toEqual([...Array.from({ length: 12 }, (_, i) => `A${i + 1}`), 'A21']);
    expect(all.rows[0]).toMatchObject({ name: 'Agent 1', team: 'Équipe Énergie', kpis: { connected: 1, nps: 100, conversion_rate: 1 } });
    // A2 was only paused: paused time is neither handling nor available, so occupancy has no data.
    expect(all.rows[1]!.kpis).toMatchObject({ connected: 0, occupancy: null, conversion_rate: null });
    expect(all.teams).toEqual(['Équipe Banque', 'Équipe Énergie']);
    const banque = await manager.kpi.agents({ ...range, team: 'Équipe Banque' });
    expect(banque.rows.map((r) => r.agent)).toEqual(['A3', 'A4', 'A9', 'A10', 'A11', 'A12']);
    const horizonOnly = await manager.kpi.agents({ ...range, campaignIds: (await manager.campaigns.list()).filter((c) => c.code.startsWith('HORIZON')).map((c) => c.id) });
    expect(horizonOnly.rows.find((r) => r.agent === 'A1')!.kpis.connected).toBe(0);
  });

  it('reads each agent against the targets the compared campaigns share', async () => {
    const manager = await as('manager@callpro.test');
    const range = { from: NOW - 86_400_000, to: NOW + 60_000 };
    // The demo's four campaigns share AHT 5 min and NPS 30; conversion differs (12 %, 8 %, none inbound).
    const all = await manager.kpi.agents(range);
    expect(all.targets).toMatchObject({ target_aht_seconds: 300, target_nps: 30, target_conversion_rate: null, target_service_level: null });
    const outbound = await manager.kpi.agents({ ...range, campaignIds: [acmeOut] });
    expect(outbound.targets).toMatchObject({ target_conversion_rate: 0.12, target_aht_seconds: 300, target_service_level: null });
    expect((await manager.kpi.agents({ ...range, campaignIds: [acmeIn] })).targets).toMatchObject({ target_service_level: 0.8, target_conversion_rate: null });
  });

  it('is the outsourcer’s, and checks every campaign id against the scope', async () => {
    expect(await codeOf((await as('client@acme.test')).kpi.agents({ from: NOW - 86_400_000, to: NOW }))).toBe('FORBIDDEN');
    expect(await codeOf((await as('agent1@callpro.test')).kpi.agents({ from: NOW - 86_400_000, to: NOW }))).toBe('FORBIDDEN');
    expect(await codeOf((await as('quality@callpro.test')).kpi.agents({ from: NOW - 86_400_000, to: NOW, campaignIds: ['not-ours'] }))).toBe('NOT_FOUND');
  });
});
