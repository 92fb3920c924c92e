// A minimal MaxMind DB writer, for test fixtures and benchmarks only: an IPv6 search tree
// (IPv4 networks under ::/96, as GeoLite2 stores them) or an IPv4 one, with 24-bit records, a data section
// of maps, strings and unsigned integers, and the metadata map. It follows the MaxMind DB
// File Format Specification 2.0 (https://maxmind.github.io/MaxMind-DB/); the `maxmind`
// reader reading its output back is the check that it does.
import { parseIpv4, parseIpv6 } from '../ip-address.ts';

export type MmdbValue =
  | string
  | number
  | bigint
  | readonly MmdbValue[]
  | { readonly [key: string]: MmdbValue };

export interface MmdbNetwork {
  /** IPv4 or IPv6 network address text. */
  address: string;
  prefix: number;
  record: { readonly [key: string]: MmdbValue };
}

export interface MmdbOptions {
  databaseType: string;
  description?: string;
  /** Seconds since 1970; fixed by callers so that output is byte-for-byte reproducible. */
  buildEpoch: number;
  /** 6 (the default) holds both families; 4 is an IPv4-only tree, as some ASN files ship. */
  ipVersion?: 4 | 6;
}

const TYPE = { pointer: 1, utf8: 2, uint16: 5, uint32: 6, map: 7, uint64: 9, array: 11 } as const;

function control(type: number, size: number): number[] {
  const out: number[] = [];
  const first = type <= 7 ? type << 5 : 0;
  const extended = type > 7 ? [type - 7] : [];
  if (size < 29) out.push(first | size, ...extended);
  else if (size < 29 + 256) out.push(first | 29, ...extended, size - 29);
  else if (size < 285 + 65_536) out.push(first | 30, ...extended, (size - 285) >> 8, (size - 285) & 255);
  else {
    const s = size - 65_821;
    out.push(first | 31, ...extended, (s >> 16) & 255, (s >> 8) & 255, s & 255);
  }
  return out;
}

function uintBytes(value: bigint): number[] {
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value & 255n));
    value >>= 8n;
  }
  return bytes;
}

/** Encodes one value in the data section format. Integers are uint32 unless too big for it. */
export function encodeValue(
  value: MmdbValue,
  integerType: 'uint16' | 'uint32' | 'uint64' = 'uint32',
): number[] {
  if (typeof value === 'string') {
    const bytes = [...Buffer.from(value, 'utf8')];
    return [...control(TYPE.utf8, bytes.length), ...bytes];
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    const big = BigInt(value);
    const type = big > 0xffff_ffffn ? 'uint64' : integerType;
    const bytes = uintBytes(big);
    return [...control(TYPE[type], bytes.length), ...bytes];
  }
  if (Array.isArray(value)) {
    return [...control(TYPE.array, value.length), ...value.flatMap((v: MmdbValue) => encodeValue(v))];
  }
  const entries = Object.entries(value as { readonly [key: string]: MmdbValue });
  return [
    ...control(TYPE.map, entries.length),
    ...entries.flatMap(([k, v]) => [...encodeValue(k), ...encodeValue(v)]),
  ];
}

/** Child slots: -1 empty, >= 0 a node, <= -2 the data record -(2 + index). */
const EMPTY = -1;

function networkBits(
  address: string,
  prefix: number,
  ipVersion: 4 | 6,
): { bits: Uint8Array; length: number } {
  const v4 = parseIpv4(address);
  const bits = new Uint8Array(128);
  if (v4 >= 0) {
    if (prefix < 0 || prefix > 32) throw new Error(`bad IPv4 prefix /${prefix}`);
    const skip = ipVersion === 6 ? 96 : 0;
    for (let i = 0; i < 32; i++) bits[skip + i] = (v4 / 2 ** (31 - i)) & 1;
    return { bits, length: skip + prefix };
  }
  if (ipVersion === 4) throw new Error(`IPv6 network ${address} in an IPv4 database`);
  const words = new Uint32Array(4);
  if (!parseIpv6(address, words) || prefix < 0 || prefix > 128)
    throw new Error(`bad network ${address}/${prefix}`);
  for (let i = 0; i < 128; i++) bits[i] = ((words[i >> 5] as number) >>> (31 - (i & 31))) & 1;
  return { bits, length: prefix };
}

export function writeMmdb(networks: readonly MmdbNetwork[], options: MmdbOptions): Buffer {
  const left: number[] = [EMPTY];
  const right: number[] = [EMPTY];
  const records: number[][] = [];
  const recordIndex = new Map<string, number>();
  // Shorter prefixes first, so a more specific network splits the leaf of the one holding it.
  const ordered = networks
    .map((n) => ({ ...n, ...networkBits(n.address, n.prefix, options.ipVersion ?? 6) }))
    .sort((a, b) => a.length - b.length);
  for (const network of ordered) {
    const key = JSON.stringify(network.record);
    let index = recordIndex.get(key);
    if (index === undefined) {
      index = records.length;
      records.push(encodeValue(network.record));
      recordIndex.set(key, index);
    }
    let node = 0;
    for (let depth = 0; depth < network.length; depth++) {
      const side = network.bits[depth] === 1 ? right : left;
      if (depth === network.length - 1) {
        side[node] = -(2 + index);
        break;
      }
      let child = side[node] as number;
      if (child < 0) {
        // Empty, or a wider network's leaf that this one splits: both halves start as that leaf.
        const next = left.length;
        left.push(child);
        right.push(child);
        side[node] = next;
        child = next;
      }
      node = child;
    }
  }
  const nodeCount = left.length;
  const offsets: number[] = [];
  let dataSize = 0;
  for (const r of records) {
    offsets.push(dataSize);
    dataSize += r.length;
  }
  const recordValue = (child: number): number =>
    child === EMPTY ? nodeCount : child >= 0 ? child : nodeCount + 16 + (offsets[-child - 2] as number);
  const tree = Buffer.alloc(nodeCount * 6);
  for (let i = 0; i < nodeCount; i++) {
    tree.writeUIntBE(recordValue(left[i] as number), i * 6, 3);
    tree.writeUIntBE(recordValue(right[i] as number), i * 6 + 3, 3);
  }
  if (nodeCount + 16 + dataSize >= 2 ** 24) throw new Error('too large for 24-bit records');
  const metadata = [
    ...control(TYPE.map, 9),
    ...encodeValue('binary_format_major_version'),
    ...encodeValue(2, 'uint16'),
    ...encodeValue('binary_format_minor_version'),
    ...encodeValue(0, 'uint16'),
    ...encodeValue('build_epoch'),
    ...encodeValue(BigInt(options.buildEpoch), 'uint64'),
    ...encodeValue('database_type'),
    ...encodeValue(options.databaseType),
    ...encodeValue('description'),
    ...encodeValue({ en: options.description ?? options.databaseType }),
    ...encodeValue('ip_version'),
    ...encodeValue(options.ipVersion ?? 6, 'uint16'),
    ...encodeValue('languages'),
    ...encodeValue(['en']),
    ...encodeValue('node_count'),
    ...encodeValue(nodeCount),
    ...encodeValue('record_size'),
    ...encodeValue(24, 'uint16'),
  ];
  return Buffer.concat([
    tree,
    Buffer.alloc(16),
    Buffer.from(records.flat()),
    Buffer.from([0xab, 0xcd, 0xef]),
    Buffer.from('MaxMind.com'),
    Buffer.from(metadata),
  ]);
}
