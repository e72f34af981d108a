import { describe, expect, it } from 'vitest';
import { canSign, nextSpecNumber, specStatus } from './spec-rules';

const v = (number: number, proposed_side: 'client' | 'outsourcer', signed_at: string | null = null) => ({ number, proposed_side, signed_at });

describe('specification sign-off rules', () => {
  it('lets the other side sign the latest proposal', () => {
    expect(canSign(v(2, 'outsourcer'), 2, 'client')).toEqual({ ok: true });
    expect(canSign(v(2, 'client'), 2, 'outsourcer')).toEqual({ ok: true });
  });
  it('refuses the side that proposed it', () => {
    expect(canSign(v(1, 'client'), 1, 'client')).toEqual({ ok: false, reason: 'own_proposal' });
  });
  it('never signs a signed version again', () => {
    expect(canSign(v(1, 'client', '2026-11-01T10:00:00Z'), 1, 'outsourcer')).toEqual({ ok: false, reason: 'already_signed' });
  });
  it('refuses an older version once a newer one exists', () => {
    expect(canSign(v(1, 'client'), 2, 'outsourcer')).toEqual({ ok: false, reason: 'superseded' });
  });
  it('numbers new versions after the highest, signed or not', () => {
    expect(nextSpecNumber([])).toBe(1);
    expect(nextSpecNumber([{ number: 3 }, { number: 1 }])).toBe(4);
  });
  it('names the status of each version', () => {
    expect(specStatus({ number: 1, signed_at: '2026-11-01T10:00:00Z' }, 2)).toBe('signed');
    expect(specStatus({ number: 1, signed_at: null }, 2)).toBe('superseded');
    expect(specStatus({ number: 2, signed_at: null }, 2)).toBe('proposed');
  });
});
