// The playback log: who heard which call's audio, and when (PRODUCT §7). A player fetches a recording in byte ranges
// (from the start, then from each seek; a client may ask any range), so a listening is any GET the file route answers
// with audio, logged once per person and call in LISTENING_MS: the requests of one listening, in whatever order and
// with whatever ranges, make one line; a person coming back later makes another. HEAD requests serve no audio.
import { randomUUID } from 'node:crypto';
import type { Clickhouse } from '@/clickhouse/client';
import { insertPlayback } from '@/clickhouse/queries/recordings';
import type { SessionUser } from '@/server/auth/session-user';
import type { Scope } from '@/server/tenancy/scope';
import type { LocatedRecording } from './recording-file';

/** How long the requests of one person for one call's audio count as one listening. */
export const LISTENING_MS = 30 * 60_000;

/** Pure: whether this request, by `key` (person and call) at `now`, starts a listening; `seen` keeps the last ones. */
export function startsListening(seen: Map<string, number>, key: string, now: number): boolean {
  const last = seen.get(key);
  if (last !== undefined && now - last < LISTENING_MS) return false;
  seen.set(key, now);
  // Keeps the map small: a key older than the window is forgotten.
  if (seen.size > 10_000) for (const [k, at] of seen) if (now - at >= LISTENING_MS) seen.delete(k);
  return true;
}

const lastListened = new Map<string, number>();

/** Logs a listening unless this person's requests for this call's audio already did within LISTENING_MS. */
export async function logPlayback(ch: Clickhouse, user: SessionUser, scope: Scope, recording: LocatedRecording, now = Date.now()): Promise<void> {
  if (!startsListening(lastListened, [user.id, recording.orgId, recording.campaignId, recording.callId].join('\u0000'), now)) return;
  await insertPlayback(ch, {
    id: randomUUID(), at: now, org_id: recording.orgId, campaign_id: recording.campaignId, call_id: recording.callId,
    user_id: user.id, user_email: user.email, user_name: user.name, user_org_id: scope.orgId, role: scope.role,
  });
}
