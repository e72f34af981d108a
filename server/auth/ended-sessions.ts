// Which sessions have been ended before their JWT expires: a signed-out session, or every session of a user signed
// in before a cut-off (deactivation, password or role change). Kept in memory, written through to ClickHouse and
// read back at first use: one process owns the data directory, so its memory is the truth between restarts.
import type { Clickhouse } from '@/clickhouse/client';
import { processSingleton } from '@/clickhouse/process-singleton';
import { sessionsSql } from '@/clickhouse/queries/sessions';
import { SESSION_MAX_AGE_SECONDS } from './session-age';

export interface SessionRef {
  userId: string;
  sessionId: string;
  signedInAt: number;
}

export interface EndedIndex {
  sessions: Set<string>;
  /** Per user: sessions signed in before this instant (epoch ms) are over. */
  cutOff: Map<string, number>;
}

/** Pure: whether this session has been ended. */
export function isEnded(index: EndedIndex, s: SessionRef): boolean {
  return index.sessions.has(s.sessionId) || s.signedInAt < (index.cutOff.get(s.userId) ?? -Infinity);
}

// One index per process, whichever route bundle asks (process-singleton.ts): a cut-off written by the tRPC route
// (deactivation, role change) must end the session the pages' and next-auth's bundles check.
const slot = () => processSingleton<{ loaded?: { ch: Clickhouse; index: Promise<EndedIndex> } }>('ended-sessions', () => ({}));

function indexOf(ch: Clickhouse): Promise<EndedIndex> {
  const s = slot();
  if (s.loaded?.ch !== ch) {
    const index = sessionsSql.endedSince(ch, Date.now() - SESSION_MAX_AGE_SECONDS * 1000).then((rows) => {
      const built: EndedIndex = { sessions: new Set(), cutOff: new Map() };
      for (const r of rows) {
        if (r.session_id) built.sessions.add(r.session_id);
        else built.cutOff.set(r.user_id, Math.max(r.ended_at, built.cutOff.get(r.user_id) ?? 0));
      }
      return built;
    });
    s.loaded = { ch, index };
  }
  return s.loaded.index;
}

export async function sessionEnded(ch: Clickhouse, s: SessionRef): Promise<boolean> {
  return isEnded(await indexOf(ch), s);
}

/** Sign-out: this session is over at its next request, whatever its cookie still says. */
export async function endSession(ch: Clickhouse, userId: string, sessionId: string): Promise<void> {
  (await indexOf(ch)).sessions.add(sessionId);
  await sessionsSql.end(ch, { user_id: userId, session_id: sessionId, ended_at: Date.now() });
}

/** Every session of the user signed in until now is over: deactivation, password reset or set, role change (server/people). */
export async function endSessionsOfUser(ch: Clickhouse, userId: string, at = Date.now()): Promise<void> {
  (await indexOf(ch)).cutOff.set(userId, at);
  await sessionsSql.end(ch, { user_id: userId, session_id: '', ended_at: at });
}
