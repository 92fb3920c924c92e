import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IpIntelFileError, ProblemLog } from './intel-file.ts';
import { newParsedAddress, parseAddress } from './ip-address.ts';
import { parseRangeFile, type RangeFormat, sniffRangeFile } from './range-file.ts';

const excerpt = readFileSync(join(import.meta.dirname, 'fixtures', 'ip2asn-excerpt.tsv'), 'utf8');

function load(text: string, format: RangeFormat = 'ip2asn') {
  const problems = new ProblemLog('test.tsv', false);
  const parsed = parseRangeFile(text, format, problems);
  const address = newParsedAddress();
  const asOf = (ip: string) => parsed.table.lookup(parseAddress(ip, address));
  return { ...parsed, problems, asOf };
}

describe('ip2asn TSV', () => {
  const { table, names, unrouted, problems, asOf } = load(excerpt);

  it('loads the excerpt: routed ranges of both families, names per AS, not-routed rows skipped', () => {
    expect(table.sizes).toEqual({ v4: 11, v6: 3 });
    expect(unrouted).toBe(2);
    expect(problems.count).toBe(0);
    expect(names.get(16509)).toBe('AMAZON-02 - Amazon.com, Inc.');
  });

  it('finds the AS at both edges of a range and nothing just outside', () => {
    expect(asOf('3.0.0.0')).toBe(16509);
    expect(asOf('3.127.255.255')).toBe(16509);
    expect(asOf('2.255.255.255')).toBe(-1);
    expect(asOf('3.128.0.0')).toBe(-1);
    expect(asOf('1.0.0.0')).toBe(13335);
    expect(asOf('0.255.255.255')).toBe(-1);
    expect(asOf('0.0.0.0')).toBe(-1);
    expect(asOf('255.255.255.255')).toBe(64512);
    expect(asOf('255.255.254.255')).toBe(-1);
  });

  it('reads AS 0 (not routed) as unknown, not as an AS', () => {
    expect(asOf('1.0.2.7')).toBe(-1);
    expect(asOf('1.0.4.0')).toBe(38803);
    expect(asOf('2c0f:fff0::1')).toBe(-1);
  });

  it('finds IPv6 ranges at their edges, and IPv4-mapped addresses in the IPv4 ranges', () => {
    expect(asOf('2001:4860::')).toBe(15169);
    expect(asOf('2001:4860:ffff:ffff:ffff:ffff:ffff:ffff')).toBe(15169);
    expect(asOf('2001:485f:ffff:ffff:ffff:ffff:ffff:ffff')).toBe(-1);
    expect(asOf('2001:4861::')).toBe(-1);
    expect(asOf('2a01:4f8:c0c:1234::1')).toBe(24940);
    expect(asOf('2600:1f18:abcd::1')).toBe(16509);
    expect(asOf('::ffff:88.198.7.7')).toBe(24940);
    expect(asOf('::')).toBe(-1);
  });

  it('detects the variant from a line: addresses or uint32 numbers', () => {
    expect(sniffRangeFile('1.0.0.0\t1.0.0.255\t13335\tUS\tCLOUDFLARENET')).toBe('ip2asn');
    expect(sniffRangeFile('2001:4860::\t2001:4860::ffff\t15169\tUS\tGOOGLE')).toBe('ip2asn');
    expect(sniffRangeFile('16777216\t16777471\t13335\tUS\tCLOUDFLARENET')).toBe('ip2asn-u32');
    expect(sniffRangeFile('7922,residential')).toBeNull();
    expect(sniffRangeFile('1.0.0.0,1.0.0.255,13335,Cloudflare')).toBe('ip-location-db');
    expect(sniffRangeFile('16777216,16777471,13335,"Cloudflare, Inc."')).toBe('ip-location-db');
    expect(sniffRangeFile('13335,business,Cloudflare, Inc.')).toBeNull();
  });

  it('reads the v4-u32 file', () => {
    const u32 = load(
      '16777216\t16777471\t13335\tUS\tCLOUDFLARENET - Cloudflare, Inc.\n16777472\t16778239\t0\tNone\tNot routed\n',
      'ip2asn-u32',
    );
    expect(u32.asOf('1.0.0.255')).toBe(13335);
    expect(u32.asOf('1.0.1.0')).toBe(-1);
    expect(u32.unrouted).toBe(1);
  });

  it('counts each malformed line with its line number and why, and keeps the good ones', () => {
    const text = [
      '1.0.0.0\t1.0.0.255\t13335\tUS\tCLOUDFLARENET',
      '# a comment',
      '',
      '1.0.4.0\t1.0.7.255\t38803\tAU',
      '9.9.9.0\t9.9.9.255\tAS19281\tUS\tQUAD9',
      '9.9.10.0\t9.9.9.255\t19281\tUS\tQUAD9',
      '9.9.11.0\t2001::\t19281\tUS\tQUAD9',
      'localhost\t9.9.12.255\t19281\tUS\tQUAD9',
      '1.0.0.128\t1.0.0.200\t64500\tUS\tINSIDE-ANOTHER',
      '8.8.8.0\t8.8.8.255\t15169\tUS\tGOOGLE',
    ].join('\n');
    const { table, problems, asOf } = load(text);
    expect(table.size).toBe(2);
    expect(problems.count).toBe(6);
    expect(problems.examples.map((p) => p.line)).toEqual([4, 5, 6, 7, 8]);
    expect(problems.examples[0]?.reason).toMatch(/expected 5 tab-separated fields/);
    expect(problems.examples[1]?.reason).toMatch(/AS number "AS19281" is not a whole number/);
    expect(problems.examples[2]?.reason).toMatch(/starts after it ends/);
    expect(problems.examples[3]?.reason).toMatch(/not an IPv4 address like its start/);
    expect(problems.examples[4]?.reason).toMatch(/"localhost" is not an IP address/);
    expect(asOf('1.0.0.150')).toBe(13335);
    expect(asOf('8.8.8.8')).toBe(15169);
  });

  it('reports a range overlapping another by both line numbers', () => {
    const problems = new ProblemLog('x.tsv', false);
    parseRangeFile(
      '1.0.0.0\t1.0.0.255\t13335\tUS\tA\n1.0.0.128\t1.0.1.0\t64500\tUS\tB\n',
      'ip2asn',
      problems,
    );
    expect(problems.examples).toEqual([
      { line: 2, reason: 'range overlaps the range on line 1; kept the earlier one' },
    ]);
  });

  it('sorts ranges given out of order', () => {
    const { asOf } = load(
      '8.8.8.0\t8.8.8.255\t15169\tUS\tGOOGLE\n1.0.0.0\t1.0.0.255\t13335\tUS\tCF\n2001:4860::\t2001:4860::ff\t15169\tUS\tG\n2000::\t2000::ff\t1\tUS\tX\n',
    );
    expect(asOf('1.0.0.1')).toBe(13335);
    expect(asOf('8.8.8.8')).toBe(15169);
    expect(asOf('2001:4860::10')).toBe(15169);
    expect(asOf('2000::10')).toBe(1);
  });

  it('stops at the first malformed line, naming file:line, when strict', () => {
    const problems = new ProblemLog('intel.tsv', true);
    expect(() =>
      parseRangeFile('1.0.0.0\t1.0.0.255\t13335\tUS\tA\nbroken line\n', 'ip2asn', problems),
    ).toThrow(
      new IpIntelFileError(
        'intel.tsv',
        'expected 5 tab-separated fields (start, end, AS, country, name), got 1',
        2,
      ),
    );
    try {
      parseRangeFile('broken\n', 'ip2asn', new ProblemLog('intel.tsv', true));
    } catch (error) {
      expect((error as Error).message).toMatch(/^--ip-intel intel\.tsv:1: expected 5/);
    }
  });
});

