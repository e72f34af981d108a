// The quality workspace on a real chDB engine with the demo tenants: grids and their versions, scoring an evaluation
// (weights, N/A, an eliminatory criterion), the sampling queue, the acknowledge/dispute/revise loop and who may do
// what in it, calibration, and the QA score in the one KPI module.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/clickhouse/queries/rows';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { campaignInput, provisionCampaign } from '@/server/campaigns/provision';
import { ingestNdjson } from '@/server/ingest/service';
import { computeKpis } from '@/server/kpi/engine';
import { DEMO_PASSWORD, seedDemo } from '@/server/seed/demo';
import { callerAs, codeOf } from '@/server/testing/callers';
import { createUser } from '@/server/users/create-user';
import type { Section } from './grid';

let engine: TestEngine;
let acmeIn: string;
let acmeOut: string;
let callproId: string;
// Wednesday 4 March 2026 in Paris: its ISO week is Monday 2 March.
const NOW = Date.parse('2026-03-04T15:00:00Z');
const WEEK = '2026-03-02';
const as = (email: string) => callerAs(engine.ch, email, () => NOW);
const iso = (ms: number) => new Date(ms).toISOString();

const GRID: Section[] = [
  { id: 'accueil', title: 'Accueil', criteria: [
    { id: 'presentation', label: 'Présentation', guidance: '', weight: 2, answer: 'yes_no', max: 1, eliminatory: false },
    { id: 'ton', label: 'Ton', guidance: '', weight: 3, answer: 'scale', max: 4, eliminatory: false },
  ] },
  { id: 'conformite', title: 'Conformité', criteria: [
    { id: 'mentions', label: 'Mentions légales', guidance: '', weight: 1, answer: 'yes_no', max: 1, eliminatory: true },
  ] },
];

/** Connected inbound calls of ACME-IN this week: A1 has 6 (2 where the caller took the green offer = converted), A2 has 3. */
const calls = [
  ...Array.from({ length: 6 }, (_, i) => ({ id: `q-a1-${i}`, agent: 'A1', disposition: i < 2 ? 'green_offer' : 'follow_up' })),
  ...Array.from({ length: 3 }, (_, i) => ({ id: `q-a2-${i}`, agent: 'A2', disposition: 'follow_up' })),
].map((c, i) => {
  const t = Date.parse('2026-03-03T09:00:00Z') + i * 600_000;
  return { kind: 'call', id: c.id, campaign: 'ACME-IN', direction: 'inbound', agent: c.agent, phone: `+3361200000${i}`, contact: `Client ${i}`,
    started_at: iso(t), connected_at: iso(t + 5_000), ended_at: iso(t + 185_000), outcome: 'connected', disposition: c.disposition };
});

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
  callproId = (await tenancy.organizationsOfKind(engine.ch, 'outsourcer')).find((o) => o.name === 'CallPro')!.id;
  const campaigns = await (await as('manager@callpro.test')).campaigns.list();
  acmeIn = campaigns.find((c) => c.code === 'ACME-IN')!.id;
  acmeOut = campaigns.find((c) => c.code === 'ACME-OUT')!.id;
  const body = [
    ...calls,
    // Not connected: never sampled nor evaluated.
    { kind: 'call', id: 'q-abandoned', campaign: 'ACME-IN', direction: 'inbound', started_at: '2026-03-03T11:00:00Z', ended_at: '2026-03-03T11:01:00Z', outcome: 'abandoned' },
    { kind: 'survey', id: 'q-survey', campaign: 'ACME-IN', call_id: 'q-a1-0', score: 9, comment: 'Très aimable', answered_at: '2026-03-03T10:00:00Z' },
  ].map((r) => JSON.stringify(r)).join('\n');
  expect((await ingestNdjson(engine.ch, callproId, body)).rejected).toEqual([]);
  // Another outsourcer, its manager, its own campaign.
  const zeta = randomUUID();
  await tenancy.putOrganizations(engine.ch, [{ id: zeta, name: 'Zeta Contact', kind: 'outsourcer' }]);
  await provisionCampaign(engine.ch, zeta, 'ZETA-IN', campaignInput.parse({ name: 'Zeta', client: 'Omega', direction: 'inbound', dial_mode: 'none', success_dispositions: ['resolved'] }),
    { id: 'test', email: 'test@zeta.test', name: 'Test' });
  await createUser(engine.ch, { email: 'manager@zeta.test', name: 'Zacharie Manager', password: DEMO_PASSWORD, role: 'manager', orgId: zeta });
}, 60_000);
afterAll(() => engine?.close());

