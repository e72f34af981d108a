import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('ignores a forged X-Forwarded-For without a trusted proxy: the socket decides', () => {
    expect(clientAddress('203.0.113.9', '127.0.0.1', false)).toBe('127.0.0.1');
  });
  it('behind a trusted proxy, takes the entry the proxy appended, not what the client put before it', () => {
    expect(clientAddress('203.0.113.9, 198.51.100.4', '10.0.0.2', true)).toBe('198.51.100.4');
    expect(clientAddress(undefined, '10.0.0.2', true)).toBe('10.0.0.2');
  });
});
