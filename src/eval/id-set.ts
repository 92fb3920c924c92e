// A set of string ids held as 64-bit hashes in typed arrays, so deduplicating millions of
// request ids costs 16 bytes each instead of a JS string apiece. Two ids collide with
// probability ~n²/2⁶⁵ (about 1e-5 for 16M ids): negligible for counting requests.

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

// A second, differently built hash (multiply-rotate with a murmur finalizer) so the two halves
// of the key do not collide together.
function murmurish(text: string): number {
  let hash = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x5bd1e995);
    hash = (hash << 13) | (hash >>> 19);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export class IdSet {
  private high: Uint32Array;
  private low: Uint32Array;
  private count = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) capacity *= 2;
    this.high = new Uint32Array(capacity);
    this.low = new Uint32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Adds `id`; true when it was not there before. */
  add(id: string): boolean {
    const high = fnv1a(id);
    // (0, 0) marks an empty slot, so a key hashing there is nudged off it.
    const low = murmurish(id) || 1;
    if ((this.count + 1) * 2 > this.high.length) this.grow();
    return this.insert(high, low);
  }

  private insert(high: number, low: number): boolean {
    const mask = this.high.length - 1;
    let slot = (low ^ Math.imul(high, 0x9e3779b1)) & mask;
    for (;;) {
      const h = this.high[slot]!;
      const l = this.low[slot]!;
      if (h === 0 && l === 0) {
        this.high[slot] = high;
        this.low[slot] = low;
        this.count += 1;
        return true;
      }
      if (h === high && l === low) return false;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const oldHigh = this.high;
    const oldLow = this.low;
    this.high = new Uint32Array(oldHigh.length * 2);
    this.low = new Uint32Array(oldLow.length * 2);
    this.count = 0;
    for (let i = 0; i < oldHigh.length; i += 1) {
      if (oldHigh[i] !== 0 || oldLow[i] !== 0) this.insert(oldHigh[i]!, oldLow[i]!);
    }
  }
}
