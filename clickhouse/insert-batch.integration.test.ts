// A batch inserted into the embedded engine through its Arrow input stores exactly what the same batch sent
// as JSONCompactEachRow lines (the text a ClickHouse server gets) stores; a refused insert stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { buildBatch } from './column-builder';
import { batchLines } from './columns';
import { insertBatch, insertCompactLines, selectRows, tableColumnSpecs } from './queries/rows';

let engine: TestEngine;
beforeAll(async () => {
  engine = await openTestEngine();
  for (const t of ['via_arrow', 'via_text']) await engine.ch.command({ query: `CREATE TABLE ${t} AS calls ENGINE = MergeTree ORDER BY id` });
});
afterAll(() => engine.close());

const t0 = Date.UTC(2026, 10, 2, 9, 30, 0, 123);
const rows = Array.from({ length: 2_500 }, (_, i) => ({
  org_id: 'org-1', campaign_id: 'camp-1', id: i % 7 === 0 ? `été-${i} "q"\t\\\n日本` : `k${i}`, sign: i % 9 === 0 ? -1 : 1,
  version: 1_796_214_987_819_000 + i, direction: i % 2 ? 'inbound' : 'outbound', agent: i % 3 ? `A${i % 50}` : '',
  started_at: t0 + i * 1_001, ...(i % 4 ? { answered_at: t0 + i * 1_001 + 7_999 } : {}), connected_at: i % 5 ? t0 + i * 1_001 + 9_001 : null,
  ended_at: t0 + i * 1_001 + 120_000, hold_seconds: i % 3, wrap_seconds: 15.25, outcome: i % 2 ? 'connected' : 'no_answer',
  disposition: i % 6 ? 'sale' : '', converted: i % 2, resolved: i % 3 === 0 ? null : i % 2, queue_seconds: i / 3, talk_seconds: i * 0.001,
  human_answered: 1, dropped: 0, ingested_at: t0,
}));

const stored = (table: string) => selectRows<Record<string, unknown>>(engine.ch, `SELECT * FROM ${table} ORDER BY id, version`);

describe('insertBatch on the embedded engine', () => {
  it('stores what the JSONCompactEachRow lines of the same batch store, to the millisecond', async () => {
    const specs = await tableColumnSpecs(engine.ch, 'calls');
    const batch = buildBatch(specs, rows);
    await insertBatch(engine.ch, 'via_arrow', specs, batch);
    await insertCompactLines(engine.ch, 'via_text', batchLines(batch));
    const [arrow, text] = [await stored('via_arrow'), await stored('via_text')];
    expect(arrow).toHaveLength(rows.length);
    expect(arrow).toEqual(text);
    const first = arrow.find((r) => r.id === 'été-0 "q"\t\\\n日本')!;
    expect(first).toMatchObject({ sign: -1, version: 1_796_214_987_819_000, direction: 'outbound', started_at: '2026-11-02 09:30:00.123', answered_at: null, connected_at: null, resolved: null });
  });

  it('stores nothing of a batch the engine refuses, and the next insert goes through', async () => {
    const specs = await tableColumnSpecs(engine.ch, 'calls');
    const bad = buildBatch(specs, [{ ...rows[1]!, id: 'bad-1' }, { ...rows[1]!, id: 'bad-2', direction: 'sideways' }]);
    await expect(insertBatch(engine.ch, 'via_arrow', specs, bad)).rejects.toThrow(/sideways/);
    expect(await selectRows(engine.ch, "SELECT id FROM via_arrow WHERE id LIKE 'bad-%'")).toEqual([]);
    await insertBatch(engine.ch, 'via_arrow', specs, buildBatch(specs, [{ ...rows[1]!, id: 'after' }]));
    expect(await selectRows(engine.ch, "SELECT id FROM via_arrow WHERE id = 'after'")).toEqual([{ id: 'after' }]);
  });

  it('stores every row of concurrent inserts', async () => {
    const specs = await tableColumnSpecs(engine.ch, 'calls');
    await Promise.all(Array.from({ length: 6 }, (_, k) =>
      insertBatch(engine.ch, 'via_arrow', specs, buildBatch(specs, rows.slice(0, 100).map((r) => ({ ...r, id: `c${k}-${r.id}` }))))));
    const [n] = await selectRows<{ n: string }>(engine.ch, "SELECT count() AS n FROM via_arrow WHERE id LIKE 'c%-%'");
    expect(Number(n!.n)).toBe(600);
  });
});
