// The call aggregates exist three times (the minute view, the hour view, TOTALS_FROM_RAW): on the same calls,
// stored through the real ingest path with replacements, every rollup total must equal the raw rows' total.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callTotals, normalise, rollupFor, TOTALS_FROM_RAW, TOTALS_FROM_ROLLUP, type Bucket, type CallTotalsRow, type KpiFilter,
} from '@/clickhouse/queries/kpi';
import { campaignsOfOutsourcer, tenancy } from '@/clickhouse/queries/tenancy';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { mulberry32 } from '@/dialer/pacing/random';
import { validateRecord, type ParsedLine } from '@/server/ingest/ndjson';
import { OUTCOMES } from '@/clickhouse/vocabulary';
import { ingestNdjson, ingestRecords } from '@/server/ingest/service';
import { seedDemo } from '@/server/seed/demo';

const H = 3_600_000;
const DAY = 24 * H;
/** Monday 2 March 2026, 00:00 UTC; calls over three days. */
const DAY0 = Date.UTC(2026, 2, 2);
const DAYS = 3;
const CAMPAIGNS = { 'ACME-IN': 'green_offer', 'ACME-OUT': 'sale' } as const;
type CampaignCode = keyof typeof CAMPAIGNS;
type Outcome = (typeof OUTCOMES)[number];

let engine: TestEngine;
let orgId: string;
const campaignId: Partial<Record<CampaignCode, string>> = {};
const random = mulberry32(6);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
// Every instant and duration is a multiple of 0.25 s: sums of such numbers are exact in Float64 whatever the order
// they are added in, so rollup and raw totals can be compared with toEqual rather than within a tolerance.
const quarters = (maxSeconds: number) => Math.floor(random() * maxSeconds * 4) / 4;
const iso = (ms: number) => new Date(ms).toISOString();

/** One call record of the ingest contract; `start` and `outcome` forced for the edge cases, drawn otherwise. */
function call(id: string, campaign: CampaignCode, direction: 'inbound' | 'outbound', outcome: Outcome, start: number): Record<string, unknown> {
  const r: Record<string, unknown> = { kind: 'call', id, campaign, direction, outcome, started_at: iso(start) };
  const agent = pick(['A1', 'A2', 'A3', '']);
  if (agent) r.agent = agent;
  let end: number;
  if (direction === 'inbound') {
    // Some waits are whole seconds, some not: the wait histograms round up (ceil).
    const wait = random() < 0.3 ? Math.floor(random() * 90) : quarters(90);
    if (outcome === 'connected') {
      r.answered_at = iso(start);
      r.connected_at = iso(start + wait * 1000);
      end = start + (wait + 1 + quarters(600)) * 1000;
    } else end = start + (outcome === 'abandoned' ? wait : quarters(30)) * 1000;
  } else {
    const ring = 0.25 + quarters(25);
    const answered = start + ring * 1000;
    if (outcome === 'connected') {
      r.answered_at = iso(answered);
      // Up to 4 s from answer to agent: beyond the 2-s rule the call is a drop though connected.
      r.connected_at = iso(answered + quarters(4) * 1000);
      end = answered + (4 + quarters(600)) * 1000;
    } else if (outcome === 'abandoned' || outcome === 'voicemail') {
      if (outcome === 'voicemail' || random() < 0.8) r.answered_at = iso(answered);
      end = answered + (1 + quarters(20)) * 1000;
    } else end = outcome === 'rejected_compliance' ? start : answered;
  }
  r.ended_at = iso(end);
  if (outcome === 'rejected_compliance') r.rule = 'calling_hours';
  // Hold, wrap-up and conversions on calls never connected too: the aggregates must leave them out.
  if (random() < 0.3) r.hold_seconds = quarters(120);
  if (random() < 0.6) r.wrap_seconds = quarters(45);
  const d = random();
  if (d < 0.25) r.disposition = CAMPAIGNS[campaign];
  else if (d < 0.4) r.disposition = 'not_interested';
  else if (d < 0.5) r.converted = random() < 0.5;
  return r;
}

