import { describe, expect, it } from 'vitest';
import { ACCOUNT_FAILURES, MAX_TRACKED_KEYS, PAIR_FAILURES, SIGN_IN_WINDOW_MS, SignInLimiter } from './sign-in-limits';

function limiter() {
  let now = 1_000_000;
  const l = new SignInLimiter(() => now);
  return { l, tick: (ms: number) => { now += ms; } };
}

describe('SignInLimiter', () => {
  it('stops a guesser after 5 wrong passwords from one address, for what is left of 15 minutes', () => {
    const { l, tick } = limiter();
    for (let i = 0; i < PAIR_FAILURES; i++) {
      expect(l.waitSeconds('a@x.test', '10.0.0.9')).toBe(0);
      l.failed('a@x.test', '10.0.0.9');
      tick(1_000);
    }
    expect(l.waitSeconds('a@x.test', '10.0.0.9')).toBe(15 * 60 - 5);
    // The real user, elsewhere, is not held up by it.
    expect(l.waitSeconds('a@x.test', '192.0.2.1')).toBe(0);
    tick(SIGN_IN_WINDOW_MS);
    expect(l.waitSeconds('a@x.test', '10.0.0.9')).toBe(0);
  });

  it('slows an account guessed from many addresses to one attempt a minute, never more', () => {
    const { l, tick } = limiter();
    for (let i = 0; i < ACCOUNT_FAILURES; i++) l.failed('a@x.test', `10.0.${i}.1`);
    expect(l.waitSeconds('a@x.test', '192.0.2.1')).toBe(60);
    tick(30_000);
    expect(l.waitSeconds('a@x.test', '192.0.2.1')).toBe(30);
    tick(30_000);
    expect(l.waitSeconds('a@x.test', '192.0.2.1')).toBe(0);
    expect(l.waitSeconds('b@x.test', '10.0.0.1')).toBe(0);
  });

  it('stops one address trying many accounts', () => {
    const { l } = limiter();
    for (let i = 0; i < 30; i++) l.failed(`user${i}@x.test`, '10.0.0.9');
    expect(l.waitSeconds('new@x.test', '10.0.0.9')).toBeGreaterThan(0);
    expect(l.waitSeconds('new@x.test', '10.0.0.8')).toBe(0);
  });

  it('forgives an address its failures once it gives the right password', () => {
    const { l } = limiter();
    for (let i = 0; i < PAIR_FAILURES - 1; i++) l.failed('a@x.test', '10.0.0.9');
    l.succeeded('a@x.test', '10.0.0.9');
    l.failed('a@x.test', '10.0.0.9');
    expect(l.waitSeconds('a@x.test', '10.0.0.9')).toBe(0);
  });

  it('forgets the failures of accounts nobody tries again, and never remembers more than its cap', () => {
    const { l, tick } = limiter();
    // A spray of made-up accounts from many addresses: three keys each (pair, account, address).
    for (let i = 0; i < 1_000; i++) l.failed(`made-up-${i}@x.test`, `10.1.${i >> 8}.${i & 255}`);
    expect(l.trackedKeys).toBe(3_000);
    tick(SIGN_IN_WINDOW_MS + 1);
    l.failed('last@x.test', '10.2.0.1');
    expect(l.trackedKeys).toBe(3);
    for (let i = 0; i < MAX_TRACKED_KEYS; i++) l.failed(`spray-${i}@x.test`, null);
    expect(l.trackedKeys).toBeLessThanOrEqual(MAX_TRACKED_KEYS);
  });
});
