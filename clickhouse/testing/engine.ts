// Test and bench helper for every layer: a real embedded ClickHouse (chDB) in a fresh temporary data dir, migrated.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closeClickhouse, openClickhouse, type Clickhouse } from '@/clickhouse/client';
import { migrate } from '@/clickhouse/migrate';

export interface TestEngine {
  ch: Clickhouse;
  dir: string;
  close: () => Promise<void>;
}

/** One per test file: chDB runs one on-disk engine per process and vitest forks a process per file. */
export async function openTestEngine({ migrated = true } = {}): Promise<TestEngine> {
  const dir = mkdtempSync(path.join(tmpdir(), 'relais-it-'));
  const ch = openClickhouse({ kind: 'embedded', path: path.join(dir, 'clickhouse') });
  if (migrated) await migrate(ch);
  return { ch, dir, close: closeClickhouse };
}
