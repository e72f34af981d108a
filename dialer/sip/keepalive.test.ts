// What a keepalive probe's answer says of the far end, and the setting read from the environment.
import { describe, expect, it } from 'vitest';
import { DEFAULT_KEEPALIVE, keepaliveFromEnv, probeVerdict } from './dialer-ua';

describe('probeVerdict', () => {
  it('takes any answer as a sign of life but a lost dialog or route', () => {
    for (const status of [200, 405, 415, 469, 486, 501, 503]) expect(probeVerdict(status)).toBe('alive');
    for (const status of [408, 481, 477]) expect(probeVerdict(status)).toBe('gone');
  });
});

describe('keepaliveFromEnv', () => {
  it('probes every minute by default, at the interval given, or not at all with 0', () => {
    expect(keepaliveFromEnv({})).toEqual(DEFAULT_KEEPALIVE);
    expect(keepaliveFromEnv({ RELAIS_SIP_KEEPALIVE_SECONDS: '30' })).toEqual({ intervalMs: 30_000, timeoutMs: 10_000 });
    expect(keepaliveFromEnv({ RELAIS_SIP_KEEPALIVE_SECONDS: '4' })).toEqual({ intervalMs: 4_000, timeoutMs: 2_000 });
    expect(keepaliveFromEnv({ RELAIS_SIP_KEEPALIVE_SECONDS: '0' })).toBeNull();
    expect(keepaliveFromEnv({ RELAIS_SIP_KEEPALIVE_SECONDS: 'often' })).toEqual(DEFAULT_KEEPALIVE);
  });
});
