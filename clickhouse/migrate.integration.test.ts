// The migration runner on a real chDB engine: once only, in order, and a clear stop on a broken file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { appliedMigrations, migrate, MigrationError, readMigrationFiles } from './migrate';

let engine: TestEngine;
beforeAll(async () => {
  engine = await openTestEngine({ migrated: false });
});
afterAll(() => engine.close());

async function count(query: string): Promise<number> {
  const rs = await engine.ch.query({ query, format: 'JSONEachRow' });
  return Number((await rs.json<{ n: string }>())[0]!.n);
}

describe('migrate', () => {
  it('applies every file once, and a second run applies nothing', async () => {
    const files = readMigrationFiles();
    expect(await migrate(engine.ch)).toEqual(files.map((f) => f.name).sort());
    expect(await migrate(engine.ch)).toEqual([]);
    expect(await appliedMigrations(engine.ch)).toEqual(files.map((f) => f.name).sort());
    expect(await count('SELECT count() AS n FROM relais_migrations')).toBe(files.length);
    expect(await count("SELECT count() AS n FROM system.tables WHERE database = currentDatabase() AND name = 'users'")).toBe(1);
  });

  it('stops on a failing file, naming it and the ClickHouse error, and records nothing for it', async () => {
    const broken = [...readMigrationFiles(), { name: '9998_ok.sql', sql: 'CREATE TABLE IF NOT EXISTS ok_t (x UInt8) ENGINE = Memory;' },
      { name: '9999_broken.sql', sql: 'CREATE TABLE broken (x NoSuchType) ENGINE = Memory;' }];
    const error = await migrate(engine.ch, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).message).toMatch(/^Migration 9999_broken\.sql failed: .*NoSuchType/);
    const applied = await appliedMigrations(engine.ch);
    expect(applied).toContain('9998_ok.sql');
    expect(applied).not.toContain('9999_broken.sql');
  });
});
