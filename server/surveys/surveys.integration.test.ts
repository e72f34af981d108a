// Surveys on a real chDB engine with the demo tenancy: crediting a survey by its call, survey links (one answer,
// expired, unknown, a token answers only its own survey), the inbox's filters and NPS, detractors' follow-ups and
// who may change them, and what another tenant sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/clickhouse/queries/rows';
import { surveyTokens } from '@/clickhouse/queries/surveys';
import { campaignsByCode } from '@/clickhouse/queries/tenancy';
import { callRecord } from '@/dialer/calls/call-record';
import { ingestSink } from '@/server/dialer/record-sink';
import { ingestNdjson } from '@/server/ingest/service';
import { callerAs, codeOf, refusalOf } from '@/server/testing/callers';
import { openDemoEngine, type DemoEngine } from '@/server/testing/demo-engine';
import { demoOutsourcerId } from '@/server/testing/tenants';
import { answerSurvey, AnswerRefused, publicSurvey } from './links';
import { answerTokenCreate } from './public-api';
import { surveyIdOfToken } from './token';

let engine: DemoEngine;
let org: string;
let acmeIn: string;
let acmeOut: string;
const t0 = Date.UTC(2026, 2, 2, 10);
const DAY = 86_400_000;
const range = { from: t0 - DAY, to: Date.now() + DAY };

beforeAll(async () => {
  engine = await openDemoEngine();
  org = await demoOutsourcerId(engine.ch);
  const codes = await campaignsByCode(engine.ch, org);
  acmeIn = codes.get('ACME-IN')!.id;
  acmeOut = codes.get('ACME-OUT')!.id;
}, 120_000);
afterAll(() => engine.close());

const ndjson = (...lines: object[]) => lines.map((l) => JSON.stringify(l)).join('\n');

/** A connected call of ACME-OUT written by the dialer (its record sink), which makes its survey link. */
async function dialerCall(id: string, agent = 'A1', phone = '+33612345678') {
  const refused = await ingestSink(engine.ch).write(org, [callRecord({
    id, campaign: 'ACME-OUT', direction: 'outbound', phone, agent, startedAt: t0, answeredAt: t0 + 3_000, connectedAt: t0 + 3_500, endedAt: t0 + 60_000, outcome: 'connected',
  })]);
  expect(refused).toEqual([]);
  return (await surveyTokens.ofCalls(engine.ch, org, [id]))[0];
}

async function storedSurvey(id: string) {
  return (await selectRows<{ campaign_id: string; agent: string; case_id: string; call_id: string; source: string; n: number }>(
    engine.ch,
    `SELECT campaign_id, argMax(agent, version) AS agent, argMax(case_id, version) AS case_id, argMax(call_id, version) AS call_id,
       toString(argMax(source, version)) AS source, sum(sign) AS n FROM surveys WHERE id = {id:String} GROUP BY campaign_id`,
    { id },
  )).map((r) => ({ ...r, n: Number(r.n) }))[0];
}