describe('grids', () => {
  it('saves each edit as a new version, audited; an evaluation keeps the version it was made with', async () => {
    const quality = await as('quality@callpro.test');
    expect((await quality.quality.grid({ campaignId: acmeIn })).versions).toEqual([]);
    expect(await codeOf(quality.quality.evaluate({ callId: 'q-a1-0', answers: {}, comments: [] }))).toBe('PRECONDITION_FAILED');
    const v1 = await quality.quality.saveGrid({ campaignId: acmeIn, name: 'Grille Acme', sections: GRID });
    expect(v1.version).toBe(1);
    const e = await quality.quality.evaluate({ callId: 'q-a1-0', answers: { presentation: 'yes', ton: 2, mentions: 'yes' }, comments: [{ at: 12.5, text: 'Bonne accroche' }] });
    expect(e).toMatchObject({ gridVersion: 1, status: 'submitted', agent: 'A1', calibration: false });

    // v2 drops « Ton »: the v1 evaluation still reads and scores on v1.
    const v2 = await quality.quality.saveGrid({ campaignId: acmeIn, name: 'Grille Acme', sections: [{ ...GRID[0]!, criteria: [GRID[0]!.criteria[0]!] }, GRID[1]!] });
    expect(v2.version).toBe(2);
    const { versions } = await quality.quality.grid({ campaignId: acmeIn });
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    const read = await quality.quality.evaluation({ evaluationId: e.id });
    expect(read.current.gridVersion).toBe(1);
    expect(read.grid!.sections[0]!.criteria.map((c) => c.id)).toEqual(['presentation', 'ton']);
    // A new evaluation is made on v2: v1's answers no longer fit it.
    const manager = await as('manager@callpro.test');
    expect(await codeOf(manager.quality.evaluate({ callId: 'q-a1-1', answers: { presentation: 'yes', ton: 2, mentions: 'yes' }, comments: [] }))).toBe('BAD_REQUEST');
    const audit = await selectRows<{ action: string; summary: string }>(engine.ch, "SELECT action, summary FROM audit_log WHERE action = 'quality.grid' ORDER BY at, summary");
    expect(audit.map((a) => a.summary)).toEqual(['ACME-IN v1', 'ACME-IN v2']);
    // Back to the full grid for what follows.
    await quality.quality.saveGrid({ campaignId: acmeIn, name: 'Grille Acme', sections: GRID });
  });

  it('scores with weights, leaves N/A out, and a failed eliminatory criterion scores 0', async () => {
    const quality = await as('quality@callpro.test');
    const a = await quality.quality.evaluate({ callId: 'q-a1-2', answers: { presentation: 'no', ton: 4, mentions: 'yes' }, comments: [] });
    expect(a.score).toBeCloseTo(4 / 6); // 0 × 2 + 1 × 3 + 1 × 1 over 6
    const b = await quality.quality.evaluate({ callId: 'q-a1-3', answers: { presentation: 'na', ton: 3, mentions: 'yes' }, comments: [] });
    expect(b.score).toBeCloseTo(3.25 / 4);
    const c = await quality.quality.evaluate({ callId: 'q-a2-0', answers: { presentation: 'yes', ton: 4, mentions: 'no' }, comments: [] });
    expect(c).toMatchObject({ score: 0, eliminated: true });
    // Every criterion must be answered (N/A explicitly); an answer off the scale is refused.
    expect(await codeOf(quality.quality.evaluate({ callId: 'q-a2-1', answers: { presentation: 'yes' }, comments: [] }))).toBe('BAD_REQUEST');
    expect(await codeOf(quality.quality.evaluate({ callId: 'q-a2-1', answers: { presentation: 'yes', ton: 9, mentions: 'yes' }, comments: [] }))).toBe('BAD_REQUEST');
    // A call never connected to an agent cannot be evaluated; one evaluator evaluates a call once.
    expect(await codeOf(quality.quality.evaluate({ callId: 'q-abandoned', answers: { presentation: 'yes', ton: 4, mentions: 'yes' }, comments: [] }))).toBe('PRECONDITION_FAILED');
    expect(await codeOf(quality.quality.evaluate({ callId: 'q-a1-2', answers: { presentation: 'yes', ton: 4, mentions: 'yes' }, comments: [] }))).toBe('CONFLICT');
  });

  it('shows the call’s facts, survey and evaluations on the evaluate page; another tenant’s call does not exist', async () => {
    const page = await (await as('quality@callpro.test')).quality.callPage({ callId: 'q-a1-0' });
    expect(page.call).toMatchObject({ id: 'q-a1-0', agent: 'A1', disposition: 'green_offer', recorded: false });
    expect(page.agentName).toBe('Agent 1');
    expect(page.surveys).toMatchObject([{ score: 9, comment: 'Très aimable' }]);
    expect(page.evaluations[0]!.comments).toEqual([{ at: 12.5, text: 'Bonne accroche' }]);
    expect(page.grid!.version).toBe(3);
    expect(await codeOf((await as('manager@zeta.test')).quality.callPage({ callId: 'q-a1-0' }))).toBe('NOT_FOUND');
    expect(await codeOf((await as('manager@zeta.test')).quality.evaluate({ callId: 'q-a1-0', answers: {}, comments: [] }))).toBe('NOT_FOUND');
    expect(await codeOf((await as('client@acme.test')).quality.callPage({ callId: 'q-a1-0' }))).toBe('FORBIDDEN');
    expect(await codeOf((await as('agent1@callpro.test')).quality.evaluate({ callId: 'q-a1-0', answers: {}, comments: [] }))).toBe('FORBIDDEN');
    expect(await codeOf((await as('manager@zeta.test')).quality.saveGrid({ campaignId: acmeIn, name: 'x', sections: GRID }))).toBe('NOT_FOUND');
  });
});