/** A start time within the opening hours of one of the days, sometimes on a minute or hour boundary. */
function startTime(): number {
  const day = DAY0 + Math.floor(random() * DAYS) * DAY;
  const hour = day + (7 + Math.floor(random() * 13)) * H;
  const edge = random();
  if (edge < 0.05) return hour;
  if (edge < 0.1) return hour + H - 250;
  if (edge < 0.15) return hour + Math.floor(random() * 60) * 60_000;
  return hour + quarters(3600) * 1000;
}

function drawCall(id: string, campaign: CampaignCode): Record<string, unknown> {
  const inboundShare = campaign === 'ACME-IN' ? 0.8 : 0.15;
  const direction = random() < inboundShare ? 'inbound' : 'outbound';
  const outcome = direction === 'inbound'
    ? pick<Outcome>(['connected', 'connected', 'connected', 'abandoned', 'abandoned', 'failed', 'voicemail', 'no_answer', 'busy', 'rejected_compliance'])
    : pick<Outcome>(['connected', 'connected', 'no_answer', 'no_answer', 'busy', 'failed', 'voicemail', 'abandoned', 'abandoned', 'rejected_compliance']);
  return call(id, campaign, direction, outcome, startTime());
}

async function sendNdjson(records: Record<string, unknown>[]): Promise<void> {
  const answer = await ingestNdjson(engine.ch, orgId, records.map((r) => JSON.stringify(r)).join('\n'));
  expect(answer.rejected).toEqual([]);
  expect(answer.accepted).toBe(records.length);
}

async function sendRecords(records: Record<string, unknown>[]): Promise<void> {
  const lines: ParsedLine[] = records.map((r, i) => {
    const checked = validateRecord(r);
    if (!('record' in checked)) throw new Error(`record ${String(r.id)}: ${checked.error}`);
    return { line: i + 1, record: checked.record };
  });
  const answer = await ingestRecords(engine.ch, orgId, lines);
  expect(answer).toEqual({ accepted: records.length, rejected: [] });
}

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
  orgId = (await tenancy.organizationsOfKind(engine.ch, 'outsourcer'))[0]!.id;
  for (const c of await campaignsOfOutsourcer(engine.ch, orgId)) if (c.code in CAMPAIGNS) campaignId[c.code as CampaignCode] = c.id;

  const codes = Object.keys(CAMPAIGNS) as CampaignCode[];
  // Every outcome in both directions on both campaigns, then drawn calls.
  const first: Record<string, unknown>[] = [];
  for (const campaign of codes) {
    for (const direction of ['inbound', 'outbound'] as const) {
      for (const outcome of OUTCOMES) first.push(call(`fixed-${campaign}-${direction}-${outcome}`, campaign, direction, outcome, startTime()));
    }
  }
  for (let i = 0; i < 700; i++) {
    const campaign = pick(codes);
    first.push(drawCall(`c${i}`, campaign));
  }
  // Three requests, so the raw table and both rollups hold several parts.
  for (let i = 0; i < first.length; i += 300) await sendNdjson(first.slice(i, i + 300));

  // Re-sent ids replace what was stored (a cancel row, sign −1, with the old values, then the new row), usually in
  // another minute, hour or day, with another outcome, direction or agent.
  const resent = first.filter((r) => String(r.id).startsWith('c') && random() < 0.25).map((r) => drawCall(String(r.id), r.campaign as CampaignCode));
  // One id twice in a request: the last one counts.
  resent.push(drawCall(String(resent[0]!.id), resent[0]!.campaign as CampaignCode));
  await sendNdjson(resent);
  // Replacements of replacements, through the in-process path the dialer and the CSV import use.
  await sendRecords(resent.filter(() => random() < 0.3).map((r) => drawCall(String(r.id), r.campaign as CampaignCode)));
});
afterAll(() => engine.close());

const rows = async (query: string) => (await engine.ch.query({ query, format: 'JSONEachRow' })).json<Record<string, unknown>>();