describe('crediting a survey by its call', () => {
  it('gives a survey naming only its call that call’s agent, campaign and case', async () => {
    const call = { kind: 'call', id: 'credit-call-1', campaign: 'ACME-IN', direction: 'inbound', agent: 'A2', started_at: '2026-03-02T10:00:00Z',
      connected_at: '2026-03-02T10:00:05Z', ended_at: '2026-03-02T10:03:00Z', outcome: 'connected', case_id: 'case-credit-1' };
    expect((await ingestNdjson(engine.ch, org, ndjson(call))).rejected).toEqual([]);
    const result = await ingestNdjson(engine.ch, org, ndjson(
      { kind: 'survey', id: 'credit-s-1', call_id: 'credit-call-1', score: 9, answered_at: '2026-03-02T11:00:00Z' },
      { kind: 'survey', id: 'credit-s-2', campaign: 'ACME-IN', call_id: 'credit-call-1', score: 4, answered_at: '2026-03-02T11:00:00Z' },
      { kind: 'survey', id: 'credit-s-3', call_id: 'no-such-call', score: 4, answered_at: '2026-03-02T11:00:00Z' },
      { kind: 'survey', id: 'credit-s-4', campaign: 'ACME-OUT', call_id: 'credit-call-1', score: 4, answered_at: '2026-03-02T11:00:00Z' },
      { kind: 'survey', id: 'credit-s-5', score: 4, answered_at: '2026-03-02T11:00:00Z' },
    ));
    expect(result.accepted).toBe(3);
    expect(result.rejected.map((r) => r.line)).toEqual([3, 5]);
    expect(result.rejected[0]!.error).toMatch(/unknown call/);
    expect(await storedSurvey('credit-s-1')).toMatchObject({ campaign_id: acmeIn, agent: 'A2', case_id: 'case-credit-1', source: 'api', n: 1 });
    expect(await storedSurvey('credit-s-2')).toMatchObject({ campaign_id: acmeIn, agent: 'A2', n: 1 });
    // A call id is unique per campaign only: ACME-OUT's survey does not take ACME-IN's call of the same id.
    expect(await storedSurvey('credit-s-4')).toMatchObject({ campaign_id: acmeOut, agent: '', n: 1 });
    // Once two campaigns have a call of that id, a survey naming only the id must name its campaign.
    expect((await ingestNdjson(engine.ch, org, ndjson({ ...call, campaign: 'ACME-OUT', direction: 'outbound', agent: 'A1' }))).rejected).toEqual([]);
    const ambiguous = await ingestNdjson(engine.ch, org, ndjson({ kind: 'survey', id: 'credit-s-6', call_id: 'credit-call-1', score: 7, answered_at: '2026-03-02T11:00:00Z' }));
    expect(ambiguous.rejected[0]?.error).toMatch(/several campaigns.*name its campaign/);
    await ingestNdjson(engine.ch, org, ndjson({ kind: 'survey', id: 'credit-s-7', campaign: 'ACME-OUT', call_id: 'credit-call-1', score: 7, answered_at: '2026-03-02T11:00:00Z' }));
    expect(await storedSurvey('credit-s-7')).toMatchObject({ campaign_id: acmeOut, agent: 'A1', n: 1 });
    // The agent's NPS counts it: the by-agent KPI reads surveys by agent.
    const manager = await callerAs(engine.ch, 'manager@callpro.test');
    const agents = await manager.kpi.agents({ from: Date.UTC(2026, 2, 2), to: Date.UTC(2026, 2, 3), campaignIds: [acmeIn] });
    expect(JSON.stringify(agents)).toContain('A2');
  });

  it('does not take a call of another outsourcer', async () => {
    const other = 'org-other-credit';
    const result = await ingestNdjson(engine.ch, other, ndjson({ kind: 'survey', id: 'credit-x', call_id: 'credit-call-1', score: 2, answered_at: '2026-03-02T11:00:00Z' }));
    expect(result.accepted).toBe(0);
    expect(await storedSurvey('credit-x')).toBeUndefined();
  });
});

