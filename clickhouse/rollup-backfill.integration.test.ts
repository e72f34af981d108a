// Migration 0003 adds the hourly rollup: calls stored before it must be in it, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { migrate, readMigrationFiles } from './migrate';

let engine: TestEngine;
beforeAll(async () => {
  engine = await openTestEngine({ migrated: false });
});
afterAll(() => engine.close());

const sum = async (query: string) => Number((await (await engine.ch.query({ query, format: 'JSONEachRow' })).json<{ n: string }>())[0]!.n);

describe('calls_by_hour backfill', () => {
  it('holds the calls stored before the migration and those after, with the minute rollup’s totals', async () => {
    const files = readMigrationFiles().sort((a, b) => a.name.localeCompare(b.name));
    await migrate(engine.ch, files.filter((f) => f.name < '0003'));
    const insert = (from: number, n: number) => engine.ch.command({
      query: `INSERT INTO calls (org_id, campaign_id, id, sign, version, direction, started_at, ended_at, outcome, queue_seconds, connected_at)
              SELECT 'o', 'c', toString(number), 1, 1, 'inbound', toDateTime64('2026-03-02 09:00:00', 3) + toIntervalSecond(number * 37),
                     toDateTime64('2026-03-02 09:00:00', 3) + toIntervalSecond(number * 37 + 60), 'connected', number % 30,
                     toDateTime64('2026-03-02 09:00:00', 3) + toIntervalSecond(number * 37 + number % 30)
              FROM numbers(${from}, ${n})`,
    });
    await insert(0, 500);
    await migrate(engine.ch, files);
    await insert(500, 300);
    expect(await sum('SELECT sum(calls) AS n FROM calls_by_hour')).toBe(800);
    expect(await sum('SELECT sum(connected_queue_seconds) AS n FROM calls_by_hour'))
      .toBe(await sum('SELECT sum(connected_queue_seconds) AS n FROM calls_by_minute'));
  });
});
