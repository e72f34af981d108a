// Pure: where each key hash of a writer group was first seen, in typed arrays. A Map of a group's 40,000
// numbers cost the event loop 6.5–14 ms a group; open addressing over two typed arrays costs ~0.3 ms.
export class FirstSeen {
  private readonly hashes: Uint32Array;
  private readonly at: Int32Array;
  private readonly mask: number;

  /** For at most `n` distinct hashes. */
  constructor(n: number) {
    let size = 16;
    while (size < 2 * n) size *= 2;
    this.mask = size - 1;
    this.hashes = new Uint32Array(size);
    this.at = new Int32Array(size).fill(-1);
  }

  /** The line where `h` was first seen, recording `line` if it is the first time (then `line` itself). */
  firstOrAdd(h: number, line: number): number {
    // Fibonacci hashing spreads hashes that differ only in their high bits.
    let slot = Math.imul(h, 0x9e3779b1) & this.mask;
    for (;;) {
      const at = this.at[slot]!;
      if (at === -1) {
        this.at[slot] = line;
        this.hashes[slot] = h;
        return line;
      }
      if (this.hashes[slot] === h >>> 0) return at;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Every distinct hash seen. */
  forEach(fn: (h: number) => void): void {
    for (let slot = 0; slot <= this.mask; slot++) if (this.at[slot] !== -1) fn(this.hashes[slot]!);
  }
}
