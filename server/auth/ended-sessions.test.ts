import { describe, expect, it } from 'vitest';
import { isEnded, type EndedIndex } from './ended-sessions';

describe('isEnded', () => {
  const index: EndedIndex = { sessions: new Set(['s-out']), cutOff: new Map([['u-deactivated', 1_000]]) };

  it('ends a signed-out session, and only that one', () => {
    expect(isEnded(index, { userId: 'u1', sessionId: 's-out', signedInAt: 5_000 })).toBe(true);
    expect(isEnded(index, { userId: 'u1', sessionId: 's-other-tab', signedInAt: 5_000 })).toBe(false);
  });

  it('ends every session of a user signed in before the cut-off, not those signed in after', () => {
    expect(isEnded(index, { userId: 'u-deactivated', sessionId: 'a', signedInAt: 999 })).toBe(true);
    expect(isEnded(index, { userId: 'u-deactivated', sessionId: 'b', signedInAt: 1_001 })).toBe(false);
    expect(isEnded(index, { userId: 'u2', sessionId: 'c', signedInAt: 0 })).toBe(false);
  });
});
