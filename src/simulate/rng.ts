// A small, fast, seedable PRNG (sfc32) and the sampling helpers every generator uses. Each
// account gets its own stream derived from (seed, key), so output never depends on interleaving.

/** FNV-1a over a string's UTF-16 units: cheap stable hashing for deriving sub-seeds and ids. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes two 32-bit values into one well-spread value (murmur3 finaliser). */
export function mix32(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    // Kept as signed 32-bit integers, which `nextU32` only ever stores: a field that once held a
    // number past 2^31 (mix32 gives unsigned values) is boxed as a heap number for good, an extra
    // cache miss on every draw once the 126k accounts' generators no longer fit in cache. The
    // arithmetic is modulo 2^32, so the sequence is the same.
    this.a = mix32(seed, 0x243f6a88) | 0;
    this.b = mix32(stream, 0x85a308d3) | 0;
    this.c = mix32(seed ^ stream, 0x13198a2e) | 0;
    this.d = 1;
    // sfc32 needs a few rounds before nearby seeds decorrelate.
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /** A child stream: same seed family, independent sequence, derived from a label. */
  static derive(seed: number, key: string): Rng {
    return new Rng(seed, hashString(key));
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Exponential with the given mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  normal(): number {
    // Box-Muller; the second value is discarded to keep the state simple and reproducible.
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Lognormal parameterised by its median and the sigma of the underlying normal. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Poisson count; normal approximation for large means keeps it O(1). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /**
   * Random string over a fixed alphabet after `prefix`; used for every id so no population has
   * its own format. The prefix is part of the one flat string: `prefix + token` would be a rope
   * that every writer of the id flattens again.
   */
  token(length: number, prefix = ''): string {
    // Five base-62 digits per 32-bit draw (62^5 < 2^32), and one flat string built from char
    // codes: appending characters one by one leaves a deep rope that is slow to write out.
    const codes = TOKEN_CODES;
    const p = prefix.length;
    codes.length = p + length;
    for (let i = 0; i < p; i++) codes[i] = prefix.charCodeAt(i);
    let i = 0;
    while (i < length) {
      let x = this.nextU32();
      for (let k = 0; k < 5 && i < length; k++, i++) {
        codes[p + i] = ALPHABET_CODES[x % 62] as number;
        x = Math.floor(x / 62);
      }
    }
    return String.fromCharCode.apply(null, codes);
  }
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ALPHABET_CODES = Array.from(ALPHABET, (c) => c.charCodeAt(0));
const TOKEN_CODES: number[] = [];

/** Precomputed cumulative weights so a weighted pick is a short scan rather than a sum per call. */
export class WeightedTable<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    if (entries.length === 0) throw new Error('WeightedTable needs at least one entry');
    this.items = entries.map((e) => e[0]);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, w], i) => {
      sum += Math.max(0, w);
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new Error('WeightedTable weights must not all be zero');
    this.total = sum;
  }

  pick(rng: Rng): T {
    return this.items[this.pickIndex(rng)] as T;
  }

  /** The index in `items` of what `pick` would draw, with the same draw. */
  pickIndex(rng: Rng): number {
    const x = rng.next() * this.total;
    const c = this.cumulative;
    let i = 0;
    while (i < c.length - 1 && (c[i] as number) <= x) i++;
    return i;
  }
}
