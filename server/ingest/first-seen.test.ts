import { describe, expect, it } from 'vitest';
import { FirstSeen } from './first-seen';
import { mulberry32 } from '@/dialer/pacing/random';

describe('FirstSeen', () => {
  it('gives the first line of every hash, as a Map would, with repeats and colliding slots', () => {
    const random = mulberry32(7);
    // Few distinct values (many repeats), values equal in their low bits, 0 and 2³²−1.
    const hashes = Array.from({ length: 20_000 }, (_, i) => (i % 5 === 0 ? Math.floor(random() * 300) * 0x10000 : i % 7 === 0 ? 0xffffffff : Math.floor(random() * 2 ** 32)));
    hashes.push(0, 0);
    const seen = new FirstSeen(hashes.length);
    const reference = new Map<number, number>();
    hashes.forEach((h, line) => {
      if (!reference.has(h)) reference.set(h, line);
      expect(seen.firstOrAdd(h, line)).toBe(reference.get(h));
    });
    const distinct: number[] = [];
    seen.forEach((h) => distinct.push(h));
    expect(distinct.sort((a, b) => a - b)).toEqual([...reference.keys()].sort((a, b) => a - b));
  });
});
