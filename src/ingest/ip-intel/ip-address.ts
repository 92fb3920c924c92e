// Parses IP address text into numbers without allocating: IPv4 as one uint32, IPv6 as four
// uint32 words (most significant first), so range tables compare plain integers.

/** IPv4 as an unsigned 32-bit integer, or -1 when the text is not a dotted-quad address. */
export function parseIpv4(text: string, from = 0, to = text.length): number {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      // "010" is octal to some parsers and decimal to others: refuse it, as node:net does.
      if (digits === 1 && octet === 0) return -1;
      octet = octet * 10 + (c - 48);
      digits += 1;
      if (digits > 3 || octet > 255) return -1;
    } else if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots += 1;
    } else return -1;
  }
  if (digits === 0 || dots !== 3) return -1;
  return value * 256 + octet;
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * Writes the 128 bits of an IPv6 address into `words[0..3]`; false when the text is not one.
 * Accepts `::` compression, a trailing dotted IPv4 part and a `%zone` suffix (ignored).
 */
export function parseIpv6(text: string, words: Uint32Array): boolean {
  let end = text.indexOf('%');
  if (end < 0) end = text.length;
  const groups = new Uint16Array(8);
  let count = 0;
  let gap = -1;
  let i = 0;
  if (text.charCodeAt(0) === 58) {
    if (text.charCodeAt(1) !== 58) return false;
    gap = 0;
    i = 2;
    if (i === end) {
      words.fill(0);
      return true;
    }
  }
  while (i < end) {
    let j = i;
    let value = 0;
    while (j < end && j - i < 5) {
      const d = hexDigit(text.charCodeAt(j));
      if (d < 0) break;
      value = value * 16 + d;
      j += 1;
    }
    if (j < end && text.charCodeAt(j) === 46) {
      // A dotted IPv4 tail fills the last two groups.
      const v4 = parseIpv4(text, i, end);
      if (v4 < 0 || count > 6) return false;
      groups[count++] = v4 >>> 16;
      groups[count++] = v4 & 0xffff;
      i = end;
      break;
    }
    if (j === i || j - i > 4 || count === 8) return false;
    groups[count++] = value;
    if (j === end) {
      i = end;
      break;
    }
    if (text.charCodeAt(j) !== 58) return false;
    if (text.charCodeAt(j + 1) === 58) {
      if (gap >= 0) return false;
      gap = count;
      i = j + 2;
    } else {
      i = j + 1;
      if (i === end) return false;
    }
  }
  if (gap < 0 ? count !== 8 : count > 7) return false;
  if (gap >= 0) {
    const tail = count - gap;
    for (let k = 0; k < tail; k++) groups[7 - k] = groups[count - 1 - k] as number;
    for (let k = gap; k < 8 - tail; k++) groups[k] = 0;
  }
  for (let k = 0; k < 4; k++)
    words[k] = (((groups[2 * k] as number) << 16) | (groups[2 * k + 1] as number)) >>> 0;
  return true;
}

/** 4 or 6 for an address (IPv4-mapped IPv6 reads as 4, its value in `v4`), 0 for anything else. */
export interface ParsedAddress {
  version: 0 | 4 | 6;
  v4: number;
  v6: Uint32Array;
}

export function newParsedAddress(): ParsedAddress {
  return { version: 0, v4: 0, v6: new Uint32Array(4) };
}

/** Parses into `out` (reused across calls so a lookup allocates nothing). */
export function parseAddress(text: string, out: ParsedAddress): ParsedAddress {
  if (text.indexOf(':') < 0) {
    out.v4 = parseIpv4(text);
    out.version = out.v4 < 0 ? 0 : 4;
    return out;
  }
  if (!parseIpv6(text, out.v6)) {
    out.version = 0;
    return out;
  }
  const w = out.v6;
  if (w[0] === 0 && w[1] === 0 && w[2] === 0xffff) {
    out.v4 = w[3] as number;
    out.version = 4;
  } else out.version = 6;
  return out;
}

/** Text of an IPv4 address held as uint32 (for messages and for the mmdb reader). */
export function formatIpv4(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}
