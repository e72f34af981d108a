// The supervisor's per-agent live view through tRPC on chDB, with a dialer started without SIP: the outsourcer's
// managers and quality staff see each agent of the campaign with its state, pause reason, current call and today's
// figures (the same as the agent comparison's); a client, an agent and a client's admin are refused; another
// outsourcer's agents never appear, and its staff cannot name the campaign.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfDay } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { campaignsOfOutsourcer, tenancy } from '@/clickhouse/queries/tenancy';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import type { Dialer } from '@/dialer/dialer';
import { startStandInDialer, stopStandInDialer } from '@/server/dialer/testing/stand-in-dialer';
import { setDialer } from '@/server/dialer/instance';
import { campaignInput, provisionCampaign } from '@/server/campaigns/provision';
import { ingestSink } from '@/server/dialer/record-sink';
import { DEMO_PASSWORD, seedDemo } from '@/server/seed/demo';
import { callerAs, codeOf } from '@/server/testing/callers';
import { demoOutsourcerId } from '@/server/testing/tenants';
import { createUser } from '@/server/users/create-user';

const iso = (t: number) => new Date(t).toISOString();

let engine: TestEngine;
let dialer: Dialer;
let callproId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
  callproId = await demoOutsourcerId(engine.ch);
  for (const c of await campaignsOfOutsourcer(engine.ch, callproId)) ids[c.code] = c.id;
  // Another outsourcer with its own client, campaign and agent.
  const zeta = { id: 'org-zeta', name: 'Zeta Contact', kind: 'outsourcer' as const };
  await tenancy.putOrganizations(engine.ch, [zeta]);
  const { campaign: zetaIn } = await provisionCampaign(engine.ch, zeta.id, 'ZETA-IN', campaignInput.parse({
    name: 'Omega — Sinistres', client: 'Omega Assurances', direction: 'inbound', dial_mode: 'none',
  }), { id: 'test', email: 'test@zeta.test', name: 'Test' });
  ids['ZETA-IN'] = zetaIn.id;
  await createUser(engine.ch, { email: 'manager@zeta.test', name: 'Zacharie Manager', password: DEMO_PASSWORD, role: 'manager', orgId: zeta.id });
  const zAgent = await createUser(engine.ch, { email: 'agent@zeta.test', name: 'Zinedine Agent', password: DEMO_PASSWORD, role: 'agent', orgId: zeta.id, agentCode: 'Z7' });
  await tenancy.putAssignments(engine.ch, [{ campaign_id: zetaIn.id, user_id: zAgent.id }]);
  // A client's admin: an admin, of a client organization.
  const acmeOrg = (await tenancy.userByEmail(engine.ch, 'client@acme.test'))!.org_id;
  await createUser(engine.ch, { email: 'admin@acme.test', name: 'Alice Admin', password: DEMO_PASSWORD, role: 'admin', orgId: acmeOrg });
  // Two calls handled by A1 today on ACME-IN (in Paris), 3 min of talk and 20 s of wrap-up each.
  const now = Date.now();
  const t = Math.max(startOfDay(new TZDate(now, 'Europe/Paris')).getTime(), now - 3_600_000);
  const call = (id: string, at: number) => ({
    kind: 'call', id, campaign: 'ACME-IN', direction: 'inbound', agent: 'A1', phone: '+33612000001', started_at: iso(at), connected_at: iso(at + 5_000),
    ended_at: iso(at + 185_000), wrap_seconds: 20, outcome: 'connected',
  });
  expect(await ingestSink(engine.ch).write(callproId, [call('live-agents-1', t), call('live-agents-2', t + 1_000)])).toEqual([]);
  // Calls never end; no SIP proxy.
  dialer = await startStandInDialer(engine.ch, { flushMs: 50 });
}, 180_000);
afterAll(async () => {
  await stopStandInDialer(dialer);
  await engine?.close();
});

