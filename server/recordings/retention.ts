// The retention purge: per partnership, the recordings of calls started longer ago than its retention are deleted
// from disk and the call marked expired (recording_expiries: when, under which retention), so the call keeps
// saying its recording expired on that date. The calls table is not rewritten. A file is deleted only for the
// organization whose call named it first (another's record naming it by guess never deletes it). Campaigns and
// partnerships deleted since keep their calls' audio on disk, so they are purged too, on their partnership's last policy.
import { rm } from 'node:fs/promises';
import type { Clickhouse } from '@/clickhouse/client';
import { everyCampaignForRetention, firstClaimantOf, insertExpiries, policiesOf, recordingsToExpire, type ExpiryRow } from '@/clickhouse/queries/recordings';
import { resolveRecording } from '@/dialer/media/recording';
import { policyOf, retentionCutoff } from './policy';
import { recordingsDirOf } from './recording-file';

export interface PurgeResult {
  /** Calls marked expired by this run. */
  expired: number;
  /** Files deleted from disk. */
  deleted: number;
}

const BATCH = 500;

export async function purgeExpiredRecordings(ch: Clickhouse, now = Date.now(), recordingsDir = recordingsDirOf()): Promise<PurgeResult> {
  const result: PurgeResult = { expired: 0, deleted: 0 };
  const campaigns = await everyCampaignForRetention(ch);
  const partnerships = [...new Map(campaigns.map((c) => [c.partnership_id, { id: c.partnership_id, outsourcer_org_id: c.outsourcer_org_id }])).values()];
  if (partnerships.length === 0) return result;
  const policies = new Map((await policiesOf(ch, partnerships.map((p) => p.id))).map((r) => [r.partnership_id, r]));
  for (const partnership of partnerships) {
    const campaignIds = campaigns.filter((c) => c.partnership_id === partnership.id).map((c) => c.campaign_id);
    const { retentionDays } = policyOf(policies.get(partnership.id));
    const cutoff = retentionCutoff(now, retentionDays);
    for (;;) {
      const calls = await recordingsToExpire(ch, campaignIds, cutoff, BATCH);
      const expiries: ExpiryRow[] = [];
      for (const call of calls) {
        let fileDeleted = false;
        const file = resolveRecording(recordingsDir, call.recording_path);
        if (file && call.org_id === partnership.outsourcer_org_id && (await firstClaimantOf(ch, call.recording_path)) === call.org_id) {
          await rm(file, { force: true });
          fileDeleted = true;
          result.deleted++;
        }
        expiries.push({
          org_id: call.org_id, campaign_id: call.campaign_id, call_id: call.id, recording_path: call.recording_path,
          expired_at: now, retention_days: retentionDays, file_deleted: fileDeleted,
        });
      }
      await insertExpiries(ch, expiries);
      result.expired += expiries.length;
      if (calls.length < BATCH) break;
    }
  }
  return result;
}

/** Every hour: recordings pass their retention by the day, an hour late is on time. */
export const PURGE_EVERY_MS = 3_600_000;

/** Runs the purge now and then every `everyMs` inside the server process; never two runs at once. Returns the stop. */
export function startRecordingPurge(ch: Clickhouse, log: (message: string) => void = console.log, everyMs = PURGE_EVERY_MS): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const { expired, deleted } = await purgeExpiredRecordings(ch);
      if (expired) log(`Recordings: ${expired} past their partnership's retention marked expired, ${deleted} file(s) deleted.`);
    } catch (err) {
      log(`Recordings: the retention purge failed (${(err as Error).message}); it runs again in an hour.`);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
