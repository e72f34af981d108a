// The playback log: one line per listening (who, when, which call, which organization). A player fetches a
// recording in byte ranges — the first request asks `bytes=0-`, each seek asks from further on — so a listening is
// the request that starts the audio: no Range header (a download, a plain GET) or a range starting at byte 0. Seeks,
// HEAD requests and refused ranges are not listenings.
import { randomUUID } from 'node:crypto';
import type { Clickhouse } from '@/clickhouse/client';
import { insertPlayback } from '@/clickhouse/queries/recordings';
import type { SessionUser } from '@/server/auth/session-user';
import type { Scope } from '@/server/tenancy/scope';
import type { LocatedRecording } from './recording-file';

/** Pure: whether a request with this Range header starts a listening. */
export function isListeningStart(rangeHeader: string | null, method: 'GET' | 'HEAD' = 'GET'): boolean {
  if (method !== 'GET') return false;
  if (!rangeHeader) return true;
  const m = /^bytes=(\d*)-(\d*)$/.exec(rangeHeader.trim());
  // Anything but one plain range is answered whole (recording-file.ts): a listening from the start.
  if (!m || (m[1] === '' && m[2] === '')) return true;
  return m[1] !== '' && Number(m[1]) === 0;
}

export async function logPlayback(ch: Clickhouse, user: SessionUser, scope: Scope, recording: LocatedRecording, now = Date.now()): Promise<void> {
  await insertPlayback(ch, {
    id: randomUUID(), at: now, org_id: recording.orgId, campaign_id: recording.campaignId, call_id: recording.callId,
    user_id: user.id, user_email: user.email, user_name: user.name, user_org_id: scope.orgId, role: scope.role,
  });
}
