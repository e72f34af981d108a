// SAL (list penetration) on a real chDB engine: a known list, known attempts, the exact figure — the same from
// the KPI engine, the portal's report and GET /api/v1/kpis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactsSql } from '@/clickhouse/queries/contacts';
import { latestTargets, targetsSql } from '@/clickhouse/queries/targets';
import { campaignsOfOutsourcer, type Campaign } from '@/clickhouse/queries/tenancy';
import { createApiKey } from '@/server/api-keys/keys';
import { addReadyList } from '@/server/contacts/ready-list';
import { ingestNdjson } from '@/server/ingest/service';
import { callerAs } from '@/server/testing/callers';
import { openDemoEngine, type DemoEngine } from '@/server/testing/demo-engine';
import { serveRoutes } from '@/server/testing/http';
import { demoOutsourcerId } from '@/server/testing/tenants';
import { authenticate } from '@/server/http/api-auth';
import { answerKpiQuery } from './public-api';
import { computeKpis } from './engine';

let engine: DemoEngine;
let api: { url: string; close: () => Promise<void> };
let key: string;
let orgId: string;
let acmeOut: Campaign;
let acmeIn: Campaign;
const H = 3_600_000;
// Monday 2 March 2026, 00:00 UTC: the range is that day.
const T = Date.UTC(2026, 2, 2);
const DAY = { from: T, to: T + 24 * H };
const iso = (ms: number) => new Date(ms).toISOString();
const phone = (n: number) => `+336123456${String(n).padStart(2, '0')}`;

const attempt = (id: string, n: number | string, at: number, outcome = 'no_answer', extra: object = {}) => ({
  kind: 'call', id, campaign: 'ACME-OUT', direction: 'outbound', phone: typeof n === 'number' ? phone(n) : n,
  started_at: iso(at), ended_at: iso(at + 20_000), outcome, ...extra,
});

async function send(records: object[]) {
  const answer = await ingestNdjson(engine.ch, orgId, records.map((r) => JSON.stringify(r)).join('\n'));
  expect(answer.rejected).toEqual([]);
}

const engineKpis = (campaign: Campaign, agents: string[] = []) =>
  computeKpis(engine.ch, { campaignIds: [campaign.id], orgIds: [orgId], ...DAY, agents, sl: { answerSeconds: 20, shortAbandonSeconds: 5 }, timeZone: 'UTC' });

async function apiKpis(query: Record<string, string>) {
  const res = await fetch(`${api.url}/api/v1/kpis?${new URLSearchParams(query)}`, { headers: { authorization: `Bearer ${key}` } });
  expect(res.status).toBe(200);
  return res.json();
}

async function setWindow(hours: number | null) {
  const latest = (await latestTargets(engine.ch, [acmeOut.id])).get(acmeOut.id)!;
  const revision = (await targetsSql.history(engine.ch, [acmeOut.id]))[0]!.revision + 1;
  await targetsSql.put(engine.ch, {
    ...latest, target_sal_hours: hours, campaign_id: acmeOut.id, partnership_id: acmeOut.partnership_id, revision,
    edited_by: 'test', edited_by_name: 'Test', edited_at: new Date().toISOString(),
  });
}

/** What app/api/v1/kpis/route.ts answers (server/ may not import app/): the key's check, then the KPI query. */
async function kpiRoute(req: Request): Promise<Response> {
  const caller = await authenticate(req);
  if (caller instanceof Response) return caller;
  return answerKpiQuery(caller.ch, caller.orgId, Object.fromEntries(new URL(req.url).searchParams));
}

