// Start-up after an unclean stop (the data directory's lock was taken over from a dead owner): what a crash can
// leave half-done is made whole before anything is served. Today that is the rollups (clickhouse/rollup-repair.ts).
import type { Clickhouse } from '@/clickhouse/client';
import { repairRollups } from '@/clickhouse/rollup-repair';
import type { DataDirLock } from './lock';

export async function repairAfterUncleanStop(ch: Clickhouse, lock: DataDirLock | null): Promise<void> {
  if (!lock?.uncleanStop) return;
  const started = Date.now();
  const rebuilt = await repairRollups(ch);
  const months = rebuilt.map((r) => `${r.table} ${String(r.month).slice(0, 4)}-${String(r.month).slice(4)}`);
  console.log(`Unclean stop: rollups checked against the calls in ${Date.now() - started} ms` + (months.length ? `; rebuilt ${months.join(', ')}` : ', all whole'));
}
