// Applies the numbered SQL files of clickhouse/migrations once each, in order, and records them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Clickhouse } from './client';
import { planMigrations, splitStatements, type MigrationFile } from './migration-plan';

export const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

export class MigrationError extends Error {
  constructor(readonly file: string, readonly cause: unknown) {
    super(`Migration ${file} failed: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

export function readMigrationFiles(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name), 'utf8') }));
}

export async function appliedMigrations(ch: Clickhouse): Promise<string[]> {
  const rs = await ch.query({ query: 'SELECT name FROM relais_migrations ORDER BY name', format: 'JSONEachRow' });
  return (await rs.json<{ name: string }>()).map((r) => r.name);
}

/** Returns the names applied by this call (empty when the schema was already current). */
export async function migrate(ch: Clickhouse, files = readMigrationFiles()): Promise<string[]> {
  await ch.command({
    query: `CREATE TABLE IF NOT EXISTS relais_migrations (name String, applied_at DateTime64(3, 'UTC'))
            ENGINE = MergeTree ORDER BY name`,
  });
  const pending = planMigrations(files, new Set(await appliedMigrations(ch)));
  for (const file of pending) {
    try {
      for (const statement of splitStatements(file.sql)) await ch.command({ query: statement });
    } catch (err) {
      throw new MigrationError(file.name, err);
    }
    await ch.insert({
      table: 'relais_migrations',
      values: [{ name: file.name, applied_at: Date.now() }],
      format: 'JSONEachRow',
    });
  }
  return pending.map((f) => f.name);
}
