import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../contract/events.ts';
import { loadIpIntel } from '../ingest/ip-intel/intel.ts';
import { type RequestFacts, requestFacts } from './facts.ts';
import { NetworkEnricher } from './network-enrichment.ts';

const fixtures = join(import.meta.dirname, '..', 'ingest', 'ip-intel', 'fixtures');
const intel = loadIpIntel([join(fixtures, 'ip2asn-excerpt.tsv'), join(fixtures, 'asn-kinds.csv')]);

let id = 0;
function facts(client: Partial<RequestRecord>): RequestFacts {
  return requestFacts({
    type: 'request',
    time: '2026-02-01T00:00:00.000Z',
    request_id: `r${id++}`,
    account_id: 'acct',
    model: 'helix-4',
    prompt: 'hello',
    ...client,
  });
}

function enriched(client: Partial<RequestRecord>, enricher = new NetworkEnricher(intel)) {
  const r = facts(client);
  enricher.enrich(r);
  return { asn: r.asn, network: r.network };
}

describe('filling client_asn and client_network from IP intelligence', () => {
  it('fills both from the address: AS from the ranges, kind stated or guessed from the name', () => {
    expect(enriched({ client_ip: '3.3.3.3' })).toEqual({ asn: 16509, network: 'datacenter' });
    expect(enriched({ client_ip: '73.9.9.9' })).toEqual({ asn: 7922, network: 'residential' });
    expect(enriched({ client_ip: '2a01:4f8::1' })).toEqual({ asn: 24940, network: 'datacenter' });
    expect(enriched({ client_ip: '172.56.0.1' })).toEqual({ asn: 21928, network: 'mobile' });
  });

  it('keeps what the input states: its AS and its kind win over the files', () => {
    expect(enriched({ client_ip: '3.3.3.3', client_asn: 64512, client_network: 'business' })).toEqual({
      asn: 64512,
      network: 'business',
    });
    // The input's AS wins, and the kind is that AS's (stated datacenter), not the address's.
    expect(enriched({ client_ip: '73.9.9.9', client_asn: 64512 })).toEqual({
      asn: 64512,
      network: 'datacenter',
    });
    expect(enriched({ client_ip: '3.3.3.3', client_network: 'education' })).toEqual({
      asn: 16509,
      network: 'education',
    });
  });

  it('reads `unknown` in the input as not stated', () => {
    expect(enriched({ client_ip: '3.3.3.3', client_network: 'unknown' })).toEqual({
      asn: 16509,
      network: 'datacenter',
    });
  });

  it('fills the kind of an AS given without an address', () => {
    expect(enriched({ client_asn: 13335 })).toEqual({ asn: 13335, network: 'business' });
  });

  it('leaves unknown what no file knows, and counts every outcome', () => {
    const enricher = new NetworkEnricher(intel);
    const cases: Partial<RequestRecord>[] = [
      { client_ip: '3.3.3.3' },
      { client_ip: '3.3.3.3' },
      { client_ip: '9.9.9.9' },
      { client_ip: '1.0.2.1' },
      { client_ip: 'not-an-ip' },
      { client_ip: '8.8.8.8' },
      { client_ip: '73.1.1.1', client_asn: 7922, client_network: 'residential' },
      {},
    ];
    const out = cases.map((c) => enriched(c, enricher));
    expect(out[2]).toEqual({ asn: null, network: null });
    expect(out[5]).toEqual({ asn: 15169, network: null });
    expect(enricher.stats).toEqual({
      requests: 8,
      complete: 1,
      noAddress: 1,
      badAddress: 1,
      noMatch: 2,
      enriched: 3,
      asnFilled: 3,
      networkFilled: 2,
      networkStated: 0,
      networkFromName: 2,
      kindUnknown: 1,
    });
  });
});
