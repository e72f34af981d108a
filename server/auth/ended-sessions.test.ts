import { describe, expect, it } from 'vitest';
import { isEnded, pruneEnded, type EndedIndex } from './ended-sessions';
import { SESSION_MAX_AGE_SECONDS } from './session-age';

describe('isEnded', () => {
  const index: EndedIndex = { sessions: new Map([['s-out', 1_000]]), cutOff: new Map([['u-deactivated', 1_000]]) };

  it('ends a signed-out session, and only that one', () => {
    expect(isEnded(index, { userId: 'u1', sessionId: 's-out', signedInAt: 5_000 })).toBe(true);
    expect(isEnded(index, { userId: 'u1', sessionId: 's-other-tab', signedInAt: 5_000 })).toBe(false);
  });

  it('ends every session of a user signed in before the cut-off, not those signed in after', () => {
    expect(isEnded(index, { userId: 'u-deactivated', sessionId: 'a', signedInAt: 999 })).toBe(true);
    expect(isEnded(index, { userId: 'u-deactivated', sessionId: 'b', signedInAt: 1_001 })).toBe(false);
    expect(isEnded(index, { userId: 'u2', sessionId: 'c', signedInAt: 0 })).toBe(false);
  });

  it('forgets what no cookie can still be presented for, and keeps the rest', () => {
    const age = SESSION_MAX_AGE_SECONDS * 1000;
    const pruned: EndedIndex = { sessions: new Map([['old', 1_000], ['recent', age]]), cutOff: new Map([['u-old', 1_000], ['u-recent', age]]) };
    pruneEnded(pruned, age + 5_000);
    expect([[...pruned.sessions.keys()], [...pruned.cutOff.keys()]]).toEqual([['recent'], ['u-recent']]);
  });
});
