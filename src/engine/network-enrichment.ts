// The enrich stage: fills a request's AS number and network kind from the user's IP
// intelligence when the input lacks them. What the input states wins (the operator's own
// enrichment knows more than a public file); `unknown` counts as not stated.
import type { ClientNetwork } from '../contract/events.ts';
import type { AsMatch, IpIntel, KindSource } from '../ingest/ip-intel/intel.ts';
import type { IntelFileSummary } from '../ingest/ip-intel/intel-file.ts';
import { newParsedAddress, parseAddress } from '../ingest/ip-intel/ip-address.ts';
import type { RequestFacts } from './facts.ts';

/** Distinct addresses remembered; the memo is emptied when full, so memory stays bounded. */
const ADDRESS_MEMO = 100_000;

export interface NetworkEnrichmentStats {
  requests: number;
  /** Requests that already had both an AS number and a kind. */
  complete: number;
  /** Requests that lacked one or both and had neither an address nor an AS to look up. */
  noAddress: number;
  /** Requests whose address is not an IPv4 or IPv6 address. */
  badAddress: number;
  /** Requests with an address that no intel file holds (or no file maps addresses at all). */
  noMatch: number;
  /** Requests that got at least one field from the intel. */
  enriched: number;
  asnFilled: number;
  networkFilled: number;
  /** Of networkFilled: kinds from the user's asn,kind file, and guessed from the AS name. */
  networkStated: number;
  networkFromName: number;
  /** Requests whose AS is known (from input or intel) but whose kind stays unknown. */
  kindUnknown: number;
}

/** The intel files used and what they filled in, for the run's summary and run.json. */
export interface NetworkEnrichmentReport {
  files: readonly IntelFileSummary[];
  counts: NetworkEnrichmentStats;
}

export function newNetworkEnrichmentStats(): NetworkEnrichmentStats {
  return {
    requests: 0,
    complete: 0,
    noAddress: 0,
    badAddress: 0,
    noMatch: 0,
    enriched: 0,
    asnFilled: 0,
    networkFilled: 0,
    networkStated: 0,
    networkFromName: 0,
    kindUnknown: 0,
  };
}

const NOT_FOUND = 'not found' as const;
const INVALID = 'invalid' as const;
type Answer = AsMatch | typeof NOT_FOUND | typeof INVALID;

export class NetworkEnricher {
  readonly stats = newNetworkEnrichmentStats();
  private readonly memo = new Map<string, Answer>();
  private readonly address = newParsedAddress();

  constructor(private readonly intel: IpIntel) {}

  report(): NetworkEnrichmentReport {
    return { files: this.intel.files, counts: this.stats };
  }

  private answer(ip: string): Answer {
    let answer = this.memo.get(ip);
    if (answer === undefined) {
      const address = parseAddress(ip, this.address);
      answer = address.version === 0 ? INVALID : (this.intel.lookup(address) ?? NOT_FOUND);
      if (this.memo.size >= ADDRESS_MEMO) this.memo.clear();
      this.memo.set(ip, answer);
    }
    return answer;
  }

  /** Fills `asn` and `network` in place where the request lacks them. */
  enrich(r: RequestFacts): void {
    const s = this.stats;
    s.requests += 1;
    const hasNetwork = r.network !== null && r.network !== 'unknown';
    if (r.asn !== null && hasNetwork) {
      s.complete += 1;
      return;
    }
    let match: AsMatch | null = null;
    if (r.ip !== null && this.intel.hasRanges) {
      const answer = this.answer(r.ip);
      if (answer === INVALID) s.badAddress += 1;
      else if (answer === NOT_FOUND) s.noMatch += 1;
      else match = answer;
    } else if (r.ip !== null && r.asn === null) s.noMatch += 1;
    else if (r.asn === null) s.noAddress += 1;
    let filled = false;
    if (r.asn === null && match) {
      r.asn = match.asn;
      s.asnFilled += 1;
      filled = true;
    }
    if (!hasNetwork && r.asn !== null) {
      // The name of the AS the request ends up with: the input's AS may differ from the file's.
      const name = match && match.asn === r.asn ? match.name : null;
      const { kind, source } = this.intel.kindOf(r.asn, name);
      if (kind !== null) {
        r.network = kind satisfies ClientNetwork;
        s.networkFilled += 1;
        countSource(s, source);
        filled = true;
      } else s.kindUnknown += 1;
    }
    if (filled) s.enriched += 1;
  }
}

function countSource(s: NetworkEnrichmentStats, source: KindSource | null): void {
  if (source === 'stated') s.networkStated += 1;
  else if (source === 'name') s.networkFromName += 1;
}
