// KPI alerts on a real chDB engine: the rule store (audited, the legal rule shown and kept), alerts opened and
// cleared by calls posted to the real ingest route while the evaluator follows the live bus, a duration rule opened
// by its timer alone, open alerts carried across a restart, the minute's sweep (only campaigns with something to
// watch, an alert still cleared when its rule is gone or the day rolls over, a listing older than a rule change),
// and tenancy (another client, an agent, another organization's campaign, an alert acknowledged under another campaign).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '@/server/http/api-auth';
import { answerIngest } from '@/server/ingest/ingest-request';
import { alertsSql } from '@/clickhouse/queries/alerts';
import { campaignsOfOutsourcer, tenancy } from '@/clickhouse/queries/tenancy';
import { recording } from '@/clickhouse/testing/recording';
import { ingestNdjson } from '@/server/ingest/service';
import { scopedCampaign, systemCampaignView } from '@/server/campaigns/views';
import { loadScope } from '@/server/tenancy/load-scope';
import { DEMO_PASSWORD } from '@/server/seed/demo';
import { createUser } from '@/server/users/create-user';
import { createApiKey } from '@/server/api-keys/keys';
import { campaignInput, provisionCampaign } from '@/server/campaigns/provision';
import { openDemoEngine, type DemoEngine } from '@/server/testing/demo-engine';
import { callerAs, codeOf, refusalOf } from '@/server/testing/callers';
import { serveRoutes } from '@/server/testing/http';
import { addOutsourcer, demoOutsourcerId } from '@/server/testing/tenants';
import { AlertEvaluator } from './evaluator';
import { legalRuleId } from './kpis';
import { rulesOfCampaigns } from './rules';

let engine: DemoEngine;
let api: { url: string; close: () => Promise<void> };
let key: string;
let orgId: string;
const ids: Record<string, string> = {};
const evaluators: AlertEvaluator[] = [];
let clock = { offset: 0 };
const now = () => Date.now() + clock.offset;

beforeAll(async () => {
  engine = await openDemoEngine();
  orgId = await demoOutsourcerId(engine.ch);
  key = (await createApiKey(engine.ch, orgId, 'test', 'test')).key;
  for (const c of await campaignsOfOutsourcer(engine.ch, orgId)) ids[c.code] = c.id;
  const acme = (await tenancy.userByEmail(engine.ch, 'client@acme.test'))!;
  await createUser(engine.ch, { email: 'admin@acme.test', name: 'Alice Admin Acme', password: DEMO_PASSWORD, role: 'admin', orgId: acme.org_id });
  // What app/api/v1/ingest/route.ts answers (server/ may not import app/): the key, then the ingest.
  const ingestRoute = async (req: Request) => {
    const caller = await authenticate(req);
    return caller instanceof Response ? caller : answerIngest(caller.ch, caller.orgId, req);
  };
  api = await serveRoutes([{ method: 'POST', pattern: /^\/api\/v1\/ingest$/, handler: ingestRoute as never }]);
}, 120_000);
afterAll(async () => {
  for (const e of evaluators) await e.stop();
  await api?.close();
  await engine?.close();
});

function evaluator(options: ConstructorParameters<typeof AlertEvaluator>[1] = {}, ch = engine.ch) {
  const e = new AlertEvaluator(ch, { now, sweepMs: 3_600_000, onError: (err) => { throw err; }, ...options });
  evaluators.push(e);
  return e;
}

async function post(records: object[]) {
  const res = await fetch(`${api.url}/api/v1/ingest`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: records.map((r) => JSON.stringify(r)).join('\n') });
  const body = await res.json() as { accepted: number; rejected: unknown[] };
  expect(body.rejected).toEqual([]);
  return body;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** An inbound call of 3 minutes ago: connected after `wait` seconds, or abandoned after it. */