describe('survey links', () => {
  it('are made for a connected call the dialer writes, once, and not for an unanswered one', async () => {
    const link = await dialerCall('link-call-1');
    expect(link).toMatchObject({ campaign_id: acmeOut, agent: 'A1', language: 'fr', answered_at: null });
    expect(link!.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(link!.expires_at - link!.created_at).toBe(7 * DAY);
    // Written again (a disposition set later): the same link.
    await dialerCall('link-call-1');
    expect((await surveyTokens.ofCalls(engine.ch, org, ['link-call-1'])).map((t) => t.token)).toEqual([link!.token]);
    await ingestSink(engine.ch).write(org, [callRecord({ id: 'link-noanswer', campaign: 'ACME-OUT', direction: 'outbound', phone: '+33612345678', startedAt: t0, endedAt: t0 + 30_000, outcome: 'no_answer' })]);
    expect(await surveyTokens.ofCalls(engine.ch, org, ['link-noanswer'])).toEqual([]);
    // A British number: English.
    expect((await dialerCall('link-call-en', 'A1', '+447700900123'))!.language).toBe('en');
  });

  it('are per call of a campaign: an id two campaigns share gives each its own link, and the API asks which', async () => {
    const call = (campaign: string, agent: string, phone: string) => ({ kind: 'call', id: 'shared-id-1', campaign, direction: 'inbound', agent, phone,
      started_at: '2026-03-02T10:00:00Z', connected_at: '2026-03-02T10:00:05Z', ended_at: '2026-03-02T10:03:00Z', outcome: 'connected' });
    expect((await ingestNdjson(engine.ch, org, ndjson(call('ACME-IN', 'A1', '+33611111111'), call('HORIZON-IN', 'A3', '+33622222222')))).rejected).toEqual([]);
    const ask = await answerTokenCreate(engine.ch, org, { call_id: 'shared-id-1' }, 'https://relais.test');
    expect(ask.status).toBe(409);
    expect(((await ask.json()) as { error: string }).error).toContain('name its "campaign"');
    const horizon = (await (await answerTokenCreate(engine.ch, org, { call_id: 'shared-id-1', campaign: 'HORIZON-IN' }, 'https://relais.test')).json()) as { campaign: string; agent: string; phone: string; token: string };
    expect(horizon).toMatchObject({ campaign: 'HORIZON-IN', agent: 'A3', phone: '+33622222222' });
    const acme = (await (await answerTokenCreate(engine.ch, org, { call_id: 'shared-id-1', campaign: 'ACME-IN' }, 'https://relais.test')).json()) as { campaign: string; agent: string; phone: string; token: string };
    expect(acme).toMatchObject({ campaign: 'ACME-IN', agent: 'A1', phone: '+33611111111' });
    expect(acme.token).not.toBe(horizon.token);
    // Asked again: the same link for each.
    expect(((await (await answerTokenCreate(engine.ch, org, { call_id: 'shared-id-1', campaign: 'ACME-IN' }, 'https://relais.test')).json()) as { token: string }).token).toBe(acme.token);
    expect((await answerTokenCreate(engine.ch, org, { call_id: 'shared-id-1', campaign: 'NOPE' }, 'https://relais.test')).status).toBe(404);
  });

  it('take one answer, stored as the call’s survey; a second is refused', async () => {
    const link = (await dialerCall('link-call-2', 'A2'))!;
    expect(await publicSurvey(engine.ch, link.token)).toEqual({ state: 'open', language: 'fr', clientName: 'Acme Energie' });
    await answerSurvey(engine.ch, link.token, { score: 2, resolved: false, comment: 'Personne ne m’a rappelé' });
    expect(await storedSurvey(surveyIdOfToken(link.token))).toMatchObject({ campaign_id: acmeOut, agent: 'A2', call_id: 'link-call-2', source: 'relais', n: 1 });
    await expect(answerSurvey(engine.ch, link.token, { score: 10, resolved: true, comment: '' })).rejects.toEqual(new AnswerRefused('answered'));
    // Two at once: one is stored.
    const other = (await dialerCall('link-call-3'))!;
    const both = await Promise.allSettled([0, 1].map(() => answerSurvey(engine.ch, other.token, { score: 8, resolved: true, comment: '' })));
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await storedSurvey(surveyIdOfToken(other.token)))!.n).toBe(1);
    expect((await publicSurvey(engine.ch, link.token)).state).toBe('answered');
    // The first survey is untouched by the other token's answers: a token answers only its own survey.
    expect(await storedSurvey(surveyIdOfToken(link.token))).toMatchObject({ call_id: 'link-call-2', n: 1 });
  });

  it('refuse an expired link and an unknown one, showing nothing of either', async () => {
    const link = (await dialerCall('link-call-4'))!;
    const later = link.expires_at + 1;
    expect(await publicSurvey(engine.ch, link.token, later)).toEqual({ state: 'expired', language: 'fr', clientName: '' });
    await expect(answerSurvey(engine.ch, link.token, { score: 5, resolved: null, comment: '' }, later)).rejects.toEqual(new AnswerRefused('expired'));
    const unknown = 'A'.repeat(32);
    expect(await publicSurvey(engine.ch, unknown)).toEqual({ state: 'unknown', language: 'fr', clientName: '' });
    expect(await publicSurvey(engine.ch, "x' OR 1=1 --")).toEqual({ state: 'unknown', language: 'fr', clientName: '' });
    await expect(answerSurvey(engine.ch, unknown, { score: 5, resolved: null, comment: '' })).rejects.toEqual(new AnswerRefused('unknown'));
  });

  it('last the campaign’s number of days, set by its manager only', async () => {
    const manager = await callerAs(engine.ch, 'manager@callpro.test');
    const client = await callerAs(engine.ch, 'client@acme.test');
    expect(await codeOf(client.surveys.settings.set({ campaignId: acmeOut, tokenDays: 3 }))).toBe('FORBIDDEN');
    const horizon = await callerAs(engine.ch, 'client@horizon.test');
    expect(await codeOf(horizon.surveys.settings.get({ campaignId: acmeOut }))).toBe('NOT_FOUND');
    await manager.surveys.settings.set({ campaignId: acmeOut, tokenDays: 3 });
    expect(await client.surveys.settings.get({ campaignId: acmeOut })).toEqual({ tokenDays: 3 });
    const link = (await dialerCall('link-call-5'))!;
    expect(link.expires_at - link.created_at).toBe(3 * DAY);
    await manager.surveys.settings.set({ campaignId: acmeOut, tokenDays: 7 });
  });
});