describe('sampling queue', () => {
  it('draws N calls per agent for the week, stratified, never a call twice nor one already evaluated', async () => {
    const quality = await as('quality@callpro.test');
    await quality.quality.setSampling({ campaignId: acmeIn, perAgentWeek: 2 });
    expect(await quality.quality.drawSample({ campaignId: acmeIn, week: WEEK })).toEqual({ added: 4 });
    const queue = await quality.quality.queue({ campaignId: acmeIn, week: WEEK });
    expect(queue.perAgentWeek).toBe(2);
    const evaluated = new Set(['q-a1-0', 'q-a1-2', 'q-a1-3', 'q-a2-0']);
    for (const agent of ['A1', 'A2']) expect(queue.items.filter((i) => i.agent === agent)).toHaveLength(2);
    expect(queue.items.every((i) => !evaluated.has(i.callId) && i.callId !== 'q-abandoned')).toBe(true);
    // A1's calls left: q-a1-1 (the green offer), q-a1-4, q-a1-5: the converted one is always in its sample.
    expect(queue.items.filter((i) => i.agent === 'A1').map((i) => i.stratum).sort()).toEqual(['converted', 'not_converted']);
    // Drawn again: the quota is met, nothing added. Raised to 3: A1 gets its last call, A2 has none left.
    expect(await quality.quality.drawSample({ campaignId: acmeIn, week: WEEK })).toEqual({ added: 0 });
    await quality.quality.setSampling({ campaignId: acmeIn, perAgentWeek: 3 });
    expect(await quality.quality.drawSample({ campaignId: acmeIn, week: WEEK })).toEqual({ added: 1 });
    const after = await quality.quality.queue({ campaignId: acmeIn, week: WEEK });
    expect(new Set(after.items.map((i) => i.callId)).size).toBe(after.items.length);
    expect(after.items).toHaveLength(5);
    // Another week holds none of these calls.
    expect((await quality.quality.queue({ campaignId: acmeIn, week: '2026-03-09' })).items).toEqual([]);
  });

  it('finds any connected call by agent, phone or id', async () => {
    const quality = await as('quality@callpro.test');
    expect((await quality.quality.searchCalls({ campaignId: acmeIn, agent: 'A2' })).map((c) => c.id).sort()).toEqual(['q-a2-0', 'q-a2-1', 'q-a2-2']);
    expect((await quality.quality.searchCalls({ campaignId: acmeIn, phone: '06 12 00 00 07' })).map((c) => c.id)).toEqual(['q-a2-1']);
    expect((await quality.quality.searchCalls({ campaignId: acmeIn, callId: 'q-abandoned' }))).toEqual([]);
    expect(await codeOf((await as('manager@zeta.test')).quality.searchCalls({ campaignId: acmeIn }))).toBe('NOT_FOUND');
  });
});

