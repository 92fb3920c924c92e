// Builds the shipped mmdb fixture from the ip2asn excerpt, so both formats describe the same
// networks: each routed range split into CIDR blocks, recorded as GeoLite2-ASN records.
// `scripts/make-ip-intel-fixtures.ts` writes it; a test checks the shipped bytes still match.
import { parseIpv4, parseIpv6 } from '../ip-address.ts';
import { type MmdbNetwork, writeMmdb } from './mmdb-writer.ts';

/** Fixed, so that the fixture is byte-for-byte reproducible: 2026-01-01T00:00:00Z. */
export const FIXTURE_BUILD_EPOCH = 1_767_225_600;

function toBig(text: string): { value: bigint; bits: 32 | 128 } {
  const v4 = parseIpv4(text);
  if (v4 >= 0) return { value: BigInt(v4), bits: 32 };
  const words = new Uint32Array(4);
  if (!parseIpv6(text, words)) throw new Error(`not an address: ${text}`);
  let value = 0n;
  for (const w of words) value = (value << 32n) | BigInt(w);
  return { value, bits: 128 };
}

function fromBig(value: bigint, bits: 32 | 128): string {
  if (bits === 32) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 255n)).join('.');
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((value >> s) & 0xffffn).toString(16));
  return groups.join(':');
}

/** The fewest CIDR blocks covering start..end inclusive. */
export function rangeToCidrs(start: string, end: string): Array<{ address: string; prefix: number }> {
  const first = toBig(start);
  const last = toBig(end).value;
  const out: Array<{ address: string; prefix: number }> = [];
  let at = first.value;
  while (at <= last) {
    let size = 0;
    // Grow the block while it stays aligned and inside the range.
    while (
      size < first.bits &&
      (at & ((1n << BigInt(size + 1)) - 1n)) === 0n &&
      at + (1n << BigInt(size + 1)) - 1n <= last
    )
      size += 1;
    out.push({ address: fromBig(at, first.bits), prefix: first.bits - size });
    at += 1n << BigInt(size);
  }
  return out;
}

export function ip2asnToMmdb(tsv: string): Buffer {
  const networks: MmdbNetwork[] = [];
  for (const line of tsv.split('\n')) {
    const [start, end, asText, , name] = line.split('\t');
    if (!start || !end || !asText || Number(asText) === 0) continue;
    for (const block of rangeToCidrs(start, end))
      networks.push({
        ...block,
        record: { autonomous_system_number: Number(asText), autonomous_system_organization: name ?? '' },
      });
  }
  return writeMmdb(networks, {
    databaseType: 'GeoLite2-ASN',
    description: 'Hydrawatch test fixture built from ip2asn-excerpt.tsv',
    buildEpoch: FIXTURE_BUILD_EPOCH,
  });
}
