// A compact set of string ids kept as 64-bit hashes (8 bytes an id instead of ~80 for a JS
// string), so deduplicating tens of millions of request ids fits in a few hundred MB.
// Two different ids share a hash with odds of about n²/2⁶⁵: ~1e-5 for 16M ids.

/** The two 32-bit halves of an id's 64-bit hash; never (0, 0). */
export function hashPair(id: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0xc2b2ae35);
  h2 ^= h2 >>> 16;
  // Zero marks an empty slot, so never store (0, 0).
  return [h1 >>> 0 || 1, h2 >>> 0];
}

export class IdSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap *= 2;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Adds the id; returns false when it was already present. */
  add(id: string): boolean {
    const [a, b] = hashPair(id);
    return this.addHash(a, b);
  }

  /** Adds an id by its hashPair (computed elsewhere, e.g. in a worker). */
  addHash(a: number, b: number): boolean {
    if (!this.insert(a, b)) return false;
    this.count += 1;
    if (this.count * 2 > this.hi.length) this.grow();
    return true;
  }

  has(id: string): boolean {
    const [a, b] = hashPair(id);
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & this.mask;
    for (;;) {
      const h = this.hi[i];
      if (h === 0) return false;
      if (h === a && this.lo[i] === b) return true;
      i = (i + 1) & this.mask;
    }
  }

  private insert(a: number, b: number): boolean {
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & this.mask;
    for (;;) {
      const h = this.hi[i];
      if (h === 0) {
        this.hi[i] = a;
        this.lo[i] = b;
        return true;
      }
      if (h === a && this.lo[i] === b) return false;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const { hi, lo } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    this.mask = this.hi.length - 1;
    for (let i = 0; i < hi.length; i++) if (hi[i] !== 0) this.insert(hi[i]!, lo[i]!);
  }
}
