import { afterEach, describe, expect, it, vi } from 'vitest';
import { mintSipCredentials } from './ephemeral-credentials';
import { keepCredentialsFresh } from './ua-credentials';

afterEach(() => { vi.useRealTimers(); });

describe('keepCredentialsFresh', () => {
  it('sets credentials at once and renews them every half lifetime until stopped', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const options: { authorizationUsername?: string; authorizationPassword?: string } = {};
    const stop = keepCredentialsFresh(options, 'dialer', { secret: 's3cret', ttlSeconds: 60 });
    expect(options).toEqual({ authorizationUsername: '1060:dialer', authorizationPassword: mintSipCredentials('s3cret', 'dialer', 60, 1_000_000).password });
    vi.advanceTimersByTime(30_000);
    expect(options.authorizationUsername).toBe('1090:dialer');
    stop();
    vi.advanceTimersByTime(60_000);
    expect(options.authorizationUsername).toBe('1090:dialer');
  });

  it('leaves the options alone without a secret (a proxy that does not authenticate)', () => {
    const options = {};
    keepCredentialsFresh(options, 'dialer', undefined)();
    expect(options).toEqual({});
  });
});