describe('ip-location-db asn CSV', () => {
  const csv = readFileSync(join(import.meta.dirname, 'fixtures', 'ip-location-db-asn.csv'), 'utf8');

  it('reads address ranges of both families and quoted organisations with commas', () => {
    const { table, names, problems, asOf } = load(csv, 'ip-location-db');
    expect(problems.count).toBe(0);
    expect(table.sizes).toEqual({ v4: 5, v6: 2 });
    expect(names.get(13335)).toBe('Cloudflare, Inc.');
    expect(asOf('3.127.255.255')).toBe(16509);
    expect(asOf('3.128.0.0')).toBe(-1);
    expect(asOf('2a01:4f8:ffff::1')).toBe(24940);
  });

  it('reads the IPv4-num file, and says why a numeric IPv6 file is not read', () => {
    const { asOf, problems } = load(
      '16777216,16777471,13335,"Cloudflare, Inc."\n42540766411282592856903984951653826560,42540766411282592856903984951653826561,1,X\n1.2.3.4\n',
      'ip-location-db',
    );
    expect(asOf('1.0.0.9')).toBe(13335);
    expect(problems.examples.map((e) => e.line)).toEqual([2, 3]);
    expect(problems.examples[0]?.reason).toMatch(/numeric IPv6 files are not read/);
    expect(problems.examples[1]?.reason).toMatch(/expected 4 comma-separated fields/);
  });
});
