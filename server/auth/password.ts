// Password hashing with bcrypt (a slow KDF), and a constant-cost check for unknown accounts.
import bcrypt from 'bcryptjs';

export const BCRYPT_COST = 10;

export async function hashPassword(plain: string, cost = BCRYPT_COST): Promise<string> {
  if (plain.length < 8) throw new Error('A password needs at least 8 characters');
  return bcrypt.hash(plain, cost);
}

// Compared against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = bcrypt.hashSync('relais-no-such-user', BCRYPT_COST);

export function verifyPassword(plain: string, hash: string | undefined): Promise<boolean> {
  return bcrypt.compare(plain, hash ?? DUMMY_HASH).then((ok) => ok && hash !== undefined);
}
