// The rollups made whole again after a crash left them short of `calls` (what kill -9 between the table's part and
// the views' parts does; reproduced here by taking rows out of one month of each rollup).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { loadSyntheticCalls } from '@/clickhouse/testing/synthetic-calls';
import { repairRollups } from './rollup-repair';

let engine: TestEngine;
beforeAll(async () => {
  engine = await openTestEngine();
  // 30,000 calls over three months (August to October 2026).
  await loadSyntheticCalls(engine.ch, { orgId: 'o', campaigns: ['c1', 'c2', 'c3', 'c4'], from: Date.UTC(2026, 7, 1), days: 91, size: 30_000 });
});
afterAll(() => engine.close());

async function monthly(query: string) {
  const rs = await engine.ch.query({ query, format: 'JSONCompactEachRow' });
  return (await rs.json<unknown[]>()).map((r) => r.map(Number));
}
const RAW = 'SELECT toYYYYMM(started_at) AS m, sum(sign), sum(sign * talk_seconds), sumIf(sign, outcome = \'abandoned\') FROM calls GROUP BY m ORDER BY m';
const of = (table: string, bucket: string) => `SELECT toYYYYMM(${bucket}) AS m, sum(calls), sum(talk_seconds), sum(abandoned) FROM ${table} GROUP BY m ORDER BY m`;

describe('repairRollups', () => {
  it('leaves whole rollups alone', async () => {
    expect(await repairRollups(engine.ch)).toEqual([]);
  });

  it('rebuilds the months a crash left short, and only those, to the calls table’s sums', async () => {
    const raw = await monthly(RAW);
    // As a kill between the parts leaves it: September's rows missing from the minute rollup, some of August's
    // from the hourly one, and a month in a rollup with no call left at all.
    await engine.ch.command({ query: 'ALTER TABLE calls_by_minute DELETE WHERE toYYYYMM(minute) = 202609 AND agent IN (\'A1\', \'A2\', \'A3\') SETTINGS mutations_sync = 1' });
    await engine.ch.command({ query: 'ALTER TABLE calls_by_hour DELETE WHERE toYYYYMM(hour) = 202608 AND campaign_id = \'c2\' SETTINGS mutations_sync = 1' });
    await engine.ch.command({ query: "INSERT INTO calls_by_hour (campaign_id, direction, hour, calls) VALUES ('c1', 'inbound', '2025-01-01 10:00:00', 3)" });
    expect(await monthly(of('calls_by_minute', 'minute'))).not.toEqual(raw);

    const rebuilt = await repairRollups(engine.ch);
    expect(rebuilt).toEqual([
      { table: 'calls_by_minute', month: 202609 },
      { table: 'calls_by_hour', month: 202501 },
      { table: 'calls_by_hour', month: 202608 },
    ]);
    expect(await monthly(of('calls_by_minute', 'minute'))).toEqual(raw);
    expect(await monthly(of('calls_by_hour', 'hour'))).toEqual(raw);
    expect(await repairRollups(engine.ch)).toEqual([]);
  });
});