beforeAll(async () => {
  engine = await openDemoEngine();
  orgId = await demoOutsourcerId(engine.ch);
  key = (await createApiKey(engine.ch, orgId, 'test', 'test')).key;
  api = await serveRoutes([{ method: 'GET', pattern: /^\/api\/v1\/kpis$/, handler: kpiRoute as never }]);
  const campaigns = await campaignsOfOutsourcer(engine.ch, orgId);
  acmeOut = campaigns.find((c) => c.code === 'ACME-OUT')!;
  acmeIn = campaigns.find((c) => c.code === 'ACME-IN')!;

  // The list: contacts 1–10, delivered the week before. Contact 11 was taken out of the campaign before the day
  // (a refusal): no longer in the list. A sample of two other numbers is not worked by the dialer: not the list.
  await addReadyList(engine.ch, acmeOut, 'Liste mars', 'Test', Array.from({ length: 11 }, (_, i) => ({ phone: phone(i + 1) })), T - 7 * 24 * H);
  await engine.ch.command({
    query: `INSERT INTO contacts SELECT * REPLACE ({at:Float64} AS removed_at, 'refusal' AS removed_reason, version + 1 AS version)
            FROM contacts FINAL WHERE campaign_id = {c:String} AND phone_e164 = {p:String}`,
    query_params: { at: (T - 24 * H) / 1000, c: acmeOut.id, p: phone(11) },
  });
  const sampleId = await addReadyList(engine.ch, acmeOut, 'Échantillon', 'Test', [{ phone: phone(21) }, { phone: phone(22) }], T - 7 * 24 * H);
  await contactsSql.putList(engine.ch, { ...(await contactsSql.list(engine.ch, sampleId))!, sample: 1 });

  await send([
    attempt('c1-a', 1, T + 9 * H), // first attempt of the day: the 8-hour window is 09:00–17:00
    attempt('c1-b', 1, T + 11 * H, 'connected', { agent: 'A1', answered_at: iso(T + 11 * H + 5_000), connected_at: iso(T + 11 * H + 6_000) }),
    attempt('c2', 2, T + 10 * H, 'busy'),
    attempt('c3', 3, T + 12 * H, 'voicemail', { answered_at: iso(T + 12 * H + 9_000) }),
    attempt('c4', 4, T + 13 * H, 'rejected_compliance'), // refused by a rule: never dialled, not an attempt
    attempt('c5', 5, T - 2 * H), // the day before: outside the range
    attempt('c6', 6, T + 18 * H), // in the day, after the 8-hour window
    attempt('c7', 7, T + 30 * H), // the next day
    attempt('stranger', '+33699999999', T + 10 * H), // a number not in the list
    attempt('c8', 8, T + 14 * H), // re-sent below with contact 9's number: only the replacement counts
    attempt('c11', 11, T + 15 * H), // taken out of the campaign before the day
    attempt('c21', 21, T + 15 * H), // the sample's
    { ...attempt('c10-other-campaign', 10, T + 10 * H), campaign: 'HORIZON-OUT' },
    { kind: 'call', id: 'c10-in', campaign: 'ACME-IN', direction: 'inbound', phone: phone(10), started_at: iso(T + 10 * H), ended_at: iso(T + 10 * H + 60_000), outcome: 'abandoned' },
  ]);
  await send([attempt('c8', 9, T + 14 * H)]);
});
afterAll(async () => {
  await api.close();
  await engine.close();
});

describe('SAL', () => {
  it('counts contacts of the list attempted within the target’s window (75 % in 8 h) over contacts in the list', async () => {
    expect((await latestTargets(engine.ch, [acmeOut.id])).get(acmeOut.id)).toMatchObject({ target_sal: 0.75, target_sal_hours: 8 });
    // 09:00–17:00: contacts 1 (twice), 2, 3 and 9 (the replacement of c8); 4 was refused; 6 comes after the window.
    expect(await engineKpis(acmeOut)).toMatchObject({ sal: 0.4, sal_attempted: 4, sal_contacts: 10, sal_window_hours: 8 });
  });

  it('gives the same figure to GET /api/v1/kpis, none for one agent, and the same in the portal’s report', async () => {
    const body = await apiKpis({ campaign: 'ACME-OUT', from: iso(DAY.from), to: iso(DAY.to) });
    expect(body).toMatchObject({ sal: 0.4, sal_attempted: 4, sal_contacts: 10, sal_window_hours: 8 });
    expect(await apiKpis({ campaign: 'ACME-OUT', from: iso(DAY.from), to: iso(DAY.to), agent: 'A1' })).toMatchObject({ sal: null, sal_contacts: 0 });
    const manager = await callerAs(engine.ch, 'manager@callpro.test', () => T + 48 * H);
    const report = await manager.kpi.range({ campaignId: acmeOut.id, ...DAY });
    expect(report.kpis.sal).toBe(0.4);
    expect(report.targets).toMatchObject({ target_sal: 0.75, target_sal_hours: 8 });
    // By day: the 2nd has the figure; the 3rd has contact 7 only (its first attempt opens that day's window).
    const byDay = await manager.kpi.range({ campaignId: acmeOut.id, from: T, to: T + 48 * H, bucket: 'day' });
    expect(byDay.kpis.series!.map((p) => p.sal)).toEqual([0.4, 0.1]);
  });

  it('is measured over the whole range when the target has no window', async () => {
    await setWindow(null);
    try {
      expect(await engineKpis(acmeOut)).toMatchObject({ sal: 0.5, sal_attempted: 5, sal_contacts: 10, sal_window_hours: null });
      expect(await apiKpis({ campaign: 'ACME-OUT', from: iso(DAY.from), to: iso(DAY.to) })).toMatchObject({ sal: 0.5 });
    } finally {
      await setWindow(8);
    }
  });

  it('is null for an inbound campaign, per agent, and for an outbound campaign without a list', async () => {
    expect((await engineKpis(acmeIn)).sal).toBeNull();
    expect((await engineKpis(acmeOut, ['A1'])).sal).toBeNull();
    const horizonOut = (await campaignsOfOutsourcer(engine.ch, orgId)).find((c) => c.code === 'HORIZON-OUT')!;
    expect((await engineKpis(horizonOut)).sal).toBeNull();
  });
});
