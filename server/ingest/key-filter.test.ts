import { describe, expect, it } from 'vitest';
import { KeyFilter, keyHash, murmur3, murmur3Bytes } from './key-filter';
import { mulberry32 } from '@/dialer/pacing/random';

describe('murmur3', () => {
  it('is MurmurHash3 x86 32-bit with seed 0 (reference vectors)', () => {
    expect(murmur3('')).toBe(0);
    expect(murmur3('a')).toBe(0x3c2569b2);
    expect(murmur3('abc')).toBe(0xb3dd93fa);
    expect(murmur3('Hello, world!')).toBe(0xc0363e43);
    expect(murmur3('The quick brown fox jumps over the lazy dog')).toBe(0x2e4ff723);
  });

  it('reads ASCII from the string as it hashes the UTF-8 bytes of any other', () => {
    const random = mulberry32(3);
    const alphabet = ['a', 'Z', '0', '\u0000', '\u007f', '\u0080', 'é', '€', '😀', '\n'];
    const utf8 = new TextEncoder();
    for (let n = 0; n < 2_000; n++) {
      const length = Math.floor(random() * 40);
      // Mostly ASCII, sometimes one other character at any place (a block or the tail).
      let s = '';
      for (let i = 0; i < length; i++) s += random() < 0.97 ? String.fromCharCode(32 + Math.floor(random() * 95)) : alphabet[Math.floor(random() * alphabet.length)];
      const bytes = utf8.encode(s);
      expect(murmur3(s)).toBe(murmur3Bytes(bytes, bytes.length));
    }
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

  it('answers "maybe" for under 0.2 % of keys it was never given (~0.1 % by design)', () => {
    const filter = new KeyFilter();
    for (let i = 0; i < 1_000_000; i++) filter.add(keyHash('c', `k${i}`));
    let maybe = 0;
    for (let i = 0; i < 100_000; i++) if (filter.mayHave(keyHash('c', `other-${i}`))) maybe++;
    expect(maybe / 100_000).toBeLessThan(0.002);
  });
});
