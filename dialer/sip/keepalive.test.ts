// What a keepalive probe's answer says of the far end, and the keepalive of a setting in seconds.
import { describe, expect, it } from 'vitest';
import { DEFAULT_KEEPALIVE, keepaliveEvery, probeVerdict } from './dialer-ua';

describe('probeVerdict', () => {
  it('takes any answer as a sign of life but a lost dialog or route', () => {
    for (const status of [200, 405, 415, 469, 486, 501, 503]) expect(probeVerdict(status)).toBe('alive');
    for (const status of [408, 481, 477]) expect(probeVerdict(status)).toBe('gone');
  });
});

describe('keepaliveEvery', () => {
  it('probes every minute by default, at the interval given, or not at all with 0', () => {
    expect(keepaliveEvery(undefined)).toEqual(DEFAULT_KEEPALIVE);
    expect(keepaliveEvery(30)).toEqual({ intervalMs: 30_000, timeoutMs: 10_000 });
    expect(keepaliveEvery(4)).toEqual({ intervalMs: 4_000, timeoutMs: 2_000 });
    expect(keepaliveEvery(0)).toBeNull();
  });
});
