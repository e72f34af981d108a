// The live monitor on a day without calls (a Sunday, night): it shows the campaign's last day with calls, whole,
// and says so; a day with a call shows itself. chDB, the demo seed, calls posted through the ingest, a clock set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignsOfOutsourcer, tenancy } from '@/clickhouse/queries/tenancy';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { ingestNdjson } from '@/server/ingest/service';
import { seedDemo } from '@/server/seed/demo';
import { callerAs } from '@/server/testing/callers';

let engine: TestEngine;
let orgId: string;
let line: string;
// Friday 2027-03-05 and Sunday 2027-03-07 in Paris (UTC+1): far from the demo's week.
const FRIDAY_10H = Date.UTC(2027, 2, 5, 9, 0, 0);
const SUNDAY_15H = Date.UTC(2027, 2, 7, 14, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();
const call = (id: string, start: number, connected: boolean) => ({
  kind: 'call', id, campaign: 'ACME-IN', direction: 'inbound', started_at: iso(start),
  ...(connected ? { agent: 'A1', connected_at: iso(start + 10_000), ended_at: iso(start + 130_000), outcome: 'connected' } : { ended_at: iso(start + 40_000), outcome: 'abandoned' }),
});

beforeAll(async () => {
  engine = await openTestEngine();
  await seedDemo(engine.ch);
  orgId = (await tenancy.organizationsOfKind(engine.ch, 'outsourcer'))[0]!.id;
  line = (await campaignsOfOutsourcer(engine.ch, orgId)).find((c) => c.code === 'ACME-IN')!.id;
  const answer = await ingestNdjson(engine.ch, orgId, [call('f1', FRIDAY_10H, true), call('f2', FRIDAY_10H + 3_600_000, true), call('f3', FRIDAY_10H + 7_200_000, false)]
    .map((r) => JSON.stringify(r)).join('\n'));
  expect(answer.rejected).toEqual([]);
}, 60_000);
afterAll(async () => engine?.close());

describe('the live monitor when today has no call', () => {
  it('shows the last day with calls (Friday, whole, in Paris) on a Sunday, today’s figures being empty', async () => {
    const client = await callerAs(engine.ch, 'client@acme.test', () => SUNDAY_15H);
    const live = await client.kpi.live({ campaignId: line });
    expect(live.kpis.offered).toBe(0);
    expect(live.lastDay).not.toBeNull();
    expect(live.lastDay!.from).toBe(Date.UTC(2027, 2, 4, 23, 0, 0)); // Friday 00:00 in Paris
    expect(live.lastDay!.to).toBe(Date.UTC(2027, 2, 5, 23, 0, 0));
    expect(live.lastDay!.kpis).toMatchObject({ offered: 3, connected: 2, abandoned: 1 });
  });

  it('shows today itself once today has a call', async () => {
    const client = await callerAs(engine.ch, 'client@acme.test', () => FRIDAY_10H + 4 * 3_600_000);
    const live = await client.kpi.live({ campaignId: line });
    expect(live.kpis.offered).toBe(3);
    expect(live.lastDay).toBeNull();
  });
});
