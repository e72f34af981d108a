// Pure: a Bloom filter of the (campaign, id) keys stored in a table, so that the writer looks up the stored
// version only of records that may be re-sent. "Not in the filter" is certain (no false negatives);
// "in the filter" may be wrong (~0.1 %), which only costs a lookup that finds nothing. 16 bits a key (2 MiB
// a million keys) make every layer a power of two, so a probe is a mask rather than a division.
const BITS_PER_KEY = 16;
const PROBES = 7;
const FIRST_CAPACITY = 1 << 20;

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

// Keys are encoded into one reused buffer: no allocation per key on the ingest path.
const encoder = new TextEncoder();
let scratch = new Uint8Array(256);

// One 4-byte block into the running hash, and the last 1–3 bytes: MurmurHash3's two mixing steps.
function block(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, C2);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function tail(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  return h ^ Math.imul(k, C2);
}

/** MurmurHash3 x86 32-bit, seed 0, of the UTF-8 bytes of `s`: ClickHouse's `murmurHash3_32(s)`. */
export function murmur3(s: string): number {
  // ASCII, nearly every key: its UTF-8 bytes are its char codes, read without encoding the string.
  const length = s.length;
  const blocks = length & ~3;
  let h = 0;
  for (let i = 0; i < blocks; i += 4) {
    const c0 = s.charCodeAt(i), c1 = s.charCodeAt(i + 1), c2 = s.charCodeAt(i + 2), c3 = s.charCodeAt(i + 3);
    if ((c0 | c1 | c2 | c3) > 0x7f) return murmur3Utf8(s);
    h = block(h, c0 | (c1 << 8) | (c2 << 16) | (c3 << 24));
  }
  const rest = length & 3;
  if (rest > 0) {
    let k = 0;
    for (let i = blocks + rest - 1; i >= blocks; i--) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) return murmur3Utf8(s);
      k = (k << 8) | c;
    }
    h = tail(h, k);
  }
  return finish(h, length);
}

function murmur3Utf8(s: string): number {
  if (s.length * 3 > scratch.length) scratch = new Uint8Array(s.length * 3);
  const { written } = encoder.encodeInto(s, scratch);
  return murmur3Bytes(scratch, written);
}

/** MurmurHash3 x86 32-bit, seed 0, of the first `length` bytes of `b`. */
export function murmur3Bytes(b: Uint8Array, length: number): number {
  const blocks = length & ~3;
  let h = 0;
  for (let i = 0; i < blocks; i += 4) h = block(h, b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24));
  const rest = length & 3;
  if (rest > 0) {
    let k = 0;
    for (let i = blocks + rest - 1; i >= blocks; i--) k = (k << 8) | b[i]!;
    h = tail(h, k);
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
  private readonly mask: number;
  count = 0;

  constructor(readonly capacity: number) {
    const size = capacity * BITS_PER_KEY;
    this.mask = size - 1;
    this.bits = new Uint32Array(size / 32);
  }

  // Double hashing from one 32-bit hash: the second one is a remix of the first, made odd.
  private static step(h: number): number {
    const step = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
    return (step ^ (step >>> 16)) | 1;
  }

  add(h: number): void {
    const step = Layer.step(h);
    for (let j = 0; j < PROBES; j++) {
      const bit = (h + Math.imul(j, step)) & this.mask;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
    this.count++;
  }

  has(h: number): boolean {
    const step = Layer.step(h);
    for (let j = 0; j < PROBES; j++) {
      const bit = (h + Math.imul(j, step)) & this.mask;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** Grows by adding layers of twice the capacity, so its false-positive rate stays ~0.1 % at any size. */
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
