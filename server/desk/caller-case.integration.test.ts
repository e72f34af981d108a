// The inbound card's case on a real chDB engine: a caller's earlier calls on the line, newest first, the call in
// progress left out, a later version of a call replacing the first, and the case still open found; another line's
// calls and another number's are not shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignsOfOutsourcer, tenancy } from '@/clickhouse/queries/tenancy';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { ingestNdjson } from '@/server/ingest/service';
import { seedDemo } from '@/server/seed/demo';
import { callerCase } from './caller-case';

let engine: TestEngine;
let orgId: string;
let line: string;
const CALLER = '+33612999001';
const T = Date.UTC(2026, 10, 2, 9, 0, 0);
const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const call = (id: string, campaign: string, phone: string, start: number, caseId: string, resolved: boolean, version?: number) => ({
  kind: 'call', id, campaign, direction: 'inbound', phone, agent: 'A1', started_at: iso(start), connected_at: iso(start + 10_000),
  ended_at: iso(start + 300_000), outcome: 'connected', case_id: caseId, resolved, disposition: resolved ? 'resolved' : 'follow_up', ...(version ? { version } : {}),
});

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
  orgId = (await tenancy.organizationsOfKind(engine.ch, 'outsourcer'))[0]!.id;
  line = (await campaignsOfOutsourcer(engine.ch, orgId)).find((c) => c.code === 'ACME-IN')!.id;
  const answer = await ingestNdjson(engine.ch, orgId, [
    call('k1', 'ACME-IN', CALLER, T, 'C-1', true),
    call('k2', 'ACME-IN', CALLER, T + 24 * H, 'C-2', false),
    call('k3', 'ACME-IN', CALLER, T + 26 * H, 'C-2', true),
    // A correction: k3 did not resolve the case after all.
    call('k3', 'ACME-IN', CALLER, T + 26 * H, 'C-2', false, 2),
    call('now', 'ACME-IN', CALLER, T + 48 * H, '', false),
    call('other-number', 'ACME-IN', '+33612999002', T + 30 * H, 'C-9', false),
    call('other-line', 'HORIZON-IN', CALLER, T + 31 * H, 'C-8', false),
  ].map((r) => JSON.stringify(r)).join('\n'));
  expect(answer.rejected).toEqual([]);
}, 60_000);
afterAll(async () => engine?.close());

describe('the inbound caller’s case', () => {
  it('lists the caller’s earlier calls on the line, newest first, and finds the case still open', async () => {
    const c = await callerCase(engine.ch, line, 'now', CALLER);
    expect(c.calls.map((x) => [x.caseId, x.resolved])).toEqual([['C-2', false], ['C-2', false], ['C-1', true]]);
    expect(c.openCase).toEqual({ id: 'C-2', calls: 2, since: expect.stringMatching(/^2026-11-03 09:00:00/) });
  });

  it('a number never seen on the line has no history', async () => {
    expect(await callerCase(engine.ch, line, 'x', '+33612999003')).toEqual({ calls: [], openCase: null });
  });
});
