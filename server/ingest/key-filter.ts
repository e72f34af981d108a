// Pure: a Bloom filter of the (campaign, id) keys stored in a table, so that the writer looks up the stored
// version only of records that may be re-sent. "Not in the filter" is certain (no false negatives);
// "in the filter" may be wrong (~1 %), which only costs a lookup that finds nothing.
const BITS_PER_KEY = 10;
const PROBES = 7;
const FIRST_CAPACITY = 1 << 20;

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

// Keys are encoded into one reused buffer: no allocation per key on the ingest path.
const encoder = new TextEncoder();
let scratch = new Uint8Array(256);

/** MurmurHash3 x86 32-bit, seed 0, of the UTF-8 bytes of `s`: ClickHouse's `murmurHash3_32(s)`. */
export function murmur3(s: string): number {
  if (s.length * 3 > scratch.length) scratch = new Uint8Array(s.length * 3);
  const { written } = encoder.encodeInto(s, scratch);
  return murmur3Bytes(scratch, written);
}

function murmur3Bytes(b: Uint8Array, length: number): number {
  const blocks = length & ~3;
  let h = 0;
  for (let i = 0; i < blocks; i += 4) {
    let k = b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  const tail = length & 3;
  if (tail >= 3) k ^= b[blocks + 2]! << 16;
  if (tail >= 2) k ^= b[blocks + 1]! << 8;
  if (tail >= 1) {
    k ^= b[blocks]!;
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
  }
  return finish(h, length);
}

function finish(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The hash a key is filed under; ClickHouse computes the same as `murmurHash3_32(concat(campaign_id, '\0', id))`. */
export const keyHash = (campaignId: string, id: string) => murmur3(`${campaignId}\u0000${id}`);

class Layer {
  readonly bits: Uint32Array;
  readonly size: number;
  count = 0;

  constructor(readonly capacity: number) {
    this.size = capacity * BITS_PER_KEY;
    this.bits = new Uint32Array(Math.ceil(this.size / 32));
  }

  // Double hashing from one 32-bit hash: the second one is a remix of the first, made odd.
  private static step(h: number): number {
    const step = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
    return (step ^ (step >>> 16)) | 1;
  }

  add(h: number): void {
    const step = Layer.step(h);
    for (let j = 0; j < PROBES; j++) {
      const bit = ((h + Math.imul(j, step)) >>> 0) % this.size;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
    this.count++;
  }

  has(h: number): boolean {
    const step = Layer.step(h);
    for (let j = 0; j < PROBES; j++) {
      const bit = ((h + Math.imul(j, step)) >>> 0) % this.size;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** Grows by adding layers of twice the capacity, so its false-positive rate stays ~1 % at any size. */
export class KeyFilter {
  private layers = [new Layer(FIRST_CAPACITY)];

  add(h: number): void {
    let last = this.layers[this.layers.length - 1]!;
    if (last.count >= last.capacity) {
      last = new Layer(last.capacity * 2);
      this.layers.push(last);
    }
    last.add(h);
  }

  mayHave(h: number): boolean {
    for (const layer of this.layers) if (layer.has(h)) return true;
    return false;
  }

  get size(): number {
    return this.layers.reduce((n, l) => n + l.count, 0);
  }
}