describe('the survey inbox', () => {
  it('filters by band, resolved, agent, campaign, text and dates, with the NPS of the filtered set', async () => {
    const quality = await callerAs(engine.ch, 'quality@callpro.test');
    const all = await quality.surveys.inbox({ ...range, campaignIds: [acmeIn, acmeOut], limit: 200 });
    expect(all.responses).toBeGreaterThanOrEqual(4);
    const ids = (r: { rows: { id: string }[] }) => r.rows.map((x) => x.id);
    const detractors = await quality.surveys.inbox({ ...range, band: 'detractors', limit: 200 });
    expect(detractors.rows.every((r) => r.score <= 6)).toBe(true);
    expect(detractors.nps).toBe(-100);
    expect(ids(detractors)).toContain('credit-s-2');
    const promoters = await quality.surveys.inbox({ ...range, band: 'promoters', agents: ['A2'], limit: 200 });
    expect(ids(promoters)).toEqual(['credit-s-1']);
    expect(promoters.nps).toBe(100);
    const text = await quality.surveys.inbox({ ...range, search: 'RAPPELÉ' });
    expect(text.rows.map((r) => r.comment)).toEqual(['Personne ne m’a rappelé']);
    const unresolved = await quality.surveys.inbox({ ...range, resolved: false });
    expect(unresolved.rows.length).toBeGreaterThan(0);
    expect(unresolved.rows.every((r) => r.resolved === 0)).toBe(true);
    expect((await quality.surveys.inbox({ ...range, campaignIds: [acmeIn], resolved: true })).rows.every((r) => r.resolved === 1)).toBe(true);
    const march2 = await quality.surveys.inbox({ from: Date.UTC(2026, 2, 2), to: Date.UTC(2026, 2, 3), campaignIds: [acmeIn] });
    expect(ids(march2).sort()).toEqual(['credit-s-1', 'credit-s-2']);
    expect(march2).toMatchObject({ responses: 2, promoters: 1, detractors: 1, nps: 0 });
    const page = await quality.surveys.inbox({ ...range, limit: 1, offset: 1 });
    expect(page.rows).toHaveLength(1);
    expect(page.responses).toBe(all.responses);
    expect((await refusalOf(quality.surveys.inbox({ from: range.to, to: range.from }))).code).toBe('BAD_REQUEST');
  });

  it('is seen by the partnership’s members only: the client reads, Horizon and agents get nothing of Acme', async () => {
    const client = await callerAs(engine.ch, 'client@acme.test');
    expect((await client.surveys.inbox({ ...range, campaignIds: [acmeIn] })).responses).toBeGreaterThan(0);
    const horizon = await callerAs(engine.ch, 'client@horizon.test');
    expect(await codeOf(horizon.surveys.inbox({ ...range, campaignIds: [acmeIn] }))).toBe('NOT_FOUND');
    const theirs = await horizon.surveys.inbox({ ...range, search: 'rappelé' });
    expect(theirs.rows).toEqual([]);
    const agent = await callerAs(engine.ch, 'agent1@callpro.test');
    expect(await codeOf(agent.surveys.inbox(range))).toBe('FORBIDDEN');
    // The filters name the agents of the client's own campaigns (Acme: A1, A2, A5–A8), not Horizon's team; the outsourcer sees all.
    const codes = (n: number[]) => n.map((i) => `A${i}`).sort();
    expect((await client.surveys.options()).agents.map((a) => a.code).sort()).toEqual(codes([1, 2, 5, 6, 7, 8]));
    expect((await horizon.surveys.options()).agents.map((a) => a.code).sort()).toEqual(codes([3, 4, 9, 10, 11, 12]));
    expect((await (await callerAs(engine.ch, 'quality@callpro.test')).surveys.options()).agents.map((a) => a.code).sort()).toEqual(codes([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
  });
});

describe('detractors’ follow-ups', () => {
  it('move new → contacted → closed with an owner and a note, history kept, by the outsourcer’s staff only', async () => {
    const quality = await callerAs(engine.ch, 'quality@callpro.test');
    const manager = await callerAs(engine.ch, 'manager@callpro.test');
    const client = await callerAs(engine.ch, 'client@acme.test');
    const horizon = await callerAs(engine.ch, 'client@horizon.test');
    const at = { campaignId: acmeIn, surveyId: 'credit-s-2' };
    const before = await quality.surveys.inbox({ ...range, campaignIds: [acmeIn], band: 'detractors' });
    expect(before.rows.find((r) => r.id === 'credit-s-2')!.status).toBe('new');
    const owners = (await quality.surveys.options()).owners;
    const owner = owners.find((o) => o.name.length > 0)!;
    await quality.surveys.followup.save({ ...at, status: 'contacted', ownerId: owner.id, note: 'Rappelée le 3 mars' });
    expect((await refusalOf(client.surveys.followup.save({ ...at, status: 'closed' }))).code).toBe('FORBIDDEN');
    expect(await codeOf(horizon.surveys.followup.history(at))).toBe('NOT_FOUND');
    expect(await refusalOf(manager.surveys.followup.save({ ...at, status: 'new' }))).toMatchObject({ code: 'BAD_REQUEST', key: 'error.survey.move' });
    expect(await refusalOf(manager.surveys.followup.save({ ...at, status: 'closed', ownerId: 'not-a-user' }))).toMatchObject({ key: 'error.survey.owner' });
    expect(await refusalOf(manager.surveys.followup.save({ campaignId: acmeIn, surveyId: 'credit-s-1', status: 'contacted' }))).toMatchObject({ key: 'error.survey.notDetractor' });
    // A survey of another campaign named with this one: it does not exist here.
    expect(await codeOf(manager.surveys.followup.save({ campaignId: acmeOut, surveyId: 'credit-s-2', status: 'closed' }))).toBe('NOT_FOUND');
    await manager.surveys.followup.save({ ...at, status: 'closed', ownerId: owner.id, note: 'Geste commercial accordé' });
    const history = await client.surveys.followup.history(at);
    expect(history.map((h) => [h.status, h.note])).toEqual([['closed', 'Geste commercial accordé'], ['contacted', 'Rappelée le 3 mars']]);
    const after = await client.surveys.inbox({ ...range, campaignIds: [acmeIn], followup: 'closed' });
    expect(after.rows.map((r) => [r.id, r.status, r.owner_id])).toEqual([['credit-s-2', 'closed', owner.id]]);
    const audit = await selectRows<{ n: number }>(engine.ch, "SELECT count() AS n FROM audit_log WHERE action = 'survey.followup' AND subject_id = 'credit-s-2'");
    expect(Number(audit[0]!.n)).toBe(2);
  });
});