/**
 * Whether every total of a group is zero: once merged, a replaced call's row and its cancel row are gone from the raw
 * table, while the rollups keep their group with zero sums. Both mean "no call", so such groups are left out.
 */
function allZero(totals: CallTotalsRow): boolean {
  const { direction: _d, bucket: _b, ...values } = totals;
  return Object.values(values).every((v) => (typeof v === 'number' ? v === 0 : Object.keys(v).length === 0));
}

/** Totals keyed by their group, all-zero groups left out. */
function byKey(list: Record<string, unknown>[], keyColumns: string[]): Record<string, CallTotalsRow> {
  const out: Record<string, CallTotalsRow> = {};
  list.forEach((r) => {
    const totals = normalise([r])[0]!;
    if (!allZero(totals)) out[keyColumns.map((k) => String(r[k])).join(' | ')] = totals;
  });
  return out;
}

/** The rollup's totals and the raw rows' totals, per group of the rollup's own key (campaign, [agent,] direction, time). */
async function rollupAndRaw(table: 'calls_by_minute' | 'calls_by_hour') {
  const [time, keys, start] = table === 'calls_by_minute'
    ? ['minute', 'campaign_id, agent, direction', 'toStartOfMinute(started_at)']
    : ['hour', 'campaign_id, direction', 'toStartOfHour(started_at)'];
  const keyColumns = [...keys.split(', '), 'bucket'];
  const rollup = await rows(`SELECT ${keys}, toUnixTimestamp(${time}) AS bucket, ${TOTALS_FROM_ROLLUP}
                             FROM ${table} GROUP BY ${keys}, bucket ORDER BY ${keys}, bucket`);
  const raw = await rows(`SELECT ${keys}, toUnixTimestamp(${start}) AS bucket, ${TOTALS_FROM_RAW}
                          FROM calls GROUP BY ${keys}, bucket ORDER BY ${keys}, bucket`);
  return { rollup: byKey(rollup, keyColumns), raw: byKey(raw, keyColumns) };
}

/** The KPI engine's reads: every filter shape that picks a rollup, each compared with the same read on raw rows. */
function filters(): { f: KpiFilter; bucket?: Bucket; table: string }[] {
  const both = [campaignId['ACME-IN']!, campaignId['ACME-OUT']!];
  const out: { f: KpiFilter; bucket?: Bucket; table: string }[] = [];
  const whole = { from: DAY0, to: DAY0 + DAYS * DAY };
  // Whole hours, no agent: the hour rollup; a quarter bucket, an agent or a range cut inside an hour: the minute one.
  const ranges = [
    { ...whole, agents: [], buckets: [undefined, 'hour', 'day'] as (Bucket | undefined)[], table: 'calls_by_hour' },
    { from: DAY0 + DAY + 9 * H, to: DAY0 + DAY + 15 * H, agents: [], buckets: [undefined, 'hour'] as (Bucket | undefined)[], table: 'calls_by_hour' },
    { ...whole, agents: [], buckets: ['quarter'] as (Bucket | undefined)[], table: 'calls_by_minute' },
    { ...whole, agents: ['A1'], buckets: [undefined, 'hour', 'day'] as (Bucket | undefined)[], table: 'calls_by_minute' },
    { ...whole, agents: ['A2', ''], buckets: [undefined, 'quarter'] as (Bucket | undefined)[], table: 'calls_by_minute' },
    { from: DAY0 + 9 * H + 7 * 60_000, to: DAY0 + 2 * DAY + 13 * H + 41 * 60_000, agents: [], buckets: [undefined, 'hour', 'day', 'quarter'] as (Bucket | undefined)[], table: 'calls_by_minute' },
  ];
  for (const { from, to, agents, buckets, table } of ranges) {
    for (const campaignIds of [[campaignId['ACME-IN']!], [campaignId['ACME-OUT']!], both]) {
      for (const direction of [undefined, 'inbound', 'outbound'] as const) {
        for (const bucket of buckets) {
          out.push({ f: { campaignIds, from, to, agents, ...(direction ? { direction } : {}) }, bucket, table });
          // A zone whose days start at another UTC hour than midnight (Paris is UTC+1 in March).
          if (bucket === 'day') out.push({ f: { campaignIds, from, to, agents, timeZone: 'Europe/Paris', ...(direction ? { direction } : {}) }, bucket, table });
          // A zone half an hour off UTC: its hours and days cut the hour rollup's rows in two, so the minutes are read.
          if (bucket === 'day' || bucket === 'hour') out.push({ f: { campaignIds, from, to, agents, timeZone: 'Asia/Kolkata', ...(direction ? { direction } : {}) }, bucket, table: 'calls_by_minute' });
        }
      }
    }
  }
  return out;
}

