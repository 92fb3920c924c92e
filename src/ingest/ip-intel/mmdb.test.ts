// The mmdb path against the real `maxmind` reader, on a fixture our writer built from the
// ip2asn excerpt: the two formats must answer alike at every range edge.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import maxmind, { type AsnResponse, Reader } from 'maxmind';
import { describe, expect, it } from 'vitest';
import { IpIntelFileError, ProblemLog } from './intel-file.ts';
import { formatIpv4, newParsedAddress, parseAddress, parseIpv4 } from './ip-address.ts';
import { looksLikeMmdb, MmdbAsnDatabase } from './mmdb.ts';
import { parseRangeFile } from './range-file.ts';
import { ip2asnToMmdb, rangeToCidrs } from './test-support/fixture-mmdb.ts';
import { writeMmdb } from './test-support/mmdb-writer.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const tsv = readFileSync(join(fixtures, 'ip2asn-excerpt.tsv'), 'utf8');
const mmdbPath = join(fixtures, 'asn-excerpt.mmdb');
const bytes = readFileSync(mmdbPath);

describe('MaxMind ASN databases', () => {
  it('ships the fixture our writer makes from the excerpt, byte for byte', () => {
    expect(ip2asnToMmdb(tsv).equals(bytes)).toBe(true);
    expect(looksLikeMmdb(bytes)).toBe(true);
    expect(looksLikeMmdb(Buffer.from(tsv))).toBe(false);
  });

  it('is read by the maxmind package itself, through its own open()', async () => {
    const reader = await maxmind.open<AsnResponse>(mmdbPath);
    expect(reader.metadata.databaseType).toBe('GeoLite2-ASN');
    expect(reader.get('3.3.3.3')).toEqual({
      autonomous_system_number: 16509,
      autonomous_system_organization: 'AMAZON-02 - Amazon.com, Inc.',
    });
    expect(reader.get('1.0.2.1')).toBeNull();
  });

  it('answers like the TSV at the first and last address of every range and just outside', () => {
    const problems = new ProblemLog('x', false);
    const { table } = parseRangeFile(tsv, 'ip2asn', problems);
    const db = new MmdbAsnDatabase(mmdbPath, bytes);
    const address = newParsedAddress();
    const probes: string[] = [];
    for (const line of tsv.trim().split('\n')) {
      const [start, end] = line.split('\t') as [string, string];
      probes.push(start, end);
      const s = parseIpv4(start);
      const e = parseIpv4(end);
      if (s > 0) probes.push(formatIpv4(s - 1));
      if (e >= 0 && e < 2 ** 32 - 1) probes.push(formatIpv4(e + 1));
    }
    probes.push('2001:4860::1', '2001:4861::', '2600:1f00::', '2a01:4f9::', '::ffff:8.8.8.8');
    let matched = 0;
    for (const ip of probes) {
      const a = parseAddress(ip, address);
      const fromTsv = table.lookup(a);
      const fromMmdb = db.lookup(a);
      expect(fromMmdb?.asn ?? -1, ip).toBe(fromTsv);
      if (fromTsv > 0) matched += 1;
    }
    expect(matched).toBeGreaterThan(20);
  });

  it('covers a range with the fewest CIDR blocks', () => {
    expect(rangeToCidrs('1.0.4.0', '1.0.7.255')).toEqual([{ address: '1.0.4.0', prefix: 22 }]);
    expect(rangeToCidrs('10.0.0.1', '10.0.0.6').map((b) => `${b.address}/${b.prefix}`)).toEqual([
      '10.0.0.1/32',
      '10.0.0.2/31',
      '10.0.0.4/31',
      '10.0.0.6/32',
    ]);
  });

  it('refuses a database that holds no AS numbers, naming the file', () => {
    const city = writeMmdb([{ address: '1.0.0.0', prefix: 24, record: { city: 'Brisbane' } }], {
      databaseType: 'GeoLite2-City',
      buildEpoch: 0,
    });
    expect(() => new MmdbAsnDatabase('city.mmdb', city)).toThrow(IpIntelFileError);
    expect(() => new MmdbAsnDatabase('city.mmdb', city)).toThrow(/city\.mmdb: is a GeoLite2-City database/);
  });

  it('nests a more specific network inside a wider one, as real databases do', () => {
    const db = writeMmdb(
      [
        { address: '10.0.0.0', prefix: 8, record: { autonomous_system_number: 1 } },
        { address: '10.1.0.0', prefix: 16, record: { autonomous_system_number: 2 } },
      ],
      { databaseType: 'Test-ASN', buildEpoch: 0 },
    );
    const reader = new Reader<AsnResponse>(db);
    expect(reader.get('10.0.255.255')?.autonomous_system_number).toBe(1);
    expect(reader.get('10.1.2.3')?.autonomous_system_number).toBe(2);
    expect(reader.get('10.2.0.0')?.autonomous_system_number).toBe(1);
    expect(reader.get('11.0.0.0')).toBeNull();
  });

  it('reads an IPv4-only database and answers no match, not garbage, for IPv6 addresses', () => {
    const v4Only = writeMmdb(
      [
        {
          address: '3.0.0.0',
          prefix: 9,
          record: { autonomous_system_number: 16509, autonomous_system_organization: 'AMAZON-02' },
        },
      ],
      { databaseType: 'GeoLite2-ASN', buildEpoch: 0, ipVersion: 4 },
    );
    expect(new Reader<AsnResponse>(v4Only).metadata.ipVersion).toBe(4);
    const db = new MmdbAsnDatabase('asn-ipv4.mmdb', v4Only);
    const address = newParsedAddress();
    expect(db.lookup(parseAddress('3.127.255.255', address))).toEqual({ asn: 16509, name: 'AMAZON-02' });
    expect(db.lookup(parseAddress('3.128.0.0', address))).toBeNull();
    expect(db.lookup(parseAddress('::ffff:3.1.2.3', address))?.asn).toBe(16509);
    expect(db.lookup(parseAddress('2600:1f00::1', address))).toBeNull();
  });

  it('finds a damaged database at load, naming the file', () => {
    const damaged = Buffer.from(bytes);
    for (let i = 0; i < 1700; i++) damaged[i] = (i * 37) & 255;
    expect(() => new MmdbAsnDatabase('broken.mmdb', damaged)).toThrow(
      /^--ip-intel broken\.mmdb: is corrupt: looking up/,
    );
  });
});
