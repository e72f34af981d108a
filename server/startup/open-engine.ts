// Opens the embedded engine on the data directory. Right after kill -9, the dead owner's main thread can be gone
// (its pid file taken over) while its last threads still hold chDB's own lock for a few hundred milliseconds: a
// start after an unclean stop waits for them rather than refusing.
import { DataDirLockedError, openClickhouse, type Clickhouse } from '@/clickhouse/client';
import type { ClickhouseTarget } from '@/clickhouse/config';
import type { DataDirLock } from './lock';

export async function openEngine(target: ClickhouseTarget, lock: DataDirLock | null, { waitMs = 10_000, stepMs = 100 } = {}): Promise<Clickhouse> {
  const deadline = Date.now() + (lock?.uncleanStop ? waitMs : 0);
  for (;;) {
    try {
      return openClickhouse(target);
    } catch (err) {
      if (!(err instanceof DataDirLockedError) || Date.now() >= deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, stepMs));
    }
  }
}
