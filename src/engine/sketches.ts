// Small fixed-size summaries that keep per-account and per-template state bounded however
// many requests arrive: heavy hitters, distinct counts, running moments.

/** 32-bit FNV-1a of a string, spread with a murmur finaliser; for sketches, not for ids. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Space-saving heavy hitters: keeps `capacity` keys; a new key replaces the smallest and
 * inherits its count, so every count is an upper bound and true heavy hitters survive.
 */
export class TopK {
  readonly keys: string[] = [];
  readonly counts: number[] = [];
  total = 0;

  constructor(private readonly capacity: number) {}

  add(key: string, weight = 1): void {
    this.total += weight;
    const i = this.keys.indexOf(key);
    if (i >= 0) {
      this.counts[i]! += weight;
      return;
    }
    if (this.keys.length < this.capacity) {
      this.keys.push(key);
      this.counts.push(weight);
      return;
    }
    let min = 0;
    for (let j = 1; j < this.counts.length; j++) if (this.counts[j]! < this.counts[min]!) min = j;
    this.keys[min] = key;
    this.counts[min]! += weight;
  }

  count(key: string): number {
    const i = this.keys.indexOf(key);
    return i >= 0 ? this.counts[i]! : 0;
  }

  /** Keys by count, largest first. */
  top(n = this.keys.length): { key: string; count: number }[] {
    return this.keys
      .map((key, i) => ({ key, count: this.counts[i]! }))
      .sort((a, b) => b.count - a.count)
      .slice(0, n);
  }

  /** Share of all weight held by the largest key. */
  topShare(): number {
    if (this.total === 0) return 0;
    let max = 0;
    for (const c of this.counts) if (c > max) max = c;
    return Math.min(1, max / this.total);
  }
}

/**
 * Distinct-count estimate from the k smallest hashes seen (KMV): exact below k values,
 * within about 1/sqrt(k) above.
 */
export class DistinctCounter {
  private readonly mins: number[] = [];

  constructor(private readonly k = 32) {}

  add(hash: number): void {
    const mins = this.mins;
    if (mins.length === this.k && hash >= mins[mins.length - 1]!) return;
    let lo = 0;
    let hi = mins.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mins[mid]! < hash) lo = mid + 1;
      else hi = mid;
    }
    if (mins[lo] === hash) return;
    mins.splice(lo, 0, hash);
    if (mins.length > this.k) mins.pop();
  }

  estimate(): number {
    const n = this.mins.length;
    if (n < this.k) return n;
    return Math.round(((this.k - 1) * 2 ** 32) / (this.mins[n - 1]! + 1));
  }
}

/** At most about `n` items spread evenly over the list (every k-th from the first); all when few. */
export function evenSample<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  const step = Math.ceil(items.length / n);
  return items.filter((_, i) => i % step === 0);
}

/** Running mean and variance (Welford). */
export class Moments {
  n = 0;
  mean = 0;
  private m2 = 0;

  add(x: number): void {
    this.n += 1;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
  }

  variance(): number {
    return this.n > 1 ? this.m2 / (this.n - 1) : 0;
  }

  std(): number {
    return Math.sqrt(this.variance());
  }
}

/** Normalised Shannon entropy of a histogram, 0 (one bin) to 1 (uniform). */
export function normalizedEntropy(bins: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < bins.length; i++) total += bins[i]!;
  if (total === 0 || bins.length < 2) return 0;
  let h = 0;
  for (let i = 0; i < bins.length; i++) {
    const p = bins[i]! / total;
    if (p > 0) h -= p * Math.log(p);
  }
  return h / Math.log(bins.length);
}

const HOUR_MS = 3_600_000;
/** Hours an HourWindow remembers: a bit each, in four 32-bit words. */
export const WINDOW_HOURS = 128;

/**
 * The UTC hours in which something was active, over the last WINDOW_HOURS hours: bit `h % 128`
 * for hour `h`. Masks taken at the same hour line up bit for bit, so a group's shared activity
 * is the OR of its members' masks.
 */
export class HourWindow {
  private readonly bits = new Uint32Array(WINDOW_HOURS / 32);
  /** Latest hour recorded; the window is (last - 128, last]. */
  private last = Number.NEGATIVE_INFINITY;

  add(timeMs: number): void {
    const hour = Math.floor(timeMs / HOUR_MS);
    if (hour > this.last) {
      clearHours(this.bits, this.last, hour);
      this.last = hour;
    } else if (hour <= this.last - WINDOW_HOURS) return;
    const i = hour % WINDOW_HOURS;
    this.bits[i >>> 5]! |= 1 << (i & 31);
  }

  /** ORs into `out` the hours active within (nowHour - 128, nowHour]. */
  orInto(out: Uint32Array, nowHour: number): void {
    if (nowHour - this.last >= WINDOW_HOURS) return;
    const bits = Uint32Array.from(this.bits);
    clearHours(bits, this.last, nowHour);
    for (let w = 0; w < bits.length; w++) out[w]! |= bits[w]!;
  }
}

/** Clears the bits of hours (from, to]: they hold hours a whole window older. */
function clearHours(bits: Uint32Array, from: number, to: number): void {
  if (to - from >= WINDOW_HOURS) {
    bits.fill(0);
    return;
  }
  for (let h = from + 1; h <= to; h++) {
    const i = h % WINDOW_HOURS;
    bits[i >>> 5]! &= ~(1 << (i & 31));
  }
}

/** Set bits of a mask. */
export function popcount(bits: Uint32Array): number {
  let n = 0;
  for (let w = 0; w < bits.length; w++) {
    let x = bits[w]!;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    n += Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  return n;
}
