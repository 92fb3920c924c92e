// IP intelligence files describing a simulator scenario's networks, as a user would hold them
// for real traffic: an ip2asn TSV (AS names are the scenario's network names), the same as a
// MaxMind ASN database, and an asn,kind file stating each AS's kind.
import type { Scenario } from '../../../simulate/scenario.ts';
import { formatIpv4, parseIpv4 } from '../ip-address.ts';
import { writeMmdb } from './mmdb-writer.ts';

interface Block {
  start: number;
  end: number;
  asn: number;
  name: string;
  prefix: string;
}

/** The scenario's prefixes as sorted, non-overlapping blocks; a prefix inside another of its AS is dropped. */
function blocks(scenario: Scenario): Block[] {
  const all: Block[] = [];
  for (const n of scenario.networks)
    for (const prefix of n.prefixes) {
      const [address, bits] = prefix.split('/') as [string, string];
      const start = parseIpv4(address);
      all.push({ start, end: start + 2 ** (32 - Number(bits)) - 1, asn: n.asn, name: n.name, prefix });
    }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Block[] = [];
  for (const b of all) {
    const last = out[out.length - 1];
    if (last && b.start <= last.end) {
      if (b.end <= last.end && b.asn === last.asn) continue;
      throw new Error(`scenario prefixes ${last.prefix} and ${b.prefix} overlap across ASes`);
    }
    out.push(b);
  }
  return out;
}

export function scenarioIp2asn(scenario: Scenario): string {
  return blocks(scenario)
    .map((b) => `${formatIpv4(b.start)}\t${formatIpv4(b.end)}\t${b.asn}\tZZ\t${b.name}\n`)
    .join('');
}

export function scenarioAsnKinds(scenario: Scenario): string {
  const kinds = new Map<number, string>();
  for (const n of scenario.networks) {
    const known = kinds.get(n.asn);
    if (known && known !== n.kind) throw new Error(`AS${n.asn} is both ${known} and ${n.kind}`);
    kinds.set(n.asn, n.kind);
  }
  return `asn,kind\n${[...kinds].map(([asn, kind]) => `${asn},${kind}\n`).join('')}`;
}

export function scenarioMmdb(scenario: Scenario): Buffer {
  return writeMmdb(
    blocks(scenario).map((b) => {
      const [address, bits] = b.prefix.split('/') as [string, string];
      return {
        address,
        prefix: Number(bits),
        record: { autonomous_system_number: b.asn, autonomous_system_organization: b.name },
      };
    }),
    { databaseType: 'Hydrawatch-Scenario-ASN', buildEpoch: 0 },
  );
}
