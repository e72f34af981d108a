// The writer on a real chDB engine: its filter of stored keys hashes as ClickHouse does and is loaded from
// the table at start, so a record re-sent after a restart is still found and replaced; repeats in one
// group keep the last.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventColumns, storedKeyHashes } from '@/clickhouse/queries/events';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { encodeRecords, type EncodeContext } from './encode';
import { keyHash } from './key-filter';
import type { ParsedLine } from './ndjson';
import { EventWriter } from './writer';

let engine: TestEngine;
let ctx: EncodeContext;
beforeAll(async () => {
  engine = await openTestEngine();
  const [calls, surveys, states] = await Promise.all([eventColumns(engine.ch, 'calls'), eventColumns(engine.ch, 'surveys'), eventColumns(engine.ch, 'agent_states')]);
  ctx = { orgId: 'org-1', campaigns: new Map([['C1', { id: 'camp-1', success_dispositions: [] }]]), columns: { calls, surveys, agent_states: states }, firstVersion: 0, now: t0 };
});
afterAll(() => engine.close());

const t0 = Date.UTC(2026, 4, 4, 9);
let version = 1;

/** Connected inbound calls of campaign C1, as validated records: [id, talk seconds]. */
function batch(...calls: [string, number][]) {
  const lines: ParsedLine[] = calls.map(([id, talk], i) => ({
    line: i + 1,
    record: { kind: 'call', id, campaign: 'C1', direction: 'inbound', started_at: t0, connected_at: t0 + 5_000, ended_at: t0 + 5_000 + talk * 1000, hold_seconds: 0, wrap_seconds: 0, outcome: 'connected' },
  }));
  const encoded = encodeRecords(lines, { ...ctx, firstVersion: version }).batch;
  version += calls.length;
  return encoded;
}

async function totals() {
  const rs = await engine.ch.query({ query: 'SELECT sum(sign) AS calls, sum(sign * talk_seconds) AS talk FROM calls', format: 'JSONEachRow' });
  const [raw] = await rs.json<{ calls: string; talk: number }>();
  const rollup = await engine.ch.query({ query: 'SELECT sum(calls) AS calls, sum(talk_seconds) AS talk FROM calls_by_minute', format: 'JSONEachRow' });
  const [minute] = await rollup.json<{ calls: string; talk: number }>();
  return { raw: { calls: Number(raw!.calls), talk: raw!.talk }, rollup: { calls: Number(minute!.calls), talk: minute!.talk } };
}

describe('the stored-key filter', () => {
  it('hashes keys as ClickHouse’s murmurHash3_32 does, whatever the characters', async () => {
    const keys = [['c', 'a'], ['', ''], ['camp-1', 'call-42'], ['ÉTÉ', 'appel-é'], ['c', '电话-☎-😀'], ['a\tb', 'x\\y']];
    const rs = await engine.ch.query({
      query: "SELECT arrayMap(k -> murmurHash3_32(concat(k.1, '\\0', k.2)), arrayZip({c:Array(String)}, {i:Array(String)})) AS h",
      query_params: { c: keys.map((k) => k[0]), i: keys.map((k) => k[1]) },
      format: 'JSONEachRow',
    });
    const [result] = await rs.json<{ h: number[] }>();
    expect(keys.map(([c, i]) => keyHash(c!, i!))).toEqual(result!.h.map(Number));
  });

  it('replaces a record re-sent after a restart, found through the keys loaded from the table', async () => {
    const before = new EventWriter(engine.ch);
    await before.keysLoaded();
    await before.write(batch(['r1', 60], ['r2', 60]));
    expect(await totals()).toEqual({ raw: { calls: 2, talk: 120 }, rollup: { calls: 2, talk: 120 } });

    const hashes: number[] = [];
    await storedKeyHashes(engine.ch, 'calls', (page) => hashes.push(...page));
    expect(hashes.sort()).toEqual([keyHash('camp-1', 'r1'), keyHash('camp-1', 'r2')].sort());

    const after = new EventWriter(engine.ch);
    await after.keysLoaded();
    await after.write(batch(['r1', 30], ['r3', 10]));
    expect(await totals()).toEqual({ raw: { calls: 3, talk: 100 }, rollup: { calls: 3, talk: 100 } });
    // The cancel row is the stored row, to the millisecond, with sign -1: grouped on every value, the old
    // version sums to 0 and the new one to 1.
    const rs = await engine.ch.query({
      query: "SELECT * EXCEPT (sign), sum(sign) AS live FROM calls WHERE id = 'r1' GROUP BY ALL ORDER BY version",
      format: 'JSONEachRow',
    });
    expect((await rs.json<{ talk_seconds: number; live: string }>()).map((r) => [r.talk_seconds, Number(r.live)])).toEqual([[60, 0], [30, 1]]);
  });

  it('replaces records whose ids hold quotes, backslashes, tabs, newlines and any character', async () => {
    const writer = new EventWriter(engine.ch);
    await writer.keysLoaded();
    const ids = ["it's", 'back\\slash', 'tab\there', 'new\nline', "q'\\'", 'été ☎ 😀', ' '];
    await writer.write(batch(...ids.map((id) => [id, 10] as [string, number])));
    await writer.write(batch(...ids.map((id) => [id, 20] as [string, number])));
    const rs = await engine.ch.query({ query: 'SELECT id, sum(sign) AS n, sum(sign * talk_seconds) AS talk FROM calls WHERE id IN {ids:Array(String)} GROUP BY id', query_params: { ids }, format: 'JSONEachRow' });
    const byId = new Map((await rs.json<{ id: string; n: string; talk: number }>()).map((r) => [r.id, [Number(r.n), r.talk]]));
    expect(ids.map((id) => byId.get(id))).toEqual(ids.map(() => [1, 20]));
  });

  it('replaces the few re-sent records among many new ones', async () => {
    const writer = new EventWriter(engine.ch);
    await writer.keysLoaded();
    await writer.write(batch(...Array.from({ length: 1000 }, (_, i) => [`old-${i}`, 1] as [string, number])));
    await writer.write(batch(...Array.from({ length: 2000 }, (_, i) => [i % 500 === 0 ? `old-${i / 4}` : `fresh-${i}`, 3] as [string, number])));
    const rs = await engine.ch.query({ query: "SELECT sum(sign) AS n, sum(sign * talk_seconds) AS talk FROM calls WHERE id LIKE 'old-%' OR id LIKE 'fresh-%'", format: 'JSONEachRow' });
    const [row] = await rs.json<{ n: string; talk: number }>();
    // 1,000 old and 1,996 fresh, of which the 4 old ones re-sent now talk 3 s.
    expect([Number(row!.n), row!.talk]).toEqual([2996, 996 + 1996 * 3 + 4 * 3]);
  });

  it('keeps the last of a key sent twice in one group, within a request and across requests', async () => {
    const writer = new EventWriter(engine.ch);
    await writer.keysLoaded();
    await writer.write(batch(['d1', 5], ['d2', 1], ['d1', 7]));
    // Queued while the first is written: the two form one group.
    await Promise.all([writer.write(batch(['d3', 1])), writer.write(batch(['d3', 2], ['d4', 1])), writer.write(batch(['d3', 4]))]);
    const rs = await engine.ch.query({ query: "SELECT id, sum(sign) AS n, sum(sign * talk_seconds) AS talk FROM calls WHERE id LIKE 'd%' GROUP BY id ORDER BY id", format: 'JSONEachRow' });
    expect((await rs.json<{ id: string; n: string; talk: number }>()).map((r) => [r.id, Number(r.n), r.talk])).toEqual([['d1', 1, 7], ['d2', 1, 1], ['d3', 1, 4], ['d4', 1, 1]]);
  });
});

