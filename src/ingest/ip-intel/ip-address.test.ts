import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIpv4, newParsedAddress, parseAddress, parseIpv4, parseIpv6 } from './ip-address.ts';

const words = (text: string) => {
  const w = new Uint32Array(4);
  return parseIpv6(text, w) ? [...w].map((x) => x.toString(16)) : null;
};

describe('IP address parsing', () => {
  it('reads IPv4 as an unsigned 32-bit number, edges included', () => {
    expect(parseIpv4('0.0.0.0')).toBe(0);
    expect(parseIpv4('255.255.255.255')).toBe(4_294_967_295);
    expect(parseIpv4('73.1.2.3')).toBe(((73 << 24) | (1 << 16) | (2 << 8) | 3) >>> 0);
    for (const bad of [
      '',
      '1.2.3',
      '1.2.3.4.5',
      '256.1.1.1',
      '1..2.3',
      '1.2.3.4 ',
      'a.b.c.d',
      '1234.1.1.1',
      '01.2.3.4',
    ])
      expect(parseIpv4(bad), bad).toBe(-1);
  });

  it('reads IPv6 with :: compression, a dotted tail and a zone', () => {
    expect(words('::')).toEqual(['0', '0', '0', '0']);
    expect(words('::1')).toEqual(['0', '0', '0', '1']);
    expect(words('2001:4860::8888')).toEqual(['20014860', '0', '0', '8888']);
    expect(words('2001:db8:0:0:0:0:0:1')).toEqual(['20010db8', '0', '0', '1']);
    expect(words('1::')).toEqual(['10000', '0', '0', '0']);
    expect(words('::ffff:8.8.4.4')).toEqual(['0', '0', 'ffff', '8080404']);
    expect(words('fe80::1%eth0')).toEqual(['fe800000', '0', '0', '1']);
    expect(words('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toEqual([
      'ffffffff',
      'ffffffff',
      'ffffffff',
      'ffffffff',
    ]);
    for (const bad of [
      ':',
      ':::',
      '1:2',
      '1::2::3',
      '12345::',
      '1:2:3:4:5:6:7:8:9',
      'g::',
      '1:2:3:4:5:6:7:8::',
      '::1.2.3',
    ])
      expect(words(bad), bad).toBeNull();
  });

  it('agrees with node:net on which strings are addresses', () => {
    const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.'));
    const v6 = fc.ipV6();
    const noise = fc.string({ maxLength: 12, unit: fc.constantFrom(...'0123456789abcdef:.'.split('')) });
    fc.assert(
      fc.property(fc.oneof(v4, v6, noise), (text) => {
        const parsed = parseAddress(text, newParsedAddress());
        expect(parsed.version !== 0, text).toBe(isIP(text) !== 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads IPv4-mapped IPv6 as the IPv4 address it carries', () => {
    const a = parseAddress('::ffff:73.1.2.3', newParsedAddress());
    expect(a.version).toBe(4);
    expect(formatIpv4(a.v4)).toBe('73.1.2.3');
    expect(parseAddress('2001:db8::1', newParsedAddress()).version).toBe(6);
    expect(parseAddress('not an ip', newParsedAddress()).version).toBe(0);
  });
});
