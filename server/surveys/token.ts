// Pure: survey links (PRODUCT §7). A token is 24 random bytes (192 bits) in base64url: unguessable, 32 characters
// safe in a URL and an SMS. Its state decides what the public page shows; the score bands are the NPS's.
import { randomBytes } from 'node:crypto';

export const TOKEN_BYTES = 24;
/** Exactly what `newToken` makes: anything else is refused before any lookup. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;
export const DEFAULT_TOKEN_DAYS = 7;
export const MAX_TOKEN_DAYS = 90;
/** The free text of an answer on Relais's page. */
export const ANSWER_COMMENT_MAX = 1000;

export const newToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');

export const expiresAt = (createdAt: number, days: number): number => createdAt + days * 86_400_000;

export type TokenState = 'open' | 'answered' | 'expired' | 'unknown';

export function tokenState(token: { expires_at: number; answered_at: number | null } | undefined, now: number): TokenState {
  if (!token) return 'unknown';
  if (token.answered_at !== null) return 'answered';
  return now >= token.expires_at ? 'expired' : 'open';
}

/** The survey row a token's answer is stored as: one per token, so a second write could only replace it. */
export const surveyIdOfToken = (token: string): string => `relais-${token}`;

export const SCORE_BANDS = ['detractors', 'passives', 'promoters'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

/** Inclusive score bounds of a band (NPS: 0–6 detractors, 7–8 passives, 9–10 promoters). */
export function bandScores(band: ScoreBand | null): [number, number] {
  if (band === 'detractors') return [0, 6];
  if (band === 'passives') return [7, 8];
  if (band === 'promoters') return [9, 10];
  return [0, 10];
}

export const bandOf = (score: number): ScoreBand => (score <= 6 ? 'detractors' : score <= 8 ? 'passives' : 'promoters');
