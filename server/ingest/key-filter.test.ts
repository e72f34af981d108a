import { describe, expect, it } from 'vitest';
import { KeyFilter, keyHash, murmur3 } from './key-filter';

describe('murmur3', () => {
  it('is MurmurHash3 x86 32-bit with seed 0 (reference vectors)', () => {
    expect(murmur3('')).toBe(0);
    expect(murmur3('a')).toBe(0x3c2569b2);
    expect(murmur3('abc')).toBe(0xb3dd93fa);
    expect(murmur3('Hello, world!')).toBe(0xc0363e43);
    expect(murmur3('The quick brown fox jumps over the lazy dog')).toBe(0x2e4ff723);
  });
});

describe('KeyFilter', () => {
  it('never forgets a key it was given, across growth', () => {
    const filter = new KeyFilter();
    const n = 1_500_000;
    for (let i = 0; i < n; i++) filter.add(keyHash('c', `k${i}`));
    for (let i = 0; i < n; i += 7) expect(filter.mayHave(keyHash('c', `k${i}`))).toBe(true);
    expect(filter.size).toBe(n);
  });

  it('answers "maybe" for about 1 % of keys it was never given', () => {
    const filter = new KeyFilter();
    for (let i = 0; i < 1_000_000; i++) filter.add(keyHash('c', `k${i}`));
    let maybe = 0;
    for (let i = 0; i < 100_000; i++) if (filter.mayHave(keyHash('c', `other-${i}`))) maybe++;
    expect(maybe / 100_000).toBeLessThan(0.02);
  });
});