function inbound(campaign: string, wait: number, connected: boolean) {
  const start = now() - 3 * 60_000;
  return connected
    ? { kind: 'call', id: `t-${randomUUID()}`, campaign, direction: 'inbound', agent: 'A1', started_at: iso(start), connected_at: iso(start + wait * 1000), ended_at: iso(start + wait * 1000 + 50_000), outcome: 'connected' }
    : { kind: 'call', id: `t-${randomUUID()}`, campaign, direction: 'inbound', started_at: iso(start), ended_at: iso(start + wait * 1000), outcome: 'abandoned' };
}
/** An outbound call answered by a person: put through to an agent at once, or dropped (no agent within 2 s). */
function outbound(campaign: string, dropped: boolean) {
  const start = now() - 60_000;
  const answered = start + 5_000;
  return dropped
    ? { kind: 'call', id: `t-${randomUUID()}`, campaign, direction: 'outbound', phone: '+33612000001', started_at: iso(start), answered_at: iso(answered), ended_at: iso(answered + 4_000), outcome: 'abandoned' }
    : { kind: 'call', id: `t-${randomUUID()}`, campaign, direction: 'outbound', phone: '+33612000002', agent: 'A1', started_at: iso(start), answered_at: iso(answered), connected_at: iso(answered + 500), ended_at: iso(answered + 60_000), outcome: 'connected' };
}

async function openOf(campaignId: string) {
  return alertsSql.open(engine.ch, [campaignId]);
}

