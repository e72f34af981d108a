// The public API over real HTTP on a real chDB engine: real call data in, KPIs out, checked independently.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/server/api-keys/keys';
import { outsourcerCampaign } from '@/server/campaigns/outsourcer-campaign';
import { openDemoEngine, type DemoEngine } from '@/server/testing/demo-engine';
import { addOutsourcer, demoOutsourcerId } from '@/server/testing/tenants';
import { serveRoutes } from '@/server/testing/http';
import { POST as ingestRoute } from '@/app/api/v1/ingest/route';
import { PUT as campaignRoute } from '@/app/api/v1/campaigns/[code]/route';
import { GET as kpiRoute } from '@/app/api/v1/kpis/route';
import { convertAnonymousBank } from '@/scripts/datasets/anonymous-bank';
import { convertUciBank } from '@/scripts/datasets/uci-bank';
import { DATASET_FILES, datasetFile } from '@/scripts/datasets/paths';

const ANONYMOUS_BANK = datasetFile(DATASET_FILES.anonymousBank);
const UCI_BANK = datasetFile(DATASET_FILES.uciBank);

let engine: DemoEngine;
let api: { url: string; close: () => Promise<void> };
let key: string;
let otherKey: string;

beforeAll(async () => {
  engine = await openDemoEngine();
  key = (await createApiKey(engine.ch, await demoOutsourcerId(engine.ch), 'test', 'test')).key;
  await addOutsourcer(engine.ch, 'org-other', 'OtherCenter');
  otherKey = (await createApiKey(engine.ch, 'org-other', 'other', 'test')).key;
  api = await serveRoutes([
    { method: 'POST', pattern: /^\/api\/v1\/ingest$/, handler: ingestRoute as never },
    { method: 'PUT', pattern: /^\/api\/v1\/campaigns\/(?<code>[^/]+)$/, handler: campaignRoute as never },
    { method: 'GET', pattern: /^\/api\/v1\/kpis$/, handler: kpiRoute as never },
  ]);
});
afterAll(async () => {
  await api.close();
  await engine.close();
});

const auth = (k = key) => ({ authorization: `Bearer ${k}` });
const ndjson = (records: object[]) => records.map((r) => JSON.stringify(r)).join('\n');

async function post(records: object[] | string | Uint8Array, k = key) {
  const body = typeof records === 'string' ? records : records instanceof Uint8Array ? new Blob([new Uint8Array(records)]) : ndjson(records);
  const res = await fetch(`${api.url}/api/v1/ingest`, { method: 'POST', headers: auth(k), body });
  return { status: res.status, body: await res.json() };
}

async function kpis(query: Record<string, string>, k = key) {
  const res = await fetch(`${api.url}/api/v1/kpis?${new URLSearchParams(query)}`, { headers: auth(k) });
  return { status: res.status, body: await res.json() };
}

