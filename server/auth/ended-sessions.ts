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
  /** Signed-out sessions, with when they ended. */
  sessions: Map<string, number>;
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
      const built: EndedIndex = { sessions: new Map(), cutOff: new Map() };
      for (const r of rows) {
        if (r.session_id) built.sessions.set(r.session_id, r.ended_at);
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

/**
 * Pure: forgets what no cookie can still be presented for (ended longer ago than a session lasts), so that the
 * index does not grow for as long as the process runs.
 */
export function pruneEnded(index: EndedIndex, now: number): void {
  const before = now - SESSION_MAX_AGE_SECONDS * 1000;
  for (const [id, at] of index.sessions) if (at < before) index.sessions.delete(id);
  for (const [user, at] of index.cutOff) if (at < before) index.cutOff.delete(user);
}

let lastPrune = 0;

/** Sign-out: this session is over at its next request, whatever its cookie still says. */
export async function endSession(ch: Clickhouse, userId: string, sessionId: string, now = Date.now()): Promise<void> {
  const index = await indexOf(ch);
  if (now - lastPrune > 3_600_000) {
    lastPrune = now;
    pruneEnded(index, now);
  }
  index.sessions.set(sessionId, now);
  await sessionsSql.end(ch, { user_id: userId, session_id: sessionId, ended_at: now });
}

/** Every session of the user signed in until now is over: deactivation, a password set or reset, a role change. */
export async function endSessionsOfUser(ch: Clickhouse, userId: string, at = Date.now()): Promise<void> {
  (await indexOf(ch)).cutOff.set(userId, at);
  await sessionsSql.end(ch, { user_id: userId, session_id: '', ended_at: at });
}