describe('the rule store', () => {
  it('saves, changes and deletes a manager’s rules, each change audited; both sides read them, only the contact center edits', async () => {
    const manager = await callerAs(engine.ch, 'manager@callpro.test', now);
    const client = await callerAs(engine.ch, 'client@acme.test', now);
    const campaignId = ids['ACME-IN']!;
    const rule = { kpi: 'service_level', comparison: 'below', threshold: 0.7, duration_minutes: 15, enabled: true } as const;
    const saved = await manager.alerts.saveRule({ campaignId, rule });
    expect(saved).toMatchObject({ ...rule, revision: 1, legal: false, edited_by_name: expect.any(String) });
    const changed = await manager.alerts.saveRule({ campaignId, ruleId: saved.id, rule: { ...rule, threshold: 0.75 } });
    expect(changed).toMatchObject({ id: saved.id, revision: 2, threshold: 0.75 });

    const seen = await client.alerts.rules({ campaignId });
    expect(seen.editable).toBe(false);
    expect(seen.rules.map((r) => [r.id, r.threshold])).toEqual([[saved.id, 0.75]]);
    expect(seen.kpis).toContain('service_level');
    expect(seen.kpis).not.toContain('outbound_abandon_rate');
    expect((await manager.alerts.rules({ campaignId })).editable).toBe(true);
    expect(await codeOf(client.alerts.saveRule({ campaignId, rule }))).toBe('FORBIDDEN');
    // The client's admin holds a role that edits elsewhere: the refusal says whose rules these are.
    const clientAdmin = await callerAs(engine.ch, 'admin@acme.test', now);
    expect(await refusalOf(clientAdmin.alerts.saveRule({ campaignId, rule }))).toMatchObject({ code: 'FORBIDDEN', key: 'error.alertRulesOutsourcer' });
    expect(await codeOf(client.alerts.deleteRule({ campaignId, ruleId: saved.id }))).toBe('FORBIDDEN');
    // An outbound KPI on an inbound campaign means nothing.
    expect(await refusalOf(manager.alerts.saveRule({ campaignId, rule: { ...rule, kpi: 'outbound_abandon_rate', comparison: 'above', threshold: 0.05 } })))
      .toMatchObject({ code: 'BAD_REQUEST', key: 'error.alertKpiDirection' });

    await manager.alerts.deleteRule({ campaignId, ruleId: saved.id });
    expect((await manager.alerts.rules({ campaignId })).rules).toEqual([]);
    expect(await codeOf(manager.alerts.deleteRule({ campaignId, ruleId: saved.id }))).toBe('NOT_FOUND');
    const admin = await callerAs(engine.ch, 'admin@callpro.test');
    const audit = (await admin.audit.list({ from: Date.now() - 3_600_000, to: Date.now() + 60_000, family: 'alert_rule' })).lines;
    expect(audit.map((l) => l.action).sort()).toEqual(['alert_rule.create', 'alert_rule.delete', 'alert_rule.update']);
    expect(audit.find((l) => l.action === 'alert_rule.update')!.detail).toContain('"threshold":{"before":0.7,"after":0.75}');
  });

  it('gives every outbound campaign the legal rule, which cannot be changed nor deleted', async () => {
    const manager = await callerAs(engine.ch, 'manager@callpro.test', now);
    const campaignId = ids['HORIZON-OUT']!;
    const { rules } = await manager.alerts.rules({ campaignId });
    expect(rules[0]).toMatchObject({ id: legalRuleId(campaignId), legal: true, kpi: 'outbound_abandon_rate', comparison: 'above', threshold: 0.03, duration_minutes: 0, enabled: true });
    expect(await refusalOf(manager.alerts.deleteRule({ campaignId, ruleId: legalRuleId(campaignId) }))).toMatchObject({ code: 'FORBIDDEN', key: 'error.alertRuleLegal' });
    expect(await codeOf(manager.alerts.saveRule({ campaignId, ruleId: legalRuleId(campaignId), rule: { kpi: 'outbound_abandon_rate', comparison: 'above', threshold: 0.1, duration_minutes: 0, enabled: false } }))).toBe('FORBIDDEN');
    expect((await manager.alerts.rules({ campaignId: ids['HORIZON-IN']! })).rules).toEqual([]);
  });

  it('never attaches a rule to another organization’s campaign', async () => {
    await addOutsourcer(engine.ch, 'org-rival', 'Rival Contact');
    const { campaign } = await provisionCampaign(engine.ch, 'org-rival', 'RIVAL-IN', campaignInput.parse({ name: 'Rival entrant', client: 'Rival client', direction: 'inbound', dial_mode: 'none' }), { id: 'test', email: 't@rival.test', name: 'Test' });
    const manager = await callerAs(engine.ch, 'manager@callpro.test', now);
    const rule = { kpi: 'asa_seconds', comparison: 'above', threshold: 30, duration_minutes: 0, enabled: true } as const;
    expect(await refusalOf(manager.alerts.saveRule({ campaignId: campaign.id, rule }))).toMatchObject({ code: 'NOT_FOUND', key: 'error.noSuch.campaign' });
    expect(await alertsSql.rules(engine.ch, [campaign.id])).toEqual([]);
    // A rule of one's own campaign named under another of one's campaigns does not exist there.
    const own = await manager.alerts.saveRule({ campaignId: ids['ACME-IN']!, rule });
    expect(await refusalOf(manager.alerts.saveRule({ campaignId: ids['HORIZON-IN']!, ruleId: own.id, rule }))).toMatchObject({ code: 'NOT_FOUND', key: 'error.noSuch.alertRule' });
    await manager.alerts.deleteRule({ campaignId: ids['ACME-IN']!, ruleId: own.id });
  });
});

