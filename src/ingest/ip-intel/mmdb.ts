// Reads MaxMind-format ASN databases (GeoLite2-ASN, DB-IP ASN lite, ip-location-db's asn
// mmdb) through the maintained `maxmind` reader: `autonomous_system_number` and
// `autonomous_system_organization` for the network holding an address.
import { type AsnResponse, Reader } from 'maxmind';
import { IpIntelFileError } from './intel-file.ts';
import { formatIpv4, newParsedAddress, type ParsedAddress, parseAddress } from './ip-address.ts';

/** The marker before an mmdb file's metadata, near its end. */
export const MMDB_METADATA_MARKER = Buffer.from([0xab, 0xcd, 0xef, ...Buffer.from('MaxMind.com')]);
/** The metadata section must start within this many bytes of the end. */
const METADATA_WINDOW = 128 * 1024;

export function looksLikeMmdb(bytes: Buffer): boolean {
  return bytes.lastIndexOf(MMDB_METADATA_MARKER, bytes.length) >= Math.max(0, bytes.length - METADATA_WINDOW);
}

/** Database types that are known to carry no AS numbers. */
const NOT_ASN = /city|country|anonymous|connection|domain|user-count/i;

/** Addresses looked up once at load, spread over both families, to find a damaged file early. */
const PROBES = ['1.1.1.1', '8.8.8.8', '73.1.2.3', '200.1.1.1', '2001:4860::8888', '2a01:4f8::1'];

export interface AsMatch {
  asn: number;
  name: string | null;
}

/** The decoder's cache of records by offset: bounded, emptied when full. */
function boundedCache(max: number) {
  const map = new Map<string | number, unknown>();
  return {
    get: (key: string | number) => map.get(key),
    set: (key: string | number, value: unknown) => {
      if (map.size >= max) map.clear();
      map.set(key, value);
    },
  };
}

function formatIpv6(words: Uint32Array): string {
  const groups: string[] = [];
  for (let k = 0; k < 4; k++) {
    const w = words[k] as number;
    groups.push((w >>> 16).toString(16), (w & 0xffff).toString(16));
  }
  return groups.join(':');
}

export class MmdbAsnDatabase {
  private readonly reader: Reader<AsnResponse>;

  constructor(
    readonly path: string,
    bytes: Buffer,
  ) {
    try {
      this.reader = new Reader<AsnResponse>(bytes, { cache: boundedCache(50_000) });
    } catch (error) {
      throw new IpIntelFileError(path, `not a readable MaxMind database (${(error as Error).message})`);
    }
    const { databaseType, binaryFormatMajorVersion } = this.reader.metadata;
    if (binaryFormatMajorVersion !== 2)
      throw new IpIntelFileError(
        path,
        `MaxMind DB format version ${binaryFormatMajorVersion}; 2 is supported`,
      );
    if (NOT_ASN.test(databaseType) && !/asn|isp/i.test(databaseType))
      throw new IpIntelFileError(
        path,
        `is a ${databaseType} database, which holds no AS numbers; give an ASN database (GeoLite2-ASN, DB-IP ASN lite)`,
      );
    // A damaged tree or data section shows only when a lookup walks into it: walk a few now.
    const probe = newParsedAddress();
    for (const ip of PROBES) this.lookup(parseAddress(ip, probe));
  }

  get detail(): string {
    const m = this.reader.metadata;
    return `${m.databaseType}, IPv${m.ipVersion} tree, built ${m.buildEpoch.toISOString().slice(0, 10)}`;
  }

  get nodes(): number {
    return this.reader.metadata.nodeCount;
  }

  lookup(address: ParsedAddress): AsMatch | null {
    if (address.version === 0) return null;
    if (address.version === 6 && this.reader.metadata.ipVersion === 4) return null;
    const text = address.version === 4 ? formatIpv4(address.v4) : formatIpv6(address.v6);
    let record: AsnResponse | null;
    try {
      record = this.reader.get(text);
    } catch (error) {
      throw new IpIntelFileError(
        this.path,
        `is corrupt: looking up ${text} failed (${(error as Error).message})`,
      );
    }
    const asn = record?.autonomous_system_number;
    if (typeof asn !== 'number' || asn <= 0) return null;
    const name = record?.autonomous_system_organization;
    return { asn, name: typeof name === 'string' && name.length > 0 ? name : null };
  }
}
