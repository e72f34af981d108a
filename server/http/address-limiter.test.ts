import { describe, expect, it } from 'vitest';
import { AddressLimiter } from './address-limiter';

describe('AddressLimiter', () => {
  it('lets `limit` requests through per address in the window, then says how long to wait, and lets the next one through once the oldest left it', () => {
    let now = 1_000_000;
    const limiter = new AddressLimiter({ limit: 3, windowMs: 60_000, maxKeys: 10 }, () => now);
    const taken = [];
    for (let i = 0; i < 3; i++, now += 5_000) taken.push(limiter.take('a'));
    expect(taken).toEqual([0, 0, 0]);
    now += 5_000; // 20 s after the first
    expect(limiter.take('a')).toBe(40);
    expect(limiter.take('b')).toBe(0); // another address is not held back
    now += 40_000; // the first request leaves the window
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(5); // refused requests were not counted: the second one leaves the window 5 s later
  });

  it('forgets the least recently seen addresses past its cap', () => {
    let now = 0;
    const limiter = new AddressLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 }, () => now);
    limiter.take('a');
    now += 1;
    limiter.take('b');
    now += 1;
    limiter.take('c');
    expect(limiter.trackedAddresses).toBe(2);
    expect(limiter.take('a')).toBe(0); // forgotten, so let through again
    expect(limiter.take('c')).toBeGreaterThan(0);
  });
});
