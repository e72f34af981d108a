import { describe, expect, it } from 'vitest';
import { mintSipCredentials } from './ephemeral-credentials';

const SECRET = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

describe('mintSipCredentials (Kamailio auth_ephemeral, username_format 1, SHA-1)', () => {
  it('gives `<expiry>:<user>` and base64(HMAC-SHA1(secret, username)), as an independent tool computes it', () => {
    // 1 January 2026 00:00:00 UTC minus 10 minutes, for 600 s: the expiry is 1767225600.
    const now = Date.UTC(2026, 0, 1) - 600_000;
    const c = mintSipCredentials(SECRET, 'agent-a1', 600, now);
    expect(c.username).toBe('1767225600:agent-a1');
    expect(c.expiresAt).toBe(Date.UTC(2026, 0, 1));
    // printf '%s' '1767225600:agent-a1' | openssl dgst -sha1 -hmac '0123…cdef' -binary | base64
    expect(c.password).toBe('CjtbRnY3u6151WODfc/VM5RBRsU=');
  });

  it('counts the lifetime in whole seconds from the current second', () => {
    const c = mintSipCredentials(SECRET, 'dialer', 60, 1_000_999);
    expect(c.username).toBe('1060:dialer');
    expect(c.expiresAt).toBe(1_060_000);
  });

  it('changes with the secret, the user and the expiry', () => {
    const base = mintSipCredentials(SECRET, 'agent-a1', 600, 0);
    expect(mintSipCredentials(`${SECRET}0`, 'agent-a1', 600, 0).password).not.toBe(base.password);
    expect(mintSipCredentials(SECRET, 'agent-a2', 600, 0).password).not.toBe(base.password);
    expect(mintSipCredentials(SECRET, 'agent-a1', 601, 0).password).not.toBe(base.password);
  });

  it('refuses a user the proxy could not compare with a From user, an empty secret and a lifetime that is not positive', () => {
    expect(() => mintSipCredentials(SECRET, 'agent:a1', 600, 0)).toThrow(/SIP user/);
    expect(() => mintSipCredentials(SECRET, 'agent-a1@elsewhere', 600, 0)).toThrow(/SIP user/);
    expect(() => mintSipCredentials(SECRET, '', 600, 0)).toThrow(/SIP user/);
    expect(() => mintSipCredentials('', 'agent-a1', 600, 0)).toThrow(/secret/);
    expect(() => mintSipCredentials(SECRET, 'agent-a1', 0, 0)).toThrow(/lifetime/);
  });
});