describe('evaluation from real calls', () => {
  it('opens a duration-0 alert within a couple of seconds of the calls posted to the ingest API, and clears it when more calls bring the value back', async () => {
    const e = evaluator().start();
    await e.evaluateAll();
    const manager = await callerAs(engine.ch, 'manager@callpro.test', now);
    const campaignId = ids['ACME-IN']!;
    const rule = await manager.alerts.saveRule({ campaignId, rule: { kpi: 'abandon_rate', comparison: 'above', threshold: 0.2, duration_minutes: 0, enabled: true } });
    const t0 = Date.now();
    await post([inbound('ACME-IN', 30, false), inbound('ACME-IN', 40, false), inbound('ACME-IN', 10, true)]);
    await expect.poll(async () => (await openOf(campaignId)).filter((a) => a.rule_id === rule.id).length, { timeout: 2_000, interval: 50 }).toBe(1);
    const opened = Date.now() - t0;
    const [alert] = (await openOf(campaignId)).filter((a) => a.rule_id === rule.id);
    expect(alert).toMatchObject({ kpi: 'abandon_rate', comparison: 'above', threshold: 0.2, value_at_open: 2 / 3, worst_value: 2 / 3, cleared_at: null });
    // Both sides see it among the open alerts, with its campaign.
    const client = await callerAs(engine.ch, 'client@acme.test', now);
    expect((await client.alerts.open({ campaignId })).map((a) => [a.id, a.campaign.code])).toEqual([[alert!.id, 'ACME-IN']]);

    await post([inbound('ACME-IN', 50, false)]);
    await expect.poll(async () => (await alertsSql.one(engine.ch, campaignId, alert!.id))?.worst_value, { timeout: 2_000, interval: 50 }).toBe(3 / 4);

    await post(Array.from({ length: 12 }, () => inbound('ACME-IN', 5, true)));
    await expect.poll(async () => (await alertsSql.one(engine.ch, campaignId, alert!.id))?.cleared_at ?? null, { timeout: 2_000, interval: 50 }).not.toBeNull();
    const past = await alertsSql.one(engine.ch, campaignId, alert!.id);
    expect(past).toMatchObject({ clear_reason: 'recovered', value_at_open: 2 / 3, worst_value: 3 / 4 });
    expect((await client.alerts.open({ campaignId })).filter((a) => a.rule_id === rule.id)).toEqual([]);
    const listed = (await client.alerts.list({ from: t0 - 60_000, to: Date.now() + 60_000, campaignId })).alerts;
    expect(listed.map((a) => a.id)).toContain(alert!.id);
    console.log(`alert opened ${opened} ms after the ingest request began`);
    await manager.alerts.deleteRule({ campaignId, ruleId: rule.id });
    await e.stop();
  });

  it('opens the legal rule’s alert on an outbound campaign whose regulatory abandon rate passes 3 %', async () => {
    const e = evaluator().start();
    const campaignId = ids['HORIZON-OUT']!;
    await post([outbound('HORIZON-OUT', false), outbound('HORIZON-OUT', true)]);
    await expect.poll(async () => (await openOf(campaignId)).map((a) => [a.rule_id, a.legal, a.value_at_open]), { timeout: 2_000, interval: 50 })
      .toEqual([[legalRuleId(campaignId), 1, 0.5]]);
    await e.stop();
  });

  it('opens a duration rule when its time has passed with no new event (its timer), and keeps it open across a restart', async () => {
    const campaignId = ids['HORIZON-IN']!;
    const manager = await callerAs(engine.ch, 'manager@callpro.test', now);
    await post([inbound('HORIZON-IN', 45, true), inbound('HORIZON-IN', 65, true)]);
    const rule = await manager.alerts.saveRule({ campaignId, rule: { kpi: 'asa_seconds', comparison: 'above', threshold: 30, duration_minutes: 1, enabled: true } });
    const e = evaluator();
    await e.evaluate(campaignId);
    expect(await openOf(campaignId)).toEqual([]);
    // 59.7 s later (the clock moved on), still pending: the evaluator sets its timer for the minute's end.
    clock = { offset: 59_700 };
    await e.evaluate(campaignId);
    expect(await openOf(campaignId)).toEqual([]);
    await expect.poll(async () => (await openOf(campaignId)).map((a) => [a.rule_id, a.value_at_open]), { timeout: 2_000, interval: 50 }).toEqual([[rule.id, 55]]);
    const [alert] = await openOf(campaignId);
    expect(alert!.opened_at - alert!.breach_started_at).toBeGreaterThanOrEqual(60_000);
    await e.stop();

    // A restart: a new evaluator reads the open alert back and carries it on; the value back under the threshold
    // for the rule's minute clears that same alert, not another one.
    const after = evaluator();
    await after.evaluate(campaignId);
    expect((await openOf(campaignId)).map((a) => a.id)).toEqual([alert!.id]);
    await post(Array.from({ length: 10 }, () => inbound('HORIZON-IN', 2, true)));
    await after.evaluate(campaignId);
    expect((await openOf(campaignId)).map((a) => a.id)).toEqual([alert!.id]);
    clock = { offset: 59_700 + 61_000 };
    await after.evaluate(campaignId);
    expect(await openOf(campaignId)).toEqual([]);
    expect(await alertsSql.one(engine.ch, campaignId, alert!.id)).toMatchObject({ clear_reason: 'recovered' });
    const count = await engine.ch.query({ query: 'SELECT count() AS n FROM alerts FINAL WHERE rule_id = {r:String}', query_params: { r: rule.id }, format: 'JSONEachRow' });
    expect((await count.json<{ n: number | string }>()).map((r) => Number(r.n))).toEqual([1]);
    await manager.alerts.deleteRule({ campaignId, ruleId: rule.id });
    clock = { offset: 0 };
  });

  it('closes an open alert when its rule is changed or switched off', async () => {
    const campaignId = ids['ACME-IN']!;
    const manager = await callerAs(engine.ch, 'manager@callpro.test', now);
    const rule = await manager.alerts.saveRule({ campaignId, rule: { kpi: 'aht_seconds', comparison: 'above', threshold: 1, duration_minutes: 0, enabled: true } });
    const e = evaluator();
    await e.evaluate(campaignId);
    const [first] = (await openOf(campaignId)).filter((a) => a.rule_id === rule.id);
    expect(first).toBeDefined();
    await manager.alerts.saveRule({ campaignId, ruleId: rule.id, rule: { kpi: 'aht_seconds', comparison: 'above', threshold: 2, duration_minutes: 0, enabled: true } });
    await e.evaluate(campaignId);
    expect(await alertsSql.one(engine.ch, campaignId, first!.id)).toMatchObject({ clear_reason: 'rule_changed' });
    expect(await refusalOf(manager.alerts.acknowledge({ campaignId, alertId: first!.id }))).toMatchObject({ code: 'CONFLICT', key: 'error.alertCleared' });
    const [second] = (await openOf(campaignId)).filter((a) => a.rule_id === rule.id);
    expect(second).toMatchObject({ rule_revision: 2, threshold: 2 });
    await manager.alerts.saveRule({ campaignId, ruleId: rule.id, rule: { kpi: 'aht_seconds', comparison: 'above', threshold: 2, duration_minutes: 0, enabled: false } });
    await e.evaluate(campaignId);
    expect(await alertsSql.one(engine.ch, campaignId, second!.id)).toMatchObject({ clear_reason: 'rule_disabled' });
    expect((await openOf(campaignId)).filter((a) => a.rule_id === rule.id)).toEqual([]);
    await manager.alerts.deleteRule({ campaignId, ruleId: rule.id });
  });
});

