// Pure: one-time links to set a password. The token is 32 random bytes (base64url), shown once; only its SHA-256
// is stored, so the table cannot give a working link away. A link is good once, until it expires.
import { createHash, randomBytes } from 'node:crypto';

export const LINK_HOURS = 72;
export const LINK_TTL_MS = LINK_HOURS * 3600_000;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** What a token looks like: anything else is not looked up. */
export function isTokenShaped(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export type LinkState = 'valid' | 'used' | 'expired' | 'unknown';

export function linkState(link: { expires_at: number; used_at: number | null } | undefined, now: number): LinkState {
  if (!link) return 'unknown';
  if (link.used_at != null) return 'used';
  return now < link.expires_at ? 'valid' : 'expired';
}

/** The page a link opens, relative to the portal. */
export const linkPath = (token: string) => `/set-password/${token}`;
