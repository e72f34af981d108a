// A partnership's recording policy: may the client listen (off by default), and how many days the audio is kept.
// Pure: the defaults, the bounds and the input schema; the store is clickhouse/queries/recordings.ts.
import { z } from 'zod';
import type { RecordingPolicyRow } from '@/clickhouse/queries/recordings';

/** Six months: the CNIL's usual ceiling for keeping call recordings made for training and quality. */
export const DEFAULT_RETENTION_DAYS = 180;
/** A week at least: an evaluation, a dispute and its answer need the audio for some days. */
export const MIN_RETENTION_DAYS = 7;
/** Ten years at most: beyond, a typo rather than a policy. */
export const MAX_RETENTION_DAYS = 3650;

export const policyFields = z.object({
  clientMayListen: z.boolean(),
  retentionDays: z.number().int().min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS),
});

export interface RecordingPolicy {
  clientMayListen: boolean;
  retentionDays: number;
  /** Who set it last and when (epoch ms); null while the defaults apply. */
  changedByName: string | null;
  changedAt: number | null;
}

export const DEFAULT_POLICY: RecordingPolicy = { clientMayListen: false, retentionDays: DEFAULT_RETENTION_DAYS, changedByName: null, changedAt: null };

export function policyOf(row: RecordingPolicyRow | undefined): RecordingPolicy {
  return row
    ? { clientMayListen: row.client_may_listen, retentionDays: row.retention_days, changedByName: row.changed_by_name, changedAt: row.changed_at }
    : DEFAULT_POLICY;
}

/** The instant before which a recording has passed its retention. */
export const retentionCutoff = (now: number, retentionDays: number): number => now - retentionDays * 86_400_000;
