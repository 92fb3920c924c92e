// Address ranges mapped to autonomous systems, held in typed arrays and searched by binary
// search: half a million ranges cost a few megabytes, not an object each.
import type { ParsedAddress } from './ip-address.ts';

/** A range the builder refused, with the line it came from. */
export interface RangeProblem {
  line: number;
  reason: string;
}

class Growable {
  data: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Uint32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  done(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/** Compares the 4-word IPv6 values at a[i*4..] and b[j*4..]. */
function compare6(a: Uint32Array, i: number, b: Uint32Array, j: number): number {
  for (let k = 0; k < 4; k++) {
    const x = a[i * 4 + k] as number;
    const y = b[j * 4 + k] as number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Sorted, non-overlapping ranges of one address family. */
interface Family {
  /** Words per address: 1 for IPv4, 4 for IPv6. */
  width: 1 | 4;
  starts: Uint32Array;
  ends: Uint32Array;
  asns: Uint32Array;
}

export class RangeTableBuilder {
  private readonly v4 = { starts: new Growable(1024), ends: new Growable(1024), asns: new Growable(1024) };
  private readonly v6 = { starts: new Growable(4096), ends: new Growable(4096), asns: new Growable(1024) };
  private readonly lines4 = new Growable(1024);
  private readonly lines6 = new Growable(1024);

  addV4(start: number, end: number, asn: number, line: number): void {
    this.v4.starts.push(start);
    this.v4.ends.push(end);
    this.v4.asns.push(asn);
    this.lines4.push(line);
  }

  addV6(start: Uint32Array, end: Uint32Array, asn: number, line: number): void {
    for (let k = 0; k < 4; k++) {
      this.v6.starts.push(start[k] as number);
      this.v6.ends.push(end[k] as number);
    }
    this.v6.asns.push(asn);
    this.lines6.push(line);
  }

  /** Sorts when the input was not sorted and drops ranges overlapping an earlier one. */
  build(problems: RangeProblem[]): RangeTable {
    return new RangeTable(
      finish(
        1,
        this.v4.starts.done(),
        this.v4.ends.done(),
        this.v4.asns.done(),
        this.lines4.done(),
        problems,
      ),
      finish(
        4,
        this.v6.starts.done(),
        this.v6.ends.done(),
        this.v6.asns.done(),
        this.lines6.done(),
        problems,
      ),
    );
  }
}

function finish(
  width: 1 | 4,
  starts: Uint32Array,
  ends: Uint32Array,
  asns: Uint32Array,
  lines: Uint32Array,
  problems: RangeProblem[],
): Family {
  const n = asns.length;
  let order: Uint32Array | null = null;
  for (let i = 1; i < n; i++) {
    if (compare6Or4(width, starts, i - 1, starts, i) > 0) {
      order = new Uint32Array(n);
      for (let k = 0; k < n; k++) order[k] = k;
      order.sort((a, b) => compare6Or4(width, starts, a, starts, b));
      break;
    }
  }
  const outStarts = new Uint32Array(n * width);
  const outEnds = new Uint32Array(n * width);
  const outAsns = new Uint32Array(n);
  let kept = 0;
  let lastLine = 0;
  for (let k = 0; k < n; k++) {
    const i = order ? (order[k] as number) : k;
    if (kept > 0 && compare6Or4(width, starts, i, outEnds, kept - 1) <= 0) {
      problems.push({
        line: lines[i] as number,
        reason: `range overlaps the range on line ${lastLine}; kept the earlier one`,
      });
      continue;
    }
    outStarts.set(starts.subarray(i * width, i * width + width), kept * width);
    outEnds.set(ends.subarray(i * width, i * width + width), kept * width);
    outAsns[kept] = asns[i] as number;
    lastLine = lines[i] as number;
    kept += 1;
  }
  return {
    width,
    starts: outStarts.slice(0, kept * width),
    ends: outEnds.slice(0, kept * width),
    asns: outAsns.slice(0, kept),
  };
}

function compare6Or4(width: 1 | 4, a: Uint32Array, i: number, b: Uint32Array, j: number): number {
  if (width === 4) return compare6(a, i, b, j);
  const x = a[i] as number;
  const y = b[j] as number;
  return x === y ? 0 : x < y ? -1 : 1;
}

export class RangeTable {
  constructor(
    private readonly v4: Family,
    private readonly v6: Family,
  ) {}

  get size(): number {
    return this.v4.asns.length + this.v6.asns.length;
  }

  get sizes(): { v4: number; v6: number } {
    return { v4: this.v4.asns.length, v6: this.v6.asns.length };
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    let total = 0;
    for (const f of [this.v4, this.v6]) total += f.starts.byteLength + f.ends.byteLength + f.asns.byteLength;
    return total;
  }

  /** The AS number of the range holding the address, or -1. */
  lookup(address: ParsedAddress): number {
    if (address.version === 4) return this.lookup4(address.v4);
    if (address.version === 6) return this.lookup6(address.v6);
    return -1;
  }

  private lookup4(ip: number): number {
    const { starts, ends, asns } = this.v4;
    let lo = 0;
    let hi = asns.length - 1;
    // The last range starting at or before the address.
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] as number) <= ip) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && ip <= (ends[hi] as number) ? (asns[hi] as number) : -1;
  }

  private lookup6(ip: Uint32Array): number {
    const { starts, ends, asns } = this.v6;
    let lo = 0;
    let hi = asns.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (compare6(starts, mid, ip, 0) <= 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && compare6(ip, 0, ends, hi) <= 0 ? (asns[hi] as number) : -1;
  }
}
