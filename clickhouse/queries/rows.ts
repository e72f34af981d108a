// The one way queries read rows: parameters bound by ClickHouse ({name:Type}), never spliced into SQL.
import { Readable } from 'node:stream';
import { arrowColumns, arrowSelect } from '../arrow';
import { isEmbedded, withChdbSession, type Clickhouse } from '../client';
import { batchLines, columnSpec, type ColumnBatch, type ColumnSpec } from '../columns';

export async function selectRows<T>(ch: Clickhouse, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const rs = await ch.query({ query, query_params: params, format: 'JSONEachRow' });
  return rs.json<T>();
}

export async function insertRows(ch: Clickhouse, table: string, values: object[]): Promise<void> {
  if (values.length) await ch.insert({ table, values, format: 'JSONEachRow' });
}

// Column names and types per table, read once: a migration that adds a column restarts the process anyway.
const typesOf = new Map<string, Promise<{ name: string; type: string }[]>>();

function tableColumnTypes(ch: Clickhouse, table: string): Promise<{ name: string; type: string }[]> {
  if (!typesOf.has(table)) {
    typesOf.set(table, selectRows<{ name: string; type: string }>(
      ch,
      'SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = {table:String} ORDER BY position',
      { table },
    ));
  }
  return typesOf.get(table)!;
}

// Derived once per table as well: event requests ask for their tables' specs on every request.
const namesOf = new Map<string, Promise<string[]>>();
const specsOf = new Map<string, Promise<ColumnSpec[]>>();

function derived<T>(cache: Map<string, Promise<T>>, ch: Clickhouse, table: string, f: (columns: { name: string; type: string }[]) => T): Promise<T> {
  if (!cache.has(table)) cache.set(table, tableColumnTypes(ch, table).then(f));
  return cache.get(table)!;
}

/** The table's column names, in order. */
export const tableColumns = (ch: Clickhouse, table: string): Promise<string[]> =>
  derived(namesOf, ch, table, (columns) => columns.map((c) => c.name));

/** Each column's name, type and how a ColumnBatch carries it, in the table's order. */
export const tableColumnSpecs = (ch: Clickhouse, table: string): Promise<ColumnSpec[]> =>
  derived(specsOf, ch, table, (columns) => columns.map((c) => columnSpec(c.name, c.type)));

const settingsClause = (settings: Record<string, number>) =>
  Object.keys(settings).length ? ` SETTINGS ${Object.entries(settings).map(([k, v]) => `${k} = ${Number(v)}`).join(', ')}` : '';

let arrowTables = 0;

/**
 * Inserts a batch built with the table's specs (tableColumnSpecs). The embedded engine reads its typed arrays
 * in place, registered as an Arrow table for the one INSERT … SELECT, which spares it the text parsing
 * that cost more than half of its time a row; a server gets JSONCompactEachRow lines.
 */
export async function insertBatch(ch: Clickhouse, table: string, specs: readonly ColumnSpec[], batch: ColumnBatch, settings: Record<string, number> = {}): Promise<void> {
  if (batch.rows === 0) return;
  if (!isEmbedded(ch)) return insertCompactLines(ch, table, batchLines(batch), settings);
  await withChdbSession(ch, async (session, native) => {
    const name = `relais_rows_${++arrowTables}`;
    native._arrowRegisterColumns(session.connection, name, arrowColumns(batch, specs));
    try {
      await session.queryAsync(
        `INSERT INTO ${table} (${specs.map((s) => `\`${s.name}\``).join(', ')})${settingsClause(settings)} SELECT ${arrowSelect(specs)} FROM arrowstream('${name}')`,
        { format: 'CSV' },
      );
    } finally {
      native._arrowUnregister(session.connection, name);
    }
  });
}

/** Rows as arrays in the table's column order: JSONCompactEachRow parses about a third faster than objects. */
export async function insertCompactRows(ch: Clickhouse, table: string, values: object[]): Promise<void> {
  if (values.length === 0) return;
  const columns = await tableColumns(ch, table);
  const arrays = values.map((row) => columns.map((c) => (row as Record<string, unknown>)[c] ?? null));
  await ch.insert({ table, values: arrays, format: 'JSONCompactEachRow' });
}

/**
 * Inserts JSONCompactEachRow lines already encoded in the table's column order (a batch's `batchLines`): what a
 * ClickHouse server gets. Per-query settings are written in the statement: on chDB, the client's settings
 * would become session-wide SETs.
 */
export async function insertCompactLines(ch: Clickhouse, table: string, lines: Uint8Array, settings: Record<string, number> = {}): Promise<void> {
  if (lines.length === 0) return;
  const columns = await tableColumns(ch, table);
  const bytes = Buffer.from(lines.buffer, lines.byteOffset, lines.byteLength);
  const { stream } = await ch.exec({
    query: `INSERT INTO ${table} (${columns.join(', ')})${settingsClause(settings)} FORMAT JSONCompactEachRow`,
    values: Readable.from([bytes], { objectMode: false }),
  });
  // An INSERT answers nothing; reading to the end releases the HTTP connection of a server.
  for await (const chunk of stream) void chunk;
}