/** A body of one call a month for `months` months from January 2000, with one survey: [id prefix, months]. */
function backfill(prefix: string, months: number, campaign = 'C1') {
  const lines: ParsedLine[] = Array.from({ length: months }, (_, m) => {
    const started = Date.UTC(2000, m, 15, 9);
    return { line: m + 1, record: { kind: 'call', id: `${prefix}-${m}`, campaign, direction: 'inbound', started_at: started, connected_at: started + 5_000, ended_at: started + 65_000, hold_seconds: 0, wrap_seconds: 0, outcome: 'connected' } };
  });
  lines.push({ line: months + 1, record: { kind: 'survey', id: `${prefix}-survey`, campaign, score: 9, answered_at: Date.UTC(2000, 0, 16) } });
  const encoded = encodeRecords(lines, { ...ctx, firstVersion: version }).batch;
  version += lines.length;
  return encoded;
}

async function stored(prefix: string) {
  const like = `${prefix}-%`;
  const count = async (sql: string) => Number((await (await engine.ch.query({ query: sql, query_params: { like }, format: 'JSONEachRow' })).json<{ n: string }>())[0]!.n);
  return {
    calls: await count('SELECT sum(sign) AS n FROM calls WHERE id LIKE {like:String}'),
    surveys: await count('SELECT sum(sign) AS n FROM surveys WHERE id LIKE {like:String}'),
  };
}

describe('a request that cannot be stored', () => {
  it('accepts a backfill spanning 150 months in one body, rollups included', async () => {
    const writer = new EventWriter(engine.ch);
    await writer.keysLoaded();
    const before = await totals();
    await writer.write(backfill('long', 150));
    expect(await stored('long')).toEqual({ calls: 150, surveys: 1 });
    const after = await totals();
    expect([after.raw.calls - before.raw.calls, after.rollup.calls - before.rollup.calls]).toEqual([150, 150]);
  });

  it('fails alone, stores nothing of itself (its survey included), and fails none of the requests grouped with it', async () => {
    // A real refusal by the engine: this writer may insert into 12 partitions at most.
    const writer = new EventWriter(engine.ch, { maxPartitionsPerInsert: 12 });
    await writer.keysLoaded();
    // Queued while the first is written, the nine form one group.
    const first = writer.write(batch(['first', 1]));
    const small = Array.from({ length: 8 }, (_, i) => batch([`small-${i}`, 10]));
    const results = await Promise.allSettled([writer.write(backfill('wide', 20)), ...small.map((b) => writer.write(b))]);
    await first;
    expect(results.map((r) => r.status)).toEqual(['rejected', ...small.map(() => 'fulfilled')]);
    expect(await stored('wide')).toEqual({ calls: 0, surveys: 0 });
    expect((await stored('small')).calls).toBe(8);
    // The rollups hold what the raw table holds.
    const t = await totals();
    expect(t.rollup).toEqual(t.raw);
  });
});
