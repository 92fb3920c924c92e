// Cost of IP intelligence: loading an ip2asn file the size of iptoasn.com's combined file
// (~500k ranges, generated here, not downloaded) and looking addresses up in it, and the same
// lookups through a MaxMind ASN database (built with the test-support writer from the IPv4
// part) read by the `maxmind` package. Files go to a temporary directory, removed at the end.
// Run: npx tsx bench/ip-intel.ts [--ranges 500000]
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NetworkEnricher } from '../src/engine/network-enrichment.ts';
import { loadIpIntel } from '../src/ingest/ip-intel/intel.ts';
import { formatIpv4, newParsedAddress, parseAddress } from '../src/ingest/ip-intel/ip-address.ts';
import { rangeToCidrs } from '../src/ingest/ip-intel/test-support/fixture-mmdb.ts';
import { type MmdbNetwork, writeMmdb } from '../src/ingest/ip-intel/test-support/mmdb-writer.ts';
import { machineLine } from './machine.ts';

const arg = process.argv.indexOf('--ranges');
const RANGES = arg > 0 ? Number(process.argv[arg + 1]) : 500_000;
/** ip2asn's combined file holds roughly two IPv4 ranges for every IPv6 range. */
const V6_SHARE = 0.35;
const ASES = 80_000;
const LOOKUPS = 1_000_000;
const MMDB_RANGES = 50_000;
const REPEATED_ADDRESSES = 20_000;

let seed = 0x2026;
function rand(): number {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
  return seed;
}

const WORDS = [
  'Telecom',
  'Hosting',
  'Networks',
  'Cable',
  'Mobile',
  'University',
  'Cloud',
  'Internet',
  'Broadband',
];

function hex(n: number): string {
  return n.toString(16);
}

/** Ranges spread over the address space with gaps, some of them AS 0, as in the real file. */
function generate(): { tsv: string; v4: Array<[number, number, number]>; probes: string[] } {
  const v4Count = Math.round(RANGES * (1 - V6_SHARE));
  const v6Count = RANGES - v4Count;
  const lines: string[] = [];
  const v4: Array<[number, number, number]> = [];
  const step = Math.floor(2 ** 32 / v4Count);
  for (let i = 0; i < v4Count; i++) {
    const start = i * step;
    const end = start + Math.max(255, (rand() % step) - 1);
    const asn = rand() % 20 === 0 ? 0 : 1 + (rand() % ASES);
    const name = asn === 0 ? 'Not routed' : `AS${asn}-NET ${WORDS[asn % WORDS.length]} ${asn}`;
    lines.push(
      `${formatIpv4(start)}\t${formatIpv4(Math.min(end, start + step - 1))}\t${asn}\t${asn ? 'US' : 'None'}\t${name}`,
    );
    if (asn) v4.push([start, Math.min(end, start + step - 1), asn]);
  }
  for (let i = 0; i < v6Count; i++) {
    const top = 0x2000_0000 + i * 0x400;
    const asn = 1 + (rand() % ASES);
    lines.push(
      `${hex(top >>> 16)}:${hex(top & 0xffff)}::\t${hex(top >>> 16)}:${hex((top & 0xffff) + 0x1ff)}:ffff:ffff:ffff:ffff:ffff:ffff\t${asn}\tDE\tAS${asn}-NET ${WORDS[asn % WORDS.length]}`,
    );
  }
  const probes: string[] = [];
  for (let i = 0; i < LOOKUPS; i++) {
    if (rand() % 100 < 80) probes.push(formatIpv4(rand()));
    else {
      const top = 0x2000_0000 + (rand() % v6Count) * 0x400 + (rand() % 0x400);
      probes.push(`${hex(top >>> 16)}:${hex(top & 0xffff)}:${hex(rand() & 0xffff)}::${hex(rand() & 0xffff)}`);
    }
  }
  return { tsv: `${lines.join('\n')}\n`, v4, probes };
}

