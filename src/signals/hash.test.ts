import { describe, expect, it } from 'vitest';
import { fmix32, fnv1a, hex32, hex64 } from './hash.ts';

describe('fnv1a', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(hex32(fnv1a(''))).toBe('811c9dc5');
    expect(hex32(fnv1a('a'))).toBe('e40c292c');
    expect(hex32(fnv1a('foobar'))).toBe('bf9cf968');
  });

  it('hashes UTF-8 bytes, so non-ASCII text matches other implementations', () => {
    const bytes = new TextEncoder().encode('é中😀');
    let h = 0x811c9dc5;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
    expect(fnv1a('é中😀')).toBe(h >>> 0);
  });

  it('fmix32 is a bijection on a sample (no collisions)', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) seen.add(fmix32(i));
    expect(seen.size).toBe(10_000);
  });
});

describe('hex32 and hex64', () => {
  it('write eight zero-padded lower-case digits per 32-bit value, negative inputs as unsigned', () => {
    const values = [0, 1, 0xf, 0x10, 0xdeadbeef, 0x7fffffff, 0x80000000, 0xffffffff, -1, -0x21524111];
    for (let i = 0; i < 1000; i++) values.push(Math.imul(i + 1, 0x9e3779b1));
    for (const v of values) {
      const expected = (v >>> 0).toString(16).padStart(8, '0');
      expect(hex32(v)).toBe(expected);
      expect(hex64(v, ~v)).toBe(expected + (~v >>> 0).toString(16).padStart(8, '0'));
    }
  });
});