describe('the minute’s sweep', () => {
  /** The campaigns whose call totals a sweep read: those it looked at. */
  async function lookedAt() {
    const { ch, sent } = recording(engine.ch);
    await evaluator({}, ch).evaluateAll();
    // Every campaign's rules in one query, and their stored open alerts in one (a new evaluator's first sweep).
    expect(sent.filter((q) => /FROM alert_rules\b/.test(q.query)).length).toBe(1);
    expect(sent.filter((q) => /FROM alerts\b/.test(q.query)).length).toBe(1);
    return new Set(sent.filter((q) => /FROM calls_by_/.test(q.query)).flatMap((q) => q.params.campaigns as string[]));
  }

  it('looks only at the campaigns with an enabled rule (every outbound one has the legal rule) or an alert followed', async () => {
    const campaignId = ids['HORIZON-IN']!;
    const manager = await callerAs(engine.ch, 'manager@callpro.test', now);
    expect((await manager.alerts.rules({ campaignId })).rules).toEqual([]);
    const before = await lookedAt();
    expect(before.has(ids['ACME-OUT']!) && before.has(ids['HORIZON-OUT']!)).toBe(true);
    expect(before.has(campaignId)).toBe(false);
    const rule = await manager.alerts.saveRule({ campaignId, rule: { kpi: 'service_level', comparison: 'below', threshold: 0.5, duration_minutes: 0, enabled: true } });
    expect((await lookedAt()).has(campaignId)).toBe(true);
    await manager.alerts.saveRule({ campaignId, ruleId: rule.id, rule: { kpi: 'service_level', comparison: 'below', threshold: 0.5, duration_minutes: 0, enabled: false } });
    expect((await lookedAt()).has(campaignId)).toBe(false);
    await manager.alerts.deleteRule({ campaignId, ruleId: rule.id });
  });

  it('still clears an open alert whose rule was switched off, or deleted while no evaluator ran, though nothing else is watched there', async () => {
    const campaignId = ids['HORIZON-IN']!;
    const manager = await callerAs(engine.ch, 'manager@callpro.test', now);
    await post([inbound('HORIZON-IN', 10, true)]);
    const aht = { kpi: 'aht_seconds', comparison: 'above', threshold: 1, duration_minutes: 0 } as const;
    // Not started: only its sweeps look, the live bus is not followed.
    const e = evaluator();
    const off = await manager.alerts.saveRule({ campaignId, rule: { ...aht, enabled: true } });
    await e.evaluateAll();
    const [first] = (await openOf(campaignId)).filter((a) => a.rule_id === off.id);
    expect(first).toBeDefined();
    await manager.alerts.saveRule({ campaignId, ruleId: off.id, rule: { ...aht, enabled: false } });
    await e.evaluateAll();
    expect(await alertsSql.one(engine.ch, campaignId, first!.id)).toMatchObject({ clear_reason: 'rule_disabled' });

    const gone = await manager.alerts.saveRule({ campaignId, rule: { ...aht, enabled: true } });
    await e.evaluateAll();
    const [second] = (await openOf(campaignId)).filter((a) => a.rule_id === gone.id);
    expect(second).toBeDefined();
    await manager.alerts.deleteRule({ campaignId, ruleId: gone.id });
    // A restart: the new evaluator's first sweep reads the stored alert back and closes it.
    await evaluator().evaluateAll();
    expect(await alertsSql.one(engine.ch, campaignId, second!.id)).toMatchObject({ clear_reason: 'rule_deleted' });
    await manager.alerts.deleteRule({ campaignId, ruleId: off.id });
  });

  it('clears a service-level alert when the day rolls over and today has no call yet', async () => {
    const campaignId = ids['HORIZON-IN']!;
    const manager = await callerAs(engine.ch, 'manager@callpro.test', now);
    await post([inbound('HORIZON-IN', 30, false), inbound('HORIZON-IN', 40, false), inbound('HORIZON-IN', 50, false)]);
    const rule = await manager.alerts.saveRule({ campaignId, rule: { kpi: 'service_level', comparison: 'below', threshold: 0.99, duration_minutes: 0, enabled: true } });
    const e = evaluator();
    await e.evaluateAll();
    const [alert] = (await openOf(campaignId)).filter((a) => a.rule_id === rule.id);
    expect(alert).toBeDefined();
    clock = { offset: 86_400_000 };
    await e.evaluateAll();
    expect(await alertsSql.one(engine.ch, campaignId, alert!.id)).toMatchObject({ clear_reason: 'recovered' });
    clock = { offset: 0 };
    await manager.alerts.deleteRule({ campaignId, ruleId: rule.id });
  });

  it('does not undo a rule change with a listing the sweep made before it', async () => {
    const campaignId = ids['HORIZON-IN']!;
    const manager = await callerAs(engine.ch, 'manager@callpro.test', now);
    await post([inbound('HORIZON-IN', 10, true)]);
    const aht = { kpi: 'aht_seconds', comparison: 'above', duration_minutes: 0, enabled: true } as const;
    const e = evaluator().start();
    const rule = await manager.alerts.saveRule({ campaignId, rule: { ...aht, threshold: 1 } });
    await expect.poll(async () => (await openOf(campaignId)).filter((a) => a.rule_id === rule.id).map((a) => a.rule_revision), { timeout: 2_000, interval: 50 }).toEqual([1]);
    const view = (await systemCampaignView(engine.ch, campaignId))!;
    const stale = (await rulesOfCampaigns(engine.ch, [view])).get(campaignId)!;
    await manager.alerts.saveRule({ campaignId, ruleId: rule.id, rule: { ...aht, threshold: 2 } });
    await expect.poll(async () => (await openOf(campaignId)).filter((a) => a.rule_id === rule.id).map((a) => a.rule_revision), { timeout: 2_000, interval: 50 }).toEqual([2]);
    const [current] = (await openOf(campaignId)).filter((a) => a.rule_id === rule.id);
    // The look a sweep queued with its listing of revision 1, run after the change was announced.
    await e.evaluate(campaignId, view, { rules: stale, changes: 0 });
    expect((await openOf(campaignId)).filter((a) => a.rule_id === rule.id).map((a) => a.id)).toEqual([current!.id]);
    await e.stop();
    await manager.alerts.deleteRule({ campaignId, ruleId: rule.id });
    await evaluator().evaluate(campaignId);
  });
});

