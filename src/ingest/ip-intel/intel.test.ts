import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadIpIntel } from './intel.ts';
import { newParsedAddress, parseAddress } from './ip-address.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const tsvPath = join(fixtures, 'ip2asn-excerpt.tsv');
const mmdbPath = join(fixtures, 'asn-excerpt.mmdb');
const kindsPath = join(fixtures, 'asn-kinds.csv');
const dir = mkdtempSync(join(tmpdir(), 'hw-ip-intel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (content: string | Buffer, name = `f${n++}.txt`) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

function asOf(intel: ReturnType<typeof loadIpIntel>, ip: string) {
  return intel.lookup(parseAddress(ip, newParsedAddress()));
}

describe('loading IP intelligence files', () => {
  it('detects each format from the bytes, whatever the name, gzip included', () => {
    const tsvAsCsv = join(dir, 'misnamed.csv');
    copyFileSync(tsvPath, tsvAsCsv);
    const gzMmdb = file(gzipSync(readFileSync(mmdbPath)), 'asn.bin');
    const gzKinds = file(gzipSync(readFileSync(kindsPath)), 'kinds.gz');
    const intel = loadIpIntel([tsvAsCsv, gzMmdb, gzKinds]);
    expect(intel.files.map((f) => f.format)).toEqual(['ip2asn', 'mmdb', 'asn-kinds']);
    const csv = loadIpIntel([join(fixtures, 'ip-location-db-asn.csv')]);
    expect(csv.files[0]?.format).toBe('ip-location-db');
    expect(asOf(csv, '2001:4860::8888')).toEqual({ asn: 15169, name: 'Google LLC' });
    expect(asOf(intel, '88.198.1.1')?.asn).toBe(24940);
  });

  it('asks range files in the order given: the first that knows an address answers', () => {
    const override = file('3.0.0.0\t3.0.0.255\t64999\tUS\tMY-OWN-RANGE\n');
    const intel = loadIpIntel([override, tsvPath]);
    expect(asOf(intel, '3.0.0.7')).toEqual({ asn: 64999, name: 'MY-OWN-RANGE' });
    expect(asOf(intel, '3.0.1.0')?.asn).toBe(16509);
  });

  it('lets stated kinds beat name guesses, and `unknown` stop a guess', () => {
    const intel = loadIpIntel([tsvPath, kindsPath]);
    expect(intel.kindOf(16509)).toEqual({ kind: 'datacenter', source: 'name' });
    expect(intel.kindOf(13335)).toEqual({ kind: 'business', source: 'stated' });
    expect(intel.kindOf(7922)).toEqual({ kind: 'residential', source: 'stated' });
    expect(intel.kindOf(15169)).toEqual({ kind: null, source: 'stated' });
    expect(loadIpIntel([tsvPath]).kindOf(15169)).toEqual({ kind: 'datacenter', source: 'name' });
    expect(intel.kindOf(4_000_000)).toEqual({ kind: null, source: null });
  });

  it('counts malformed lines per file and shows the first few with their line numbers', () => {
    const path = file(`${readFileSync(tsvPath, 'utf8')}garbage line\n1.2.3.4\tnope\t5\tUS\tX\n`);
    const [summary] = loadIpIntel([path]).files;
    expect(summary?.malformed).toBe(2);
    expect(summary?.examples.map((e) => e.line)).toEqual([17, 18]);
  });

  it('stops with file:line and why for an unknown format', () => {
    const path = file('# notes\nhello world\n');
    expect(() => loadIpIntel([path])).toThrow(`--ip-intel ${path}:2: unknown format`);
  });

  it('stops with a clear message for a missing, empty, binary, corrupt-gzip or useless file', () => {
    expect(() => loadIpIntel([join(dir, 'nope.tsv')])).toThrow(/nope\.tsv: cannot read it \(ENOENT\)/);
    expect(() => loadIpIntel([file('\n# only a comment\n')])).toThrow(/is empty: no data lines/);
    expect(() => loadIpIntel([file(Buffer.from([0, 1, 2, 3, 0, 5]))])).toThrow(
      /binary data that is not a MaxMind database/,
    );
    expect(() => loadIpIntel([file(Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]))])).toThrow(
      /gzip data is corrupt/,
    );
    const unrouted = file('1.0.1.0\t1.0.3.255\t0\tNone\tNot routed\n');
    expect(() => loadIpIntel([unrouted])).toThrow(/no usable line \(address ranges with an AS number\)/);
    const badKinds = file('asn,kind\n1,hosting\n');
    expect(() => loadIpIntel([badKinds])).toThrow(
      `${badKinds}:2: no usable line (asn,kind); first problem: kind "hosting"`,
    );
  });

  it('makes the first malformed line fatal when strict', () => {
    const path = file('1.0.0.0\t1.0.0.255\t13335\tUS\tCF\n1.0.1.0\t1.0.1.255\tx\tUS\tBAD\n');
    expect(() => loadIpIntel([path], { strict: true })).toThrow(`--ip-intel ${path}:2: AS number "x"`);
    expect(loadIpIntel([path]).files[0]?.malformed).toBe(1);
  });
});