async function putCampaign(code: string, body: object, k = key) {
  const res = await fetch(`${api.url}/api/v1/campaigns/${code}`, { method: 'PUT', headers: { ...auth(k), 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

async function rowCount(table: string) {
  const rs = await engine.ch.query({ query: `SELECT sum(sign) AS n FROM ${table}`, format: 'JSONEachRow' });
  return Number((await rs.json<{ n: string }>())[0]!.n);
}

const JAN = { from: '1999-01-01T00:00:00+02:00', to: '1999-02-01T00:00:00+02:00' };

describe('Anonymous Bank, January 1999, through the HTTP API', () => {
  const tsv = readFileSync(ANONYMOUS_BANK, 'utf8');
  const { records } = convertAnonymousBank(tsv, 'BANK-1999');

  it('provisions the campaign and ingests every offered call', async () => {
    const created = await putCampaign('BANK-1999', { name: 'Anonymous Bank', client: 'Anonymous Bank', direction: 'inbound', time_zone: 'Asia/Jerusalem', sl_threshold_seconds: 20, short_abandon_seconds: 5 });
    expect(created.status).toBe(201);
    for (let i = 0; i < records.length; i += 10_000) {
      const { status, body } = await post(records.slice(i, i + 10_000));
      expect(status).toBe(200);
      expect(body.rejected).toEqual([]);
    }
  });

  it('gives SL(20 s, 5 s), ASA and the abandon rate an independent count of the log gives', async () => {
    // Straight from the log's columns: q_time is the queue wait, HANG after queueing is an abandon.
    let served = 0, servedWithin = 0, waitSum = 0, abandoned = 0, longAbandons = 0;
    for (const line of tsv.split('\r\n').slice(1).filter(Boolean)) {
      const f = line.split('\t');
      const [qStart, qTime, outcome] = [f[9], Number(f[11]), f[12]];
      if (outcome === 'AGENT') {
        served++;
        waitSum += qStart === '0:00:00' ? 0 : qTime;
        if (qStart === '0:00:00' || qTime <= 20) servedWithin++;
      } else if (outcome === 'HANG' && qStart !== '0:00:00') {
        abandoned++;
        if (qTime > 5) longAbandons++;
      }
    }
    const { status, body } = await kpis({ campaign: 'BANK-1999', ...JAN });
    expect(status).toBe(200);
    expect(body.offered).toBe(served + abandoned);
    expect(body.connected).toBe(served);
    expect(body.abandoned).toBe(abandoned);
    expect(body.service_level).toBeCloseTo(servedWithin / (served + longAbandons), 10);
    expect(body.asa_seconds).toBeCloseTo(waitSum / served, 8);
    expect(body.abandon_rate).toBeCloseTo(abandoned / (served + abandoned), 10);
    // Roughly 80 % of callers who asked for an agent were served (Brown et al. 2005).
    expect(body.connected / body.offered).toBeGreaterThan(0.75);
    for (const empty of ['nps', 'contact_rate', 'outbound_abandon_rate', 'fcr', 'sal']) expect(body[empty], empty).toBeNull();
  });

  it('answers a per-day series whose days add up to the month', async () => {
    const { body } = await kpis({ campaign: 'BANK-1999', ...JAN, bucket: 'day' });
    expect(body.series.length).toBeGreaterThanOrEqual(28);
    expect(body.series.reduce((n: number, p: { offered: number }) => n + p.offered, 0)).toBe(body.offered);
  });

  it('keeps the KPIs unchanged when every line is sent again, shuffled, by concurrent senders', async () => {
    const before = (await kpis({ campaign: 'BANK-1999', ...JAN })).body;
    const shuffled = [...records];
    let seed = 42;
    for (let i = shuffled.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const j = seed % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const chunks = Array.from({ length: 8 }, (_, k) => shuffled.filter((_, i) => i % 8 === k));
    const answers = await Promise.all(chunks.map((chunk) => post(chunk)));
    expect(answers.map((a) => a.body.accepted).reduce((a, b) => a + b)).toBe(records.length);
    expect((await kpis({ campaign: 'BANK-1999', ...JAN })).body).toEqual(before);
    expect(await rowCount('calls')).toBe(records.length);
  });

  it('gives the same totals from the rollup and from raw rows', async () => {
    const { computeKpis } = await import('@/server/kpi/engine');
    const campaign = (await outsourcerCampaign(engine.ch, await demoOutsourcerId(engine.ch), 'BANK-1999'))!;
    const req = { campaignIds: [campaign.id], orgIds: [], from: Date.parse(JAN.from), to: Date.parse(JAN.to), agents: [], sl: { answerSeconds: 20, shortAbandonSeconds: 5 } };
    const rollup = await computeKpis(engine.ch, req);
    const raw = await computeKpis(engine.ch, { ...req, source: 'raw' });
    expect(raw).toEqual(rollup);
  });
});

describe('UCI Bank Marketing through the HTTP API', () => {
  it('gives a conversion rate equal to the share of y = yes', async () => {
    const { records, counts } = convertUciBank(readFileSync(UCI_BANK, 'utf8'), 'UCI-BANK');
    expect((await putCampaign('UCI-BANK', { name: 'Bank marketing', client: 'Portuguese Bank', direction: 'outbound' })).status).toBe(201);
    expect((await post(records)).body).toEqual({ accepted: counts.rows, rejected: [] });
    const { body } = await kpis({ campaign: 'UCI-BANK', from: '2026-03-01T00:00:00Z', to: '2026-03-10T00:00:00Z' });
    expect(body.conversion_rate).toBeCloseTo(counts.yes / counts.rows, 12);
    expect(body.attempts).toBe(counts.rows);
    expect(body.contact_rate).toBe(1);
    expect(body.outbound_abandon_rate).toBe(0);
    expect(body.service_level).toBeNull();
  });
});

describe('bad input', () => {
  const good = { kind: 'call', id: 'g1', campaign: 'ACME-IN', direction: 'inbound', started_at: '2026-05-04T09:00:00Z', connected_at: '2026-05-04T09:00:10Z', ended_at: '2026-05-04T09:03:00Z', outcome: 'connected' };

  it('keeps the good lines of a body mixed with malformed ones and names each bad line', async () => {
    const body = [JSON.stringify(good), '{oops', JSON.stringify({ ...good, id: 'g2', campaign: 'NOPE' }), JSON.stringify({ ...good, id: 'g3', ended_at: '2026-05-04T08:00:00Z' }),
      JSON.stringify({ kind: 'survey', id: 's1', campaign: 'ACME-IN', score: 12, answered_at: '2026-05-04T10:00:00Z' }), JSON.stringify({ ...good, id: 'g4' })].join('\n');
    const { status, body: answer } = await post(body);
    expect(status).toBe(200);
    expect(answer).toEqual({
      accepted: 2,
      rejected: [
        { line: 2, error: 'not valid JSON' },
        { line: 3, error: 'campaign: unknown campaign code "NOPE"' },
        { line: 4, error: 'ended_at: must not be before started_at' },
        { line: 5, error: 'score: must be between 0 and 10' },
      ],
    });
  });

  it('refuses a line that is not valid UTF-8 with its number, instead of storing it with replacement characters', async () => {
    const state = (agent: string) => JSON.stringify({ kind: 'agent_state', agent, state: 'available', at: '2026-05-04T09:00:00Z' });
    const latin1 = Buffer.from(state('Zé'), 'latin1'); // "Z\xe9": the é of a Windows-1252 export
    const body = Buffer.concat([Buffer.from(`${JSON.stringify({ ...good, id: 'u1' })}\n`), latin1, Buffer.from(`\n${state('Zoé')}\n`)]);
    const { status, body: answer } = await post(body);
    expect(status).toBe(200);
    expect(answer).toEqual({ accepted: 2, rejected: [{ line: 2, error: 'is not valid UTF-8: nothing of this line was stored' }] });
    const rs = await engine.ch.query({ query: `SELECT agent FROM agent_states WHERE agent LIKE 'Z%' ORDER BY agent`, format: 'JSONEachRow' });
    expect((await rs.json<{ agent: string }>()).map((r) => r.agent)).toEqual(['Zoé']);
  });

  it('refuses, line by line, instants the storage cannot hold exactly instead of wrapping them into another century', async () => {
    const at = (year: string) => `${year}-05-04T09:00:00Z`;
    const years = ['0001', '1899', '1969', '2299', '9999'];
    const body = [
      ...years.map((y, i) => ({ ...good, id: `y${i}`, started_at: at(y), connected_at: undefined, ended_at: at(y), outcome: 'abandoned' })),
      { kind: 'survey', id: 'y-s', campaign: 'ACME-IN', score: 9, answered_at: at('2200') },
      { kind: 'agent_state', agent: 'A1', state: 'available', at: at('1900') },
      { ...good, id: 'y-first', started_at: '1970-01-01T00:00:00Z', connected_at: '1970-01-01T00:00:10Z', ended_at: '1970-01-01T00:01:00Z' },
    ];
    const before = await rowCount('calls');
    const { body: answer } = await post(body);
    const range = 'must be between 1970-01-01T00:00:00Z and 2106-02-07T06:28:15Z';
    expect(answer.accepted).toBe(1);
    expect(answer.rejected.map((r: { line: number }) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const r of answer.rejected.slice(0, 5)) expect(r.error).toMatch(new RegExp(`^started_at: ${range}`));
    expect(answer.rejected[5].error).toBe(`answered_at: ${range}`);
    expect(answer.rejected[6].error).toBe(`at: ${range}`);
    expect(await rowCount('calls')).toBe(before + 1);
  });

  it('refuses a missing or wrong key with 401 and stores nothing', async () => {
    const before = await rowCount('calls');
    const none = await fetch(`${api.url}/api/v1/ingest`, { method: 'POST', body: JSON.stringify({ ...good, id: 'n1' }) });
    expect(none.status).toBe(401);
    expect((await post([{ ...good, id: 'n2' }], 'rk_not-a-real-key-at-all')).status).toBe(401);
    expect((await kpis({ campaign: 'ACME-IN', from: '2026-05-01T00:00:00Z', to: '2026-06-01T00:00:00Z' }, 'rk_nope-nope-nope-nope')).status).toBe(401);
    expect(await rowCount('calls')).toBe(before);
  });

  it('refuses a body over the limit with 413 and stores nothing of it', async () => {
    const before = await rowCount('calls');
    process.env.RELAIS_INGEST_MAX_MIB = String(64 / 1024); // 64 KiB
    try {
      const big = Array.from({ length: 2000 }, (_, i) => ({ ...good, id: `big-${i}` }));
      const { status, body } = await post(big);
      expect(status).toBe(413);
      expect(body.error).toMatch(/nothing was stored/);
    } finally {
      delete process.env.RELAIS_INGEST_MAX_MIB;
    }
    expect(await rowCount('calls')).toBe(before);
  });

  it('validates campaign provisioning', async () => {
    expect((await putCampaign('BAD CODE', { name: 'x', client: 'y', direction: 'inbound' })).body.error).toMatch(/^code: /);
    const wrongTz = await putCampaign('TZ', { name: 'x', client: 'y', direction: 'inbound', time_zone: 'Mars/Olympus' });
    expect(wrongTz).toEqual({ status: 400, body: { error: 'time_zone: unknown IANA time zone' } });
    expect((await putCampaign('DIR', { name: 'x', client: 'y' })).body).toEqual({ error: 'direction: is required' });
  });
});

describe('provisioning', () => {
  const call = (campaign: string, id: string) => ({ kind: 'call', id, campaign, direction: 'inbound', started_at: '2026-05-04T09:00:00Z', ended_at: '2026-05-04T09:01:00Z', outcome: 'abandoned' });

  it('makes a campaign usable by the ingest at once, though the ingest had just read the codes', async () => {
    expect((await post([call('FRESH', 'f1')])).body).toEqual({ accepted: 0, rejected: [{ line: 1, error: 'campaign: unknown campaign code "FRESH"' }] });
    expect((await putCampaign('FRESH', { name: 'Fresh', client: 'Acme Energie', direction: 'inbound' })).status).toBe(201);
    expect(await post([call('FRESH', 'f1')])).toEqual({ status: 200, body: { accepted: 1, rejected: [] } });
  });
});

describe('instants in the KPI query, read by the ingest\'s rules', () => {
  const agentState = (at: string) => ({ kind: 'agent_state', agent: 'A1', state: 'available', at });
  const ingestError = async (at: string) => (await post([agentState(at)])).body.rejected[0]?.error as string | undefined;

  it('refuses 30 February with 400 naming the field, in the words the ingest uses', async () => {
    expect(await ingestError('2026-02-30T00:00:00Z')).toBe('at: is not a valid date');
    expect(await kpis({ campaign: 'ACME-IN', from: '2026-02-30T00:00:00Z', to: '2026-03-10T00:00:00Z' })).toEqual({ status: 400, body: { error: 'from: is not a valid date' } });
    expect(await kpis({ campaign: 'ACME-IN', from: '2026-02-01T00:00:00Z', to: '2026-04-31T00:00:00Z' })).toEqual({ status: 400, body: { error: 'to: is not a valid date' } });
  });

  it('refuses a range the KPI tables cannot hold or longer than 1,100 days, as the portal does', async () => {
    expect(await kpis({ campaign: 'ACME-IN', from: '1899-12-31T00:00:00Z', to: '2026-03-10T00:00:00Z' })).toEqual({ status: 400, body: { error: 'from: must be between 1970-01-01T00:00:00Z and 2106-02-07T06:28:15Z' } });
    expect(await kpis({ campaign: 'ACME-IN', from: '2020-01-01T00:00:00Z', to: '2026-03-10T00:00:00Z' })).toEqual({ status: 400, body: { error: 'to: must be at most 1100 days after from' } });
  });

  it('refuses the forms the ingest refuses, in the same words', async () => {
    for (const from of ['2026-03-01T00:00:00', 'Sun, 01 Mar 2026 00:00:00 +0000', '2026-03-01']) {
      expect(await ingestError(from), from).toBe('at: must be an ISO-8601 timestamp with Z or an offset');
      expect(await kpis({ campaign: 'ACME-IN', from, to: '2026-03-10T00:00:00Z' }), from).toEqual({ status: 400, body: { error: 'from: must be an ISO-8601 timestamp with Z or an offset' } });
    }
  });

  it('accepts an offset and a fractional form as the ingest does, for the same range', async () => {
    const [from, to] = ['1999-01-01T00:00+0200', '1999-01-31T22:00:00.000000000Z'];
    for (const at of [from, to]) expect(await ingestError(at), at).toBeUndefined();
    const canonical = (await kpis({ campaign: 'BANK-1999', ...JAN })).body;
    const other = await kpis({ campaign: 'BANK-1999', from, to });
    expect(other.status).toBe(200);
    expect(other.body).toEqual({ ...canonical, from, to });
  });
});

describe('tenant isolation on the public API', () => {
  it('does not let another outsourcer write to or read CallPro campaigns', async () => {
    const call = { kind: 'call', id: 'x1', campaign: 'ACME-IN', direction: 'inbound', started_at: '2026-05-04T09:00:00Z', ended_at: '2026-05-04T09:01:00Z', outcome: 'abandoned' };
    expect((await post([call], otherKey)).body).toEqual({ accepted: 0, rejected: [{ line: 1, error: 'campaign: unknown campaign code "ACME-IN"' }] });
    expect((await kpis({ campaign: 'ACME-IN', from: '2026-05-01T00:00:00Z', to: '2026-06-01T00:00:00Z' }, otherKey)).status).toBe(404);
    expect((await kpis({ campaign: 'BANK-1999', ...JAN }, otherKey)).status).toBe(404);
  });

  it('gives the other outsourcer its own campaign under the same code, kept apart', async () => {
    expect((await putCampaign('BANK-1999', { name: 'Homonym', client: 'Someone', direction: 'inbound' }, otherKey)).status).toBe(201);
    const { body } = await kpis({ campaign: 'BANK-1999', ...JAN }, otherKey);
    expect(body.offered).toBe(0);
    expect(body.service_level).toBeNull();
    expect((await kpis({ campaign: 'BANK-1999', ...JAN })).body.offered).toBeGreaterThan(30_000 - 2_000);
  });
});
