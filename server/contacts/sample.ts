// A reproducible random sample of N rows of a stream (reservoir sampling, Algorithm R with a seeded PRNG).
import { mulberry32 } from '@/dialer/pacing/random';

export class Reservoir<T> {
  private readonly items: T[] = [];
  private seen = 0;
  private readonly random: () => number;

  constructor(private readonly size: number, seed: number) {
    this.random = mulberry32(seed);
  }

  offer(item: T): void {
    this.seen++;
    if (this.items.length < this.size) this.items.push(item);
    else {
      const j = Math.floor(this.random() * this.seen);
      if (j < this.size) this.items[j] = item;
    }
  }

  take(): T[] {
    return [...this.items];
  }
}
