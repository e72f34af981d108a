// SQL for ended sessions (0007_sessions.sql).
import type { Clickhouse } from '../client';
import { insertRows, selectRows } from './rows';

export interface EndedSession {
  user_id: string;
  /** '' for every session of the user signed in before `ended_at`. */
  session_id: string;
  ended_at: number;
}

export const sessionsSql = {
  end: (ch: Clickhouse, e: EndedSession) => insertRows(ch, 'ended_sessions', [e]),

  endedSince: async (ch: Clickhouse, sinceMs: number): Promise<EndedSession[]> =>
    (await selectRows<{ user_id: string; session_id: string; last_ended: string }>(ch,
      `SELECT user_id, session_id, toUnixTimestamp64Milli(max(ended_at)) AS last_ended FROM ended_sessions
       WHERE ended_at >= fromUnixTimestamp64Milli({since:Int64}) GROUP BY user_id, session_id`, { since: sinceMs }))
      .map((r) => ({ user_id: r.user_id, session_id: r.session_id, ended_at: Number(r.last_ended) })),
};