/** Heap and buffers in use after full collections (exact only under `node --expose-gc`). */
function heldBytes(): number {
  global.gc?.();
  global.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function rate(label: string, probes: readonly string[], each: (ip: string) => unknown): void {
  for (let i = 0; i < 50_000; i++) each(probes[i] as string);
  const t = process.cpuUsage();
  let hits = 0;
  for (const ip of probes) if (each(ip) !== null) hits += 1;
  const used = process.cpuUsage(t);
  const seconds = (used.user + used.system) / 1e6;
  process.stdout.write(
    `${label}: ${Math.round(probes.length / seconds).toLocaleString('en-US')} lookups/s (${((seconds / probes.length) * 1e9).toFixed(0)} ns each, ${((hits / probes.length) * 100).toFixed(0)}% found)\n`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'hw-bench-ip-'));
try {
  process.stdout.write(`${machineLine()}\n`);
  const { tsv, v4, probes } = generate();
  const tsvPath = join(dir, 'ip2asn-combined.tsv');
  writeFileSync(tsvPath, tsv);
  const heapBefore = heldBytes();
  let t = performance.now();
  const intel = loadIpIntel([tsvPath]);
  const loadMs = performance.now() - t;
  const held = heldBytes() - heapBefore;
  const file = intel.files[0];
  process.stdout.write(
    `ip2asn TSV: ${(statSync(tsvPath).size / 2 ** 20).toFixed(0)} MB, ${file?.detail}; loaded in ${(loadMs / 1000).toFixed(2)} s, ${(held / 2 ** 20).toFixed(0)} MB held after load${global.gc ? '' : ' (run with node --expose-gc for an exact figure)'}\n`,
  );
  const address = newParsedAddress();
  rate('ip2asn TSV lookup (parse + binary search)', probes, (ip) => intel.lookup(parseAddress(ip, address)));
  const enricher = new NetworkEnricher(intel);
  const facts = { ip: '', asn: null as number | null, network: null as string | null };
  const enrich = (ip: string) => {
    facts.ip = ip;
    facts.asn = null;
    facts.network = null;
    enricher.enrich(facts as Parameters<NetworkEnricher['enrich']>[0]);
    return facts.asn;
  };
  rate('enrich a request, every address new (memo misses, first kind guess per AS)', probes, enrich);
  // Traffic repeats addresses: an account keeps its address for a while, a NAT serves many.
  const repeated = probes.map((_, i) => probes[(rand() % REPEATED_ADDRESSES) + (i % 7)] as string);
  rate(
    `enrich a request, ${REPEATED_ADDRESSES.toLocaleString('en-US')} distinct addresses`,
    repeated,
    enrich,
  );

  const networks: MmdbNetwork[] = [];
  for (const [start, end, asn] of v4.slice(0, MMDB_RANGES))
    for (const block of rangeToCidrs(formatIpv4(start), formatIpv4(end)))
      networks.push({
        ...block,
        record: { autonomous_system_number: asn, autonomous_system_organization: `AS${asn}-NET` },
      });
  t = performance.now();
  const mmdbPath = join(dir, 'asn.mmdb');
  writeFileSync(mmdbPath, writeMmdb(networks, { databaseType: 'Bench-ASN', buildEpoch: 0 }));
  const writeMs = performance.now() - t;
  const mmdb = loadIpIntel([mmdbPath]);
  process.stdout.write(
    `mmdb: ${networks.length.toLocaleString('en-US')} networks, ${(statSync(mmdbPath).size / 2 ** 20).toFixed(0)} MB (written in ${(writeMs / 1000).toFixed(1)} s)\n`,
  );
  const v4Probes = probes.filter((p) => !p.includes(':'));
  rate('mmdb lookup via maxmind (IPv4)', v4Probes, (ip) => mmdb.lookup(parseAddress(ip, address)));
  rate('ip2asn TSV lookup, same IPv4 addresses', v4Probes, (ip) => intel.lookup(parseAddress(ip, address)));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