describe('the supervisor’s per-agent live view', () => {
  it('shows each agent of the campaign as the dialer has it, with today’s calls and AHT from the KPI module', async () => {
    await dialer.agentLogin('A1', 'agent-a1');
    await dialer.agentLogin('A2', 'agent-a2');
    // A later millisecond: the records order an agent's states by their instant.
    await new Promise((r) => setTimeout(r, 5));
    dialer.agentPauseWith('A2', 'break');
    await dialer.agentLogin('Z7', 'agent-z7');
    const manager = await callerAs(engine.ch, 'manager@callpro.test');
    const first = await manager.kpi.liveAgents({ campaignId: ids['ACME-IN']! });
    expect(first.noDialer).toBeNull();
    // Acme's agents, not Horizon's (A3, A4…), not the other outsourcer's; the day team (A5–A8) is not logged in.
    expect(first.rows.map((r) => r.agent)).toEqual(['A1', 'A2', 'A5', 'A6', 'A7', 'A8']);
    expect(first.rows.slice(2).map((r) => r.state)).toEqual([null, null, null, null]);
    expect(first.rows[0]).toMatchObject({ name: 'Agent 1', state: 'available', call: null, source: 'dialer' });
    expect(first.rows[1]).toMatchObject({ state: 'paused', pauseReason: 'break', source: 'dialer' });
    // One implementation: the figures are the agent comparison's over the same day.
    const from = startOfDay(new TZDate(first.asOf, 'Europe/Paris')).getTime();
    const compared = (await manager.kpi.agents({ from, to: first.asOf + 60_000, campaignIds: [ids['ACME-IN']!] })).rows.find((r) => r.agent === 'A1')!;
    expect(first.rows[0]!.callsToday).toBe(compared.kpis.connected);
    expect(first.rows[0]!.ahtSeconds).toBe(compared.kpis.aht_seconds);
    expect(first.rows[0]!.callsToday).toBeGreaterThanOrEqual(2);

    // A1 takes a call of the outbound campaign: the call's campaign is named, its duration counts from the connection.
    dialer.pool.set('A1', 'ringing', 'ACME-OUT');
    await new Promise((r) => setTimeout(r, 5));
    dialer.pool.set('A1', 'on_call', 'ACME-OUT');
    const quality = await callerAs(engine.ch, 'quality@callpro.test');
    const onCall = (await quality.kpi.liveAgents({ campaignId: ids['ACME-IN']! })).rows.find((r) => r.agent === 'A1')!;
    expect(onCall).toMatchObject({ state: 'on_call', call: { campaignId: ids['ACME-OUT'], campaignName: expect.any(String) as string } });
    expect(onCall.call!.seconds).toBeGreaterThanOrEqual(0);
    expect(onCall.stateSeconds).toBeGreaterThanOrEqual(0);
  });

  it('without a dialer in the process, says so and reads the states from the records', async () => {
    await dialer.flush();
    setDialer(null, 'no SIP proxy configured');
    try {
      const manager = await callerAs(engine.ch, 'manager@callpro.test');
      const got = await manager.kpi.liveAgents({ campaignId: ids['ACME-IN']! });
      expect(got.noDialer).toBe('no SIP proxy configured');
      expect(got.rows.find((r) => r.agent === 'A1')).toMatchObject({ state: 'on_call', source: 'records', call: { campaignId: ids['ACME-OUT'] } });
      expect(got.rows.find((r) => r.agent === 'A2')).toMatchObject({ state: 'paused', source: 'records' });
    } finally {
      setDialer(dialer);
    }
  });

  it('is refused to clients (their admin too) and agents; another outsourcer cannot name the campaign nor see its agents', async () => {
    for (const email of ['client@acme.test', 'admin@acme.test', 'client@horizon.test', 'agent1@callpro.test']) {
      const caller = await callerAs(engine.ch, email);
      expect([email, await codeOf(caller.kpi.liveAgents({ campaignId: ids['ACME-IN']! }))]).toEqual([email, 'FORBIDDEN']);
    }
    const zeta = await callerAs(engine.ch, 'manager@zeta.test');
    expect(await codeOf(zeta.kpi.liveAgents({ campaignId: ids['ACME-IN']! }))).toBe('NOT_FOUND');
    const own = await zeta.kpi.liveAgents({ campaignId: ids['ZETA-IN']! });
    expect(own.rows.map((r) => r.agent)).toEqual(['Z7']);
    expect(own.rows[0]).toMatchObject({ state: 'available', source: 'dialer' });
    // …and CallPro's manager never sees Zeta's agent, whichever campaign.
    const manager = await callerAs(engine.ch, 'manager@callpro.test');
    expect(await codeOf(manager.kpi.liveAgents({ campaignId: ids['ZETA-IN']! }))).toBe('NOT_FOUND');
    for (const code of ['ACME-IN', 'ACME-OUT', 'HORIZON-IN', 'HORIZON-OUT']) {
      const { rows } = await manager.kpi.liveAgents({ campaignId: ids[code]! });
      expect(JSON.stringify(rows)).not.toMatch(/Z7|Zinedine|Omega/);
    }
  });
});