describe('acknowledge, dispute, revise', () => {
  it('lets only the evaluated agent acknowledge or dispute, an evaluator answer, and keeps every revision', async () => {
    const quality = await as('quality@callpro.test');
    const agent1 = await as('agent1@callpro.test');
    const agent2 = await as('agent2@callpro.test');
    const mine = await agent1.quality.mine();
    const e = mine.evaluations.find((x) => x.callId === 'q-a1-2')!;
    expect(e).toMatchObject({ status: 'submitted' });
    expect(mine.evaluations.every((x) => x.agent === 'A1')).toBe(true);
    expect(mine.grids.length).toBeGreaterThan(0);
    // Another agent's evaluation does not exist for agent 2; a manager is no agent.
    expect(await codeOf(agent2.quality.acknowledge({ evaluationId: e.id }))).toBe('NOT_FOUND');
    expect(await codeOf((await as('manager@callpro.test')).quality.dispute({ evaluationId: e.id, comment: 'x' }))).toBe('FORBIDDEN');
    expect(await codeOf(quality.quality.respond({ evaluationId: e.id, reply: 'Rien à contester' }))).toBe('PRECONDITION_FAILED');

    const disputed = await agent1.quality.dispute({ evaluationId: e.id, comment: 'Je me suis bien présenté à 0:05' });
    expect(disputed).toMatchObject({ status: 'disputed', revision: 2, agentComment: 'Je me suis bien présenté à 0:05' });
    expect(await codeOf(agent1.quality.acknowledge({ evaluationId: e.id }))).toBe('PRECONDITION_FAILED');
    const revised = await quality.quality.respond({ evaluationId: e.id, reply: 'Exact, corrigé', answers: { presentation: 'yes', ton: 4, mentions: 'yes' } });
    expect(revised).toMatchObject({ status: 'revised', revision: 3, score: 1, evaluatorReply: 'Exact, corrigé' });
    const acknowledged = await agent1.quality.acknowledge({ evaluationId: e.id });
    expect(acknowledged.status).toBe('acknowledged');
    expect(await codeOf(agent1.quality.dispute({ evaluationId: e.id, comment: 'encore' }))).toBe('PRECONDITION_FAILED');
    const { history } = await quality.quality.evaluation({ evaluationId: e.id });
    expect(history.map((h) => [h.revision, h.status, h.score])).toEqual([[1, 'submitted', 4 / 6], [2, 'disputed', 4 / 6], [3, 'revised', 1], [4, 'acknowledged', 1]]);
    expect(await codeOf((await as('manager@zeta.test')).quality.evaluation({ evaluationId: e.id }))).toBe('NOT_FOUND');
    // The score changed after the dispute is in the audit log (a reply alone is in the evaluation's history only).
    const audit = await selectRows<{ actor_email: string; summary: string; detail: string }>(engine.ch,
      "SELECT actor_email, summary, detail FROM audit_log WHERE action = 'quality.revision' AND subject_id = 'q-a1-2'");
    expect(audit.map((a) => [a.actor_email, a.summary, JSON.parse(a.detail)])).toEqual([
      ['quality@callpro.test', 'A1 · 66.7 % → 100 %', { campaignId: acmeIn, evaluationId: e.id, before: 4 / 6, after: 1 }],
    ]);
  });
});

