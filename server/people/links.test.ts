import { describe, expect, it } from 'vitest';
import { hashToken, isTokenShaped, LINK_TTL_MS, linkState, newToken } from './links';

describe('one-time links', () => {
  it('makes unguessable tokens, different each time, stored as a hash', () => {
    const a = newToken();
    const b = newToken();
    expect(a).not.toBe(b);
    expect(isTokenShaped(a)).toBe(true);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).not.toContain(a);
    expect(isTokenShaped('../../etc')).toBe(false);
  });
  it('is valid until it expires, and once', () => {
    const created = Date.UTC(2026, 11, 1);
    const link = { expires_at: created + LINK_TTL_MS, used_at: null };
    expect(linkState(link, created)).toBe('valid');
    expect(linkState(link, created + LINK_TTL_MS - 1)).toBe('valid');
    expect(linkState(link, created + LINK_TTL_MS)).toBe('expired');
    expect(linkState({ ...link, used_at: created + 5 }, created + 10)).toBe('used');
    expect(linkState(undefined, created)).toBe('unknown');
    expect(LINK_TTL_MS).toBe(72 * 3600_000);
  });
});
