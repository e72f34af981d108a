import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('has defaults for a plain start', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.RELAIS_SEED).toBe('1');
    expect(env.CLICKHOUSE_URL).toBeUndefined();
  });

  it('names the variable that is wrong', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ RELAIS_SEED: 'yes' })).toThrow(/RELAIS_SEED/);
    expect(() => parseEnv({ CLICKHOUSE_URL: 'not a url' })).toThrow(/CLICKHOUSE_URL/);
  });

  it('takes a TURN server only with its secret, and only stun:/turn: URLs', () => {
    expect(parseEnv({ RELAIS_TURN_URLS: 'turn:t.example.com:3478,turns:t.example.com:5349', RELAIS_TURN_SECRET: '0123456789abcdef' }).RELAIS_TURN_URLS).toContain('turns:');
    expect(parseEnv({ RELAIS_TURN_URLS: 'stun:t.example.com:3478' }).RELAIS_TURN_SECRET).toBeUndefined();
    expect(() => parseEnv({ RELAIS_TURN_URLS: 'turn:t.example.com:3478' })).toThrow(/RELAIS_TURN_SECRET/);
    expect(() => parseEnv({ RELAIS_TURN_URLS: 'http://t.example.com' })).toThrow(/RELAIS_TURN_URLS/);
  });
});
