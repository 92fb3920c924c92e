// Network infrastructure: addresses drawn from the scenario's networks (prefix, ASN, kind,
// country) and client software (user agent with its matching TLS fingerprint).
import type { Rng } from './rng.ts';
import { WeightedTable } from './rng.ts';
import type { Scenario } from './scenario.ts';

export interface NetworkInfo {
  name: string;
  kind: string;
  asn: number;
  country: string;
  /** Parsed prefixes: first address as an unsigned int and the number of addresses. */
  blocks: ReadonlyArray<readonly [number, number]>;
}

/** One address as it appears on a request: the enrichment fields travel with it. */
export interface Address {
  ip: string;
  asn: number;
  network: string;
  country: string;
}

function parsePrefix(prefix: string): readonly [number, number] {
  const [addr, bits] = prefix.split('/') as [string, string];
  const octets = addr.split('.').map(Number);
  const base =
    (((octets[0] ?? 0) << 24) | ((octets[1] ?? 0) << 16) | ((octets[2] ?? 0) << 8) | (octets[3] ?? 0)) >>> 0;
  const size = 2 ** (32 - Number(bits));
  return [base, size];
}

export function compileNetworks(scenario: Scenario): NetworkInfo[] {
  return scenario.networks.map((n) => ({
    name: n.name,
    kind: n.kind,
    asn: n.asn,
    country: n.country,
    blocks: n.prefixes.map(parsePrefix),
  }));
}

/** A random host address inside one of the network's prefixes (never .0 or .255). */
export function addressIn(network: NetworkInfo, rng: Rng): Address {
  const [base, size] = rng.pick(network.blocks);
  let n = (base + (rng.nextU32() % size)) >>> 0;
  const last = n & 255;
  if (last === 0 || last === 255) n = ((n & ~255) | (1 + (rng.nextU32() % 254))) >>> 0;
  return {
    ip: `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`,
    asn: network.asn,
    network: network.kind,
    country: network.country,
  };
}

/**
 * Picks networks for one population: by country first (the population's weights), then among
 * that country's allowed networks, falling back to any allowed network when the country has none.
 */
export class NetworkChooser {
  private readonly countries: WeightedTable<string>;
  private readonly byCountry = new Map<string, WeightedTable<NetworkInfo>>();
  private readonly anyAllowed: WeightedTable<NetworkInfo>;

  constructor(
    networks: readonly NetworkInfo[],
    allowed: Record<string, number>,
    countries: Record<string, number>,
    weights: ReadonlyMap<string, number>,
  ) {
    const entries: [NetworkInfo, number][] = [];
    for (const n of networks) {
      const share = allowed[n.name] ?? allowed[n.kind];
      if (share !== undefined && share > 0) entries.push([n, share * (weights.get(n.name) ?? 1)]);
    }
    if (entries.length === 0) throw new Error(`no network matches ${Object.keys(allowed).join(', ')}`);
    this.anyAllowed = new WeightedTable(entries);
    this.countries = new WeightedTable(Object.entries(countries));
    for (const country of Object.keys(countries)) {
      const local = entries.filter(([n]) => n.country === country);
      if (local.length > 0) this.byCountry.set(country, new WeightedTable(local));
    }
  }

  pick(rng: Rng): NetworkInfo {
    const country = this.countries.pick(rng);
    return (this.byCountry.get(country) ?? this.anyAllowed).pick(rng);
  }

  /** A network in this country when the population has one there, else as `pick`. */
  pickIn(country: string, rng: Rng): NetworkInfo {
    const local = this.byCountry.get(country);
    return local ? local.pick(rng) : this.pick(rng);
  }

  address(rng: Rng): Address {
    return addressIn(this.pick(rng), rng);
  }
}

export interface ClientIdentity {
  userAgent: string;
  tls: string;
}

/** Client software choices for a population; an account keeps one UA and its TLS fingerprint. */
export class ClientChooser {
  private readonly table: WeightedTable<Scenario['clients'][number]>;

  constructor(scenario: Scenario, weights: Record<string, number>) {
    const byName = new Map(scenario.clients.map((c) => [c.name, c]));
    this.table = new WeightedTable(
      Object.entries(weights).map(
        ([name, w]) => [byName.get(name) as Scenario['clients'][number], w] as const,
      ),
    );
  }

  pick(rng: Rng): ClientIdentity {
    const client = this.table.pick(rng);
    const i = rng.int(0, client.userAgents.length - 1);
    // The TLS stack follows the library version, so the pair stays consistent per account.
    return { userAgent: client.userAgents[i] as string, tls: client.tls[i % client.tls.length] as string };
  }
}
