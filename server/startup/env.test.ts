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
});
