// Ended sessions survive a restart: what sign-out and a cut-off write is what the next process reads back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionsSql } from '@/clickhouse/queries/sessions';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { endSession, endSessionsOfUser, sessionEnded } from './ended-sessions';

let engine: TestEngine;
beforeAll(async () => { engine = await openTestEngine(); });
afterAll(() => engine.close());

describe('ended sessions', () => {
  it('ends a session and a user’s earlier sessions at once, and stores both for the next start', async () => {
    const signedIn = Date.now() - 60_000;
    await endSession(engine.ch, 'u1', 'sid-1');
    await endSessionsOfUser(engine.ch, 'u2');
    expect(await sessionEnded(engine.ch, { userId: 'u1', sessionId: 'sid-1', signedInAt: signedIn })).toBe(true);
    expect(await sessionEnded(engine.ch, { userId: 'u1', sessionId: 'sid-2', signedInAt: signedIn })).toBe(false);
    expect(await sessionEnded(engine.ch, { userId: 'u2', sessionId: 'any', signedInAt: signedIn })).toBe(true);
    expect(await sessionEnded(engine.ch, { userId: 'u2', sessionId: 'later', signedInAt: Date.now() + 1_000 })).toBe(false);
    const stored = await sessionsSql.endedSince(engine.ch, signedIn);
    expect(stored.map((s) => [s.user_id, s.session_id]).sort()).toEqual([['u1', 'sid-1'], ['u2', '']]);
    for (const s of stored) expect(Math.abs(s.ended_at - Date.now())).toBeLessThan(10_000);
  });
});
