// next-auth signs sessions with NEXTAUTH_SECRET; without one, a random secret is kept in the data dir
// so sessions survive restarts and every fresh machine gets its own.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The secret given (NEXTAUTH_SECRET), else the data dir's own, created on first start. */
export function authSecret(dataDir: string, given: string | undefined): string {
  if (given) return given;
  const file = path.join(dataDir, 'auth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