describe('tenancy', () => {
  it('looks a campaign of any tenant up by id for the evaluator, which alerts on it, and never shows it to another organization', async () => {
    await addOutsourcer(engine.ch, 'org-far', 'Far Contact');
    const writer = { id: 'test', email: 't@far.test', name: 'Test' };
    const { campaign } = await provisionCampaign(engine.ch, 'org-far', 'FAR-OUT', campaignInput.parse({ name: 'Far sortant', client: 'Far client', direction: 'outbound', dial_mode: 'progressive' }), writer);
    const view = await systemCampaignView(engine.ch, campaign.id);
    expect(view).toMatchObject({ id: campaign.id, code: 'FAR-OUT', outsourcer_org_id: 'org-far', outsourcer_name: 'Far Contact', client_name: 'Far client' });
    expect(await systemCampaignView(engine.ch, 'no-such-campaign')).toBeUndefined();

    const body = [outbound('FAR-OUT', true), outbound('FAR-OUT', false)].map((r) => JSON.stringify(r)).join('\n');
    expect((await ingestNdjson(engine.ch, 'org-far', body)).rejected).toEqual([]);
    await evaluator().evaluate(campaign.id);
    expect((await openOf(campaign.id)).map((a) => [a.rule_id, a.partnership_id])).toEqual([[legalRuleId(campaign.id), campaign.partnership_id]]);

    const manager = await callerAs(engine.ch, 'manager@callpro.test', now);
    const managerUser = (await tenancy.userByEmail(engine.ch, 'manager@callpro.test'))!;
    expect(await scopedCampaign(engine.ch, (await loadScope(engine.ch, managerUser.id))!, campaign.id)).toBeUndefined();
    const seen = JSON.stringify([await manager.alerts.open(), await manager.alerts.list({ from: Date.now() - 86_400_000, to: Date.now() + 86_400_000 })]);
    expect(seen).not.toContain(campaign.id);
    expect(seen).not.toContain('FAR-OUT');
    expect(await codeOf(manager.alerts.open({ campaignId: campaign.id }))).toBe('NOT_FOUND');

    // Its partnership gone, the campaign is no one's: not looked up.
    const [partnership] = await tenancy.partnershipsByIds(engine.ch, [campaign.partnership_id]);
    await tenancy.removePartnerships(engine.ch, [partnership!]);
    expect(await systemCampaignView(engine.ch, campaign.id)).toBeUndefined();
  });

  it('shows nothing of Acme’s rules and alerts to the Horizon client nor to an agent of another team, by any procedure', async () => {
    const campaignId = ids['ACME-IN']!;
    const manager = await callerAs(engine.ch, 'manager@callpro.test', now);
    const rule = await manager.alerts.saveRule({ campaignId, rule: { kpi: 'aht_seconds', comparison: 'above', threshold: 1, duration_minutes: 0, enabled: true } });
    await evaluator().evaluate(campaignId);
    const [alert] = (await openOf(campaignId)).filter((a) => a.rule_id === rule.id);
    expect(alert).toBeDefined();
    const range = { from: Date.now() - 86_400_000, to: Date.now() + 86_400_000 };

    const horizon = await callerAs(engine.ch, 'client@horizon.test', now);
    const theirs = JSON.stringify([await horizon.alerts.open(), await horizon.alerts.list(range)]);
    expect(theirs).not.toContain(campaignId);
    expect(theirs).not.toContain('ACME');
    expect(theirs).toContain('HORIZON-OUT');
    expect(await codeOf(horizon.alerts.rules({ campaignId }))).toBe('NOT_FOUND');
    expect(await codeOf(horizon.alerts.open({ campaignId }))).toBe('NOT_FOUND');
    expect(await codeOf(horizon.alerts.list({ ...range, campaignId }))).toBe('NOT_FOUND');
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(await codeOf(horizon.alerts.acknowledge({ campaignId, alertId: alert!.id })));

    // agent3 works for Horizon; agents see no live page nor wallboard, hence no alerts at all.
    const agent = await callerAs(engine.ch, 'agent3@callpro.test', now);
    for (const call of [agent.alerts.open(), agent.alerts.list(range), agent.alerts.rules({ campaignId }), agent.alerts.acknowledge({ campaignId, alertId: alert!.id })]) {
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(await codeOf(call));
    }
    await manager.alerts.deleteRule({ campaignId, ruleId: rule.id });
  });

  it('acknowledges an alert only under its own campaign, only by the contact center’s managers, once', async () => {
    const campaignId = ids['ACME-IN']!;
    const manager = await callerAs(engine.ch, 'manager@callpro.test', now);
    const rule = await manager.alerts.saveRule({ campaignId, rule: { kpi: 'aht_seconds', comparison: 'above', threshold: 1, duration_minutes: 0, enabled: true } });
    const e = evaluator();
    await e.evaluate(campaignId);
    const [alert] = (await openOf(campaignId)).filter((a) => a.rule_id === rule.id);
    // Both campaigns are the manager's: the alert is still not the other campaign's.
    expect(await refusalOf(manager.alerts.acknowledge({ campaignId: ids['HORIZON-IN']!, alertId: alert!.id }))).toMatchObject({ code: 'NOT_FOUND', key: 'error.noSuch.alert' });
    const client = await callerAs(engine.ch, 'client@acme.test', now);
    expect(await codeOf(client.alerts.acknowledge({ campaignId, alertId: alert!.id }))).toBe('FORBIDDEN');
    expect(await alertsSql.acknowledgements(engine.ch, [campaignId, ids['HORIZON-IN']!], [alert!.id])).toEqual([]);

    const ack = await manager.alerts.acknowledge({ campaignId, alertId: alert!.id });
    expect(ack.by_name).toBeTruthy();
    const admin = await callerAs(engine.ch, 'admin@callpro.test', now);
    expect(await admin.alerts.acknowledge({ campaignId, alertId: alert!.id })).toEqual(ack);
    expect((await client.alerts.open({ campaignId })).find((a) => a.id === alert!.id)?.acknowledged).toEqual({ by_name: ack.by_name, at: ack.at });

    await manager.alerts.deleteRule({ campaignId, ruleId: rule.id });
    await e.evaluate(campaignId);
    expect(await alertsSql.one(engine.ch, campaignId, alert!.id)).toMatchObject({ clear_reason: 'rule_deleted' });
  });
});
