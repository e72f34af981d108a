// The parse pool gives, from worker threads and for a body cut in parts, what parsing the whole body on
// the event loop gives: same rows, line numbers and rejections; distinct versions.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnSpec, rowValues, type ColumnBatch } from '../../clickhouse/columns';
import { encodeRecords, type EncodeContext, type EncodeResult } from './encode';
import { parseNdjson } from './ndjson';
import { ParsePool, splitBody } from './parse-pool';
import { runParseJob } from './parse-worker';

const TIME = "DateTime64(3, 'UTC')";
const specs = (columns: [string, string][]) => columns.map(([name, type]) => columnSpec(name, type));
const COLUMNS = {
  calls: specs([['org_id', 'String'], ['campaign_id', 'String'], ['id', 'String'], ['sign', 'Int8'], ['version', 'UInt64'], ['direction', "Enum8('inbound' = 1, 'outbound' = 2)"],
    ['agent', 'String'], ['started_at', TIME], ['connected_at', `Nullable(${TIME})`], ['ended_at', TIME], ['outcome', 'String'], ['talk_seconds', 'Float64']]),
  surveys: specs([['org_id', 'String'], ['campaign_id', 'String'], ['id', 'String'], ['sign', 'Int8'], ['version', 'UInt64'], ['score', 'UInt8'], ['answered_at', TIME]]),
  agent_states: specs([['org_id', 'String'], ['agent', 'String'], ['campaign_id', 'String'], ['state', 'String'], ['at', TIME]]),
};
const ctx: EncodeContext = {
  orgId: 'o1', campaigns: new Map([['IN', { id: 'c-in', success_dispositions: ['sale'] }]]), columns: COLUMNS, firstVersion: 1_000, now: Date.UTC(2026, 0, 1),
};

function body(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = Date.UTC(2026, 0, 5, 9) + i * 1000;
    const call = { kind: 'call', id: `k${i % 997}`, campaign: 'IN', direction: 'inbound', agent: 'A1', started_at: new Date(t).toISOString(), connected_at: new Date(t + 3000).toISOString(), ended_at: new Date(t + 60_000).toISOString(), outcome: 'connected' };
    if (i % 50 === 7) lines.push('{oops');
    else if (i % 50 === 8) lines.push('');
    else if (i % 50 === 9) lines.push(JSON.stringify({ ...call, campaign: 'NOPE' }));
    else if (i % 50 === 10) lines.push(JSON.stringify({ kind: 'survey', id: `s${i}`, campaign: 'IN', score: 9, answered_at: call.ended_at }));
    else if (i % 50 === 11) lines.push(JSON.stringify({ kind: 'agent_state', agent: 'A1', state: 'paused', at: call.ended_at }) + '\r');
    else lines.push(JSON.stringify(call));
  }
  return lines.join('\n');
}

/** The result with every row's version cleared, and the versions apart. */
function withoutVersions(r: EncodeResult) {
  const versions: number[] = [];
  const table = (batch: ColumnBatch, at: number) => Array.from({ length: batch.rows }, (_, i) => {
    const values = rowValues(batch, i);
    if (at >= 0) versions.push(values.splice(at, 1, null)[0] as number);
    return values;
  });
  return {
    rows: { calls: table(r.batch.calls.rows, 4), surveys: table(r.batch.surveys.rows, 4), states: table(r.batch.agent_states.rows, -1) },
    hashes: [[...r.batch.calls.hashes], [...r.batch.surveys.hashes]],
    campaigns: r.batch.calls.campaigns,
    accepted: r.accepted,
    rejected: r.rejected,
    versions,
  };
}

const pool = new ParsePool(2, path.join(__dirname, 'parse-worker.ts'));

describe('splitBody', () => {
  it('cuts at line ends and numbers each part’s first line', () => {
    const text = ['a', 'b', '', 'c', 'dd', 'e'].join('\n');
    for (const n of [1, 2, 3, 4, 10]) {
      const parts = splitBody(text, n);
      expect(parts.map((p) => p.body).join('\n')).toBe(text);
      let line = 1;
      for (const p of parts) {
        expect(p.firstLine).toBe(line);
        line += p.body.split('\n').length;
      }
    }
  });
});

describe('runParseJob', () => {
  it('gives, slice by slice, what one pass over the part gives: rows, versions, line numbers', () => {
    // Lengths around the slice size, a part starting mid-body, and a trailing newline.
    for (const [n, firstLine] of [[1, 1], [127, 1], [128, 1], [129, 40], [1_000, 7]] as const) {
      for (const text of [body(n), `${body(n)}\n`]) {
        const whole = parseNdjson(text, firstLine);
        const expected = encodeRecords(whole.records, { ...ctx, firstVersion: ctx.firstVersion + firstLine - 1 }, whole.rejected);
        expect(runParseJob({ body: text, firstLine, ctx })).toEqual(expected);
      }
    }
  });
});

describe('ParsePool', () => {
  it('gives from its workers what the event loop gives, for a body cut in parts', async () => {
    const text = body(40_000);
    const inline = withoutVersions(runParseJob({ body: text, firstLine: 1, ctx }));
    const pooled = withoutVersions(await pool.run(text, ctx));
    expect(pool.running).toBe(2);
    expect({ ...pooled, versions: undefined }).toEqual({ ...inline, versions: undefined });
    expect(new Set(pooled.versions).size).toBe(pooled.versions.length);
    expect(Math.min(...pooled.versions)).toBeGreaterThanOrEqual(ctx.firstVersion);
    expect(Math.max(...pooled.versions)).toBeLessThan(ctx.firstVersion + 40_000);
    expect(inline.rejected.length).toBeGreaterThan(1_000);
  });

  it('parses a small body in one worker, as the event loop would', async () => {
    const text = body(300);
    expect(await pool.run(text, ctx)).toEqual(runParseJob({ body: text, firstLine: 1, ctx }));
  });
});
