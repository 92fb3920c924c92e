// The integer hashing every fingerprint is built from: FNV-1a over UTF-8 bytes and the murmur3
// finaliser. Pure JS with Math.imul, because a native call costs more than the hash itself here.

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Folds one Unicode code point, as its UTF-8 bytes, into a running FNV-1a state. */
export function fnvCodePoint(h: number, cp: number): number {
  if (cp < 0x80) return Math.imul(h ^ cp, FNV_PRIME);
  if (cp < 0x800) {
    h = Math.imul(h ^ (0xc0 | (cp >> 6)), FNV_PRIME);
    return Math.imul(h ^ (0x80 | (cp & 0x3f)), FNV_PRIME);
  }
  if (cp < 0x10000) {
    h = Math.imul(h ^ (0xe0 | (cp >> 12)), FNV_PRIME);
    h = Math.imul(h ^ (0x80 | ((cp >> 6) & 0x3f)), FNV_PRIME);
    return Math.imul(h ^ (0x80 | (cp & 0x3f)), FNV_PRIME);
  }
  h = Math.imul(h ^ (0xf0 | (cp >> 18)), FNV_PRIME);
  h = Math.imul(h ^ (0x80 | ((cp >> 12) & 0x3f)), FNV_PRIME);
  h = Math.imul(h ^ (0x80 | ((cp >> 6) & 0x3f)), FNV_PRIME);
  return Math.imul(h ^ (0x80 | (cp & 0x3f)), FNV_PRIME);
}

/** FNV-1a (32-bit) of a string's UTF-8 encoding, so other languages can reproduce it byte for byte. */
export function fnv1a(text: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    h = fnvCodePoint(h, cp);
  }
  return h >>> 0;
}

/** murmur3 fmix32: spreads every input bit over the output. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Order-sensitive combination of two 32-bit values. */
export function combine(a: number, b: number): number {
  return fmix32((Math.imul(a, 0x9e3779b1) ^ b) >>> 0);
}

/** Character codes of the 16 hex digits, lower case. */
const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const hex = (h: number, shift: number): number => HEX[(h >>> shift) & 15] as number;

/** Eight lower-case hex digits of a 32-bit value (`toString(16)` and a pad cost six times more). */
export function hex32(h: number): string {
  return String.fromCharCode(
    hex(h, 28),
    hex(h, 24),
    hex(h, 20),
    hex(h, 16),
    hex(h, 12),
    hex(h, 8),
    hex(h, 4),
    hex(h, 0),
  );
}

/** `hex32(a) + hex32(b)` as one string: the 16 hex digits of an id's two 32-bit lanes. */
export function hex64(a: number, b: number): string {
  return String.fromCharCode(
    hex(a, 28),
    hex(a, 24),
    hex(a, 20),
    hex(a, 16),
    hex(a, 12),
    hex(a, 8),
    hex(a, 4),
    hex(a, 0),
    hex(b, 28),
    hex(b, 24),
    hex(b, 20),
    hex(b, 16),
    hex(b, 12),
    hex(b, 8),
    hex(b, 4),
    hex(b, 0),
  );
}
