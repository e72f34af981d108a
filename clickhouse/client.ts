// The one @clickhouse/client instance of the process, shared by the custom server and Next's route bundles.
import 'server-only';
import { mkdirSync } from 'node:fs';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import type { ClickhouseTarget } from './config';

export type Clickhouse = ClickHouseClient;

// Next bundles this module separately from the custom server, so the instance must live on globalThis
// to be one per process (chDB also refuses a second engine per process).
type ChdbExtension = import('chdb/connection').ChdbExtension;
const holder = globalThis as unknown as { __relaisClickhouse?: { client: Clickhouse; target: ClickhouseTarget; chdb?: ChdbExtension; sessions: ChdbSession[] } };

/** A second native connection to the embedded engine (same data dir): what chDB's Arrow input is registered on. */
export interface ChdbSession {
  connection: unknown;
  queryAsync(sql: string, opts?: { format?: string }): Promise<unknown>;
  close(): void;
}

// chdb's low-level Arrow binding: its public registerArrowTable encodes JS string arrays itself (a Buffer a
// string), where batches already hold Arrow's layout. clickhouse/insert-batch.integration.test.ts guards it.
interface ChdbNative {
  Session: new (path: string) => ChdbSession;
  _arrowRegisterColumns(connection: unknown, name: string, columns: unknown[]): void;
  _arrowUnregister(connection: unknown, name: string): void;
}

export class DataDirLockedError extends Error {
  constructor(readonly dir: string) {
    super(`The data directory ${dir} is in use by another Relais process. Stop it, or set RELAIS_DATA_DIR to another directory.`);
  }
}

export function openClickhouse(target: ClickhouseTarget): Clickhouse {
  if (holder.__relaisClickhouse) return holder.__relaisClickhouse.client;
  let client: Clickhouse;
  let chdb: ChdbExtension | undefined;
  if (target.kind === 'server') {
    client = createClient({
      url: target.url,
      username: target.username,
      password: target.password,
      database: target.database,
      clickhouse_settings: { date_time_input_format: 'best_effort' },
    });
  } else {
    mkdirSync(target.path, { recursive: true });
    // Loaded lazily: a server deployment never needs the native engine.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createChdbConnection } = require('chdb/connection') as typeof import('chdb/connection');
    let connection;
    try {
      connection = createChdbConnection({ path: target.path });
    } catch (err) {
      // chDB takes a file lock per directory; its error only says it failed (the reason goes to stderr).
      if ((err as { code?: string }).code === 'CHDB_CONNECTION') throw new DataDirLockedError(target.path);
      throw err;
    }
    chdb = connection.chdb;
    // chdb types the connection against @clickhouse/client-common, the client against its bundled copy.
    client = createClient({ connection: connection as unknown as NonNullable<Parameters<typeof createClient>[0]>['connection'] });
  }
  holder.__relaisClickhouse = { client, target, chdb, sessions: [] };
  return client;
}

/** The process's client, opened at start-up (server/main.ts) before the portal serves anything. */
export function clickhouse(): Clickhouse {
  const held = holder.__relaisClickhouse;
  if (!held) throw new Error('ClickHouse is not open in this process: start Relais with `npm start`');
  return held.client;
}

/** True for the process's embedded chDB engine, which no other process can write to (it locks its data dir). */
export function isEmbedded(ch: Clickhouse): boolean {
  const held = holder.__relaisClickhouse;
  return held?.client === ch && held.chdb !== undefined;
}

/**
 * Runs `fn` on an idle extra session of the embedded engine, opened on first need: one per concurrent use, since
 * a registered Arrow table belongs to its connection. chDB allows any number of connections to the data dir
 * the process has bound; the @clickhouse/client connection keeps its own session private.
 */
export async function withChdbSession<T>(ch: Clickhouse, fn: (session: ChdbSession, native: ChdbNative) => Promise<T>): Promise<T> {
  const held = holder.__relaisClickhouse;
  if (!held?.chdb || held.client !== ch) throw new Error('withChdbSession: not the embedded engine');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const native = require('chdb') as ChdbNative;
  const session = held.sessions.pop() ?? new native.Session(held.chdb.session.path);
  try {
    return await fn(session, native);
  } finally {
    if (holder.__relaisClickhouse === held) held.sessions.push(session);
    else session.close();
  }
}

export async function closeClickhouse(): Promise<void> {
  const held = holder.__relaisClickhouse;
  holder.__relaisClickhouse = undefined;
  for (const s of held?.sessions.splice(0) ?? []) s.close();
  await held?.client.close();
}