describe('calibration', () => {
  it('a second evaluator’s evaluation is a calibration one, compared criterion by criterion', async () => {
    const manager = await as('manager@callpro.test');
    const second = await manager.quality.evaluate({ callId: 'q-a1-3', answers: { presentation: 'yes', ton: 1, mentions: 'yes' }, comments: [] });
    expect(second.calibration).toBe(true);
    const audit = await selectRows<{ actor_email: string; detail: string }>(engine.ch,
      "SELECT actor_email, detail FROM audit_log WHERE action = 'quality.evaluation' AND subject_id = 'q-a1-3' ORDER BY actor_email DESC");
    expect(audit.map((a) => [a.actor_email, JSON.parse(a.detail).calibration])).toEqual([['quality@callpro.test', false], ['manager@callpro.test', true]]);
    const calls = await manager.quality.calibrationCalls({ campaignId: acmeIn });
    expect(calls.map((c) => c.callId)).toEqual(['q-a1-3']);
    const cal = await manager.quality.calibration({ callId: 'q-a1-3' });
    expect(cal.evaluations.map((e) => e.evaluatorName)).toEqual(['Quentin Qualité', 'Marc Manager']);
    expect(cal.spread!.criteria.find((c) => c.id === 'ton')).toMatchObject({ count: 2, min: 0.25, max: 0.75, range: 0.5, stddev: 0.25 });
    expect(cal.spread!.criteria.find((c) => c.id === 'presentation')).toMatchObject({ count: 1, notApplicable: 1 });
    // Not the agent's: never on their desk.
    expect((await (await as('agent1@callpro.test')).quality.mine()).evaluations.some((e) => e.id === second.id)).toBe(false);
  });
});

describe('QA score KPI', () => {
  it('is the mean score of official evaluations, newest revision, by campaign and by agent', async () => {
    const range = { from: Date.parse('2026-03-01T00:00:00Z'), to: Date.parse('2026-04-01T00:00:00Z') };
    const kpis = (agents: string[] = []) => computeKpis(engine.ch, { campaignIds: [acmeIn], orgIds: [callproId], ...range, agents, sl: { answerSeconds: 20, shortAbandonSeconds: 5 } });
    // A1: q-a1-0 (v1: 2+1.5+1 of 6 = 0.75), q-a1-2 revised to 1, q-a1-3 3.25/4 (the calibration one left out); A2: q-a2-0 eliminated 0.
    const a1 = [0.75, 1, 3.25 / 4];
    expect((await kpis(['A1'])).qa_score).toBeCloseTo(a1.reduce((x, y) => x + y) / 3);
    expect((await kpis(['A1'])).qa_evaluations).toBe(3);
    const all = await kpis();
    expect(all.qa_evaluations).toBe(4);
    expect(all.qa_score).toBeCloseTo([...a1, 0].reduce((x, y) => x + y) / 4);
    const byAgent = await (await as('manager@callpro.test')).kpi.agents({ ...range, campaignIds: [acmeIn] });
    expect(byAgent.rows.find((r) => r.agent === 'A2')!.kpis).toMatchObject({ qa_score: 0, qa_evaluations: 1 });
    // Per day: the evaluations of the day's calls.
    const series = await computeKpis(engine.ch, { campaignIds: [acmeIn], orgIds: [callproId], ...range, agents: [], bucket: 'day', timeZone: 'Europe/Paris', sl: { answerSeconds: 20, shortAbandonSeconds: 5 } });
    expect(series.series!.find((p) => p.qa_evaluations > 0)!.bucket).toBe('2026-03-02T23:00:00.000Z');
    // Another campaign has none.
    expect((await computeKpis(engine.ch, { campaignIds: [acmeOut], orgIds: [callproId], ...range, agents: [], sl: { answerSeconds: 20, shortAbandonSeconds: 5 } })).qa_score).toBeNull();
  });
});
