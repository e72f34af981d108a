// SQL for call events: the inserts, the stored live version of re-sent records (to cancel them) and the
// hashes of the stored keys (the writer's filter of records that may be re-sent).
import type { Clickhouse } from '../client';
import { buildBatch } from '../column-builder';
import type { ColumnBatch, ColumnSpec, NumberColumn } from '../columns';
import { insertBatch, selectRows, tableColumnSpecs } from './rows';

type Key = { campaign_id: string; id: string };

/** `(campaign_id = {c0} AND id IN {i0}) OR …`: exact pairs, one term a campaign, which the primary key serves. */
function keyCondition(keys: Key[]): { sql: string; params: Record<string, unknown> } {
  const byCampaign = new Map<string, string[]>();
  for (const k of keys) {
    const ids = byCampaign.get(k.campaign_id);
    if (ids) ids.push(k.id);
    else byCampaign.set(k.campaign_id, [k.id]);
  }
  const terms: string[] = [];
  const params: Record<string, unknown> = {};
  [...byCampaign].forEach(([campaign, ids], n) => {
    terms.push(`(campaign_id = {c${n}:String} AND id IN {i${n}:Array(String)})`);
    params[`c${n}`] = campaign;
    params[`i${n}`] = ids;
  });
  return { sql: terms.join(' OR '), params };
}

/** Rows as JSON arrays in `specs` order, instants as epoch ms (64-bit integers may come as text) → a batch. */
function batchOfJsonRows(specs: readonly ColumnSpec[], rows: unknown[][]): ColumnBatch {
  return buildBatch(specs, rows.map((values) => Object.fromEntries(specs.map((s, j) => {
    const v = values[j];
    return [s.name, s.kind === 'string' || v === null ? v : Number(v)];
  }))));
}

/**
 * The cancel row (sign -1, the stored values) of the live version of each key given, read without FINAL:
 * the version whose signs do not cancel out is the live one. Returned as a batch of the table's columns,
 * ready to go in front of the new rows of the same insert.
 *
 * When the keys are mostly not stored (`mostlyNew`: the writer's filter lets ~0.1 % of new keys through), a
 * narrow read of the key columns first settles which are, and only those are read whole.
 */
export async function cancelRows(ch: Clickhouse, table: 'calls' | 'surveys', keys: Key[], { mostlyNew = false } = {}): Promise<ColumnBatch | null> {
  if (keys.length === 0) return null;
  let where = keyCondition(keys);
  if (mostlyNew) {
    const stored = await selectRows<Key>(
      ch,
      `SELECT campaign_id, id FROM ${table} WHERE ${where.sql} GROUP BY campaign_id, id HAVING sum(sign) > 0`,
      where.params,
    );
    if (stored.length === 0) return null;
    where = keyCondition(stored);
  }
  const specs = await eventColumns(ch, table);
  // Instants as epoch milliseconds, as batches hold them, whatever the output format of dates is set to.
  const instants = specs.filter((s) => s.time).map((s) => `, toUnixTimestamp64Milli(${s.name}) AS ${s.name}`).join('');
  const rs = await ch.query({
    // The sign is replaced outside: inside, `sign` would name the replacement rather than the column.
    query: `SELECT * REPLACE (toInt8(-1) AS sign${instants}) FROM (
              SELECT * FROM ${table}
              WHERE (${where.sql}) AND sign = 1
                AND (campaign_id, id, version) IN (
                  SELECT campaign_id, id, version FROM ${table} WHERE ${where.sql}
                  GROUP BY campaign_id, id, version HAVING sum(sign) > 0)
              LIMIT 1 BY campaign_id, id, version)`,
    query_params: where.params,
    format: 'JSONCompactEachRow',
  });
  const rows = await rs.json<unknown[]>();
  return rows.length ? batchOfJsonRows(specs, rows) : null;
}

/**
 * Calls `onPage` with the key hash of every stored row of the table (see server/ingest/key-filter.ts:
 * murmurHash3_32 of campaign id, NUL, id), one partition at a time so that no result holds the whole table.
 */
export async function storedKeyHashes(ch: Clickhouse, table: 'calls' | 'surveys', onPage: (hashes: Uint32Array) => void): Promise<void> {
  const partitions = await selectRows<{ partition_id: string }>(
    ch,
    'SELECT DISTINCT partition_id FROM system.parts WHERE database = currentDatabase() AND table = {table:String} AND active',
    { table },
  );
  for (const { partition_id } of partitions) {
    const rs = await ch.query({
      query: `SELECT murmurHash3_32(concat(campaign_id, '\\0', id)) FROM ${table} WHERE _partition_id = {partition:String}`,
      query_params: { partition: partition_id },
      format: 'TabSeparated',
    });
    onPage(parseUint32Lines(await rs.text()));
  }
}

function parseUint32Lines(text: string): Uint32Array {
  const out = new Uint32Array(text.length >>> 1);
  let n = 0;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      out[n++] = value;
      value = 0;
    } else value = value * 10 + (c - 48);
  }
  return out.subarray(0, n);
}

export type EventTable = 'calls' | 'surveys' | 'agent_states';

/** The columns event rows are built in (clickhouse/column-builder.ts). */
export const eventColumns = (ch: Clickhouse, table: EventTable) => tableColumnSpecs(ch, table);

// Merging each inserted block on the way in gains nothing here: a block holds one row per key and
// version (the writer dedupes), and every query sums signs over unmerged parts anyway; skipping it saves
// about a tenth of the engine's CPU per call row. The two rollup views of `calls` run side by side, which
// takes about an eighth off the time an insert keeps a request waiting.
const EVENT_INSERT_SETTINGS = { optimize_on_insert: 0, parallel_view_processing: 1 };

/** Event rows built in `eventColumns` specs; `settings` adds to the event insert settings. */
export async function insertEventBatch(ch: Clickhouse, table: EventTable, batch: ColumnBatch, settings: Record<string, number> = {}) {
  return insertBatch(ch, table, await eventColumns(ch, table), batch, { ...EVENT_INSERT_SETTINGS, ...settings });
}

/**
 * The mirror of rows inserted into a collapsing table (every sign flipped): inserted after them, it sums
 * them to zero in the table and in its rollups, and a cancel row among them gives its version back.
 */
export async function mirrorRows(ch: Clickhouse, table: 'calls' | 'surveys', batch: ColumnBatch): Promise<ColumnBatch> {
  const sign = (await eventColumns(ch, table)).findIndex((s) => s.name === 'sign');
  const column = batch.columns[sign] as NumberColumn;
  const columns = batch.columns.slice();
  columns[sign] = { values: column.values.map((v) => -v), valid: column.valid };
  return { rows: batch.rows, columns };
}
