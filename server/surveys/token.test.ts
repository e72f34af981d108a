import { describe, expect, it } from 'vitest';
import { bandOf, bandScores, expiresAt, newToken, TOKEN_PATTERN, tokenState } from './token';
import { canMove } from './followup';

describe('survey tokens', () => {
  it('are 192 random bits in 32 url-safe characters, never the same twice', () => {
    const tokens = new Set(Array.from({ length: 1000 }, newToken));
    expect(tokens.size).toBe(1000);
    for (const t of tokens) expect(t).toMatch(TOKEN_PATTERN);
  });

  it('are open until they expire or are answered', () => {
    const t = { expires_at: expiresAt(0, 7), answered_at: null };
    expect(tokenState(t, 7 * 86_400_000 - 1)).toBe('open');
    expect(tokenState(t, 7 * 86_400_000)).toBe('expired');
    expect(tokenState({ ...t, answered_at: 5 }, 10)).toBe('answered');
    expect(tokenState(undefined, 10)).toBe('unknown');
  });

  it('band scores as the NPS does', () => {
    expect([0, 6, 7, 8, 9, 10].map(bandOf)).toEqual(['detractors', 'detractors', 'passives', 'passives', 'promoters', 'promoters']);
    expect(bandScores('passives')).toEqual([7, 8]);
    expect(bandScores(null)).toEqual([0, 10]);
  });

  it('follow-ups move forward, a closed one may be reopened, none goes back to new', () => {
    expect(canMove('new', 'contacted')).toBe(true);
    expect(canMove('contacted', 'new')).toBe(false);
    expect(canMove('closed', 'contacted')).toBe(true);
    expect(canMove('closed', 'new')).toBe(false);
  });
});