async function expectRollupsEqualRaw(): Promise<void> {
  for (const table of ['calls_by_minute', 'calls_by_hour'] as const) {
    const { rollup, raw } = await rollupAndRaw(table);
    expect(Object.keys(raw).length).toBeGreaterThan(100);
    expect(rollup, table).toEqual(raw);
  }
  for (const { f, bucket, table } of filters()) {
    const label = `${table}, ${JSON.stringify({ ...f, bucket })}`;
    expect(rollupFor(f, bucket).table, label).toBe(table);
    const fromRollup = (await callTotals(engine.ch, f, bucket, 'rollup')).filter((t) => !allZero(t));
    expect(fromRollup.length, label).toBeGreaterThan(0);
    expect(fromRollup, label).toEqual((await callTotals(engine.ch, f, bucket, 'raw')).filter((t) => !allZero(t)));
  }
}

describe('call rollups against raw rows', () => {
  it('stores a data set that exercises every aggregate', async () => {
    const [mix] = await rows(`
      SELECT countIf(sign = -1) AS cancels, uniqExact(campaign_id) AS campaigns, uniqExact(toDate(started_at)) AS days,
             uniqExact(toStartOfHour(started_at)) AS hours, uniqExact(direction) AS directions
      FROM calls`);
    const count = (k: string) => Number(mix![k]);
    expect(count('cancels')).toBeGreaterThan(150);
    expect([count('campaigns'), count('days'), count('directions')]).toEqual([2, DAYS, 2]);
    expect(count('hours')).toBeGreaterThan(30);
    const outcomes = await rows('SELECT direction, outcome, sum(sign) AS n FROM calls GROUP BY direction, outcome HAVING n > 0');
    expect(outcomes.length).toBe(2 * OUTCOMES.length);
    for (const t of await callTotals(engine.ch, { campaignIds: Object.values(campaignId), from: DAY0, to: DAY0 + DAYS * DAY, agents: [] }, undefined, 'raw')) {
      for (const field of ['calls', 'rejected', 'connected', 'abandoned', 'talk_seconds', 'hold_seconds', 'wrap_seconds', 'converted'] as const) {
        expect(t[field], `${t.direction} ${field}`).toBeGreaterThan(0);
      }
      if (t.direction === 'outbound') {
        expect(t.human_answered).toBeGreaterThan(0);
        expect(t.dropped).toBeGreaterThan(0);
      }
      if (t.direction === 'inbound') {
        expect(t.connected_queue_seconds).toBeGreaterThan(0);
        expect(Object.keys(t.connected_wait).length).toBeGreaterThan(10);
        expect(Object.keys(t.abandoned_wait).length).toBeGreaterThan(10);
      }
    }
  });

  it('gives, as the inserts left the parts, the same totals from the minute and hour rollups as from the raw rows', async () => {
    await expectRollupsEqualRaw();
  });

  it('still does once ClickHouse has merged the parts, collapsing each replaced row with its cancel row', async () => {
    for (const table of ['calls', 'calls_by_minute', 'calls_by_hour']) await engine.ch.command({ query: `OPTIMIZE TABLE ${table} FINAL` });
    const [left] = await rows('SELECT countIf(sign = -1) AS cancels FROM calls');
    expect(Number(left!.cancels)).toBe(0);
    await expectRollupsEqualRaw();
  });
});
