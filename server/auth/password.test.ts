import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('stores a salted bcrypt hash, never the password', async () => {
    const a = await hashPassword('relais-demo', 4);
    const b = await hashPassword('relais-demo', 4);
    expect(a).toMatch(/^\$2[aby]\$04\$/);
    expect(a).not.toContain('relais-demo');
    expect(a).not.toBe(b);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse', 4);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horsE', hash)).toBe(false);
  });

  it('refuses when there is no account, after doing the same work', async () => {
    expect(await verifyPassword('relais-no-such-user', undefined)).toBe(false);
    expect(await verifyPassword('anything', undefined)).toBe(false);
  });

  it('uses a slow cost by default and refuses short passwords', async () => {
    expect(await hashPassword('longenough')).toMatch(/^\$2[aby]\$10\$/);
    await expect(hashPassword('short')).rejects.toThrow(/8 characters/);
  });
});
