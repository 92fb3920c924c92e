// One analysis run as a library call: read traffic through the worker pool (signals are
// computed there), replay it through the engine, and return verdicts with run figures.
import type { AccountVerdict, Campaign } from '../contract/outputs.ts';
import type { IpIntel } from '../ingest/ip-intel/intel.ts';
import { siblingModule } from '../ingest/module-url.ts';
import { newReadStats, type ReadOptions, type ReadStats, readProjected } from '../ingest/read.ts';
import { DEFAULT_ENGINE_OPTIONS, Engine, type EngineOptions } from './engine.ts';
import type { EventFacts } from './facts.ts';
import { NetworkEnricher, type NetworkEnrichmentReport } from './network-enrichment.ts';
import { accountVerdicts, campaignList } from './verdicts.ts';

export const FACTS_PROJECTOR = siblingModule('./facts.ts', import.meta.url);

export interface AnalyzeOptions extends ReadOptions {
  workers?: number;
  engine?: Partial<EngineOptions>;
  /** Fills missing `client_asn` / `client_network` from these files before the engine sees a request. */
  ipIntel?: IpIntel;
}

export interface AnalysisResult {
  engine: Engine;
  read: ReadStats;
  accounts: AccountVerdict[];
  campaigns: Campaign[];
  seconds: number;
  /** Seconds spent waiting on the readers (parse, check, signals) versus in the engine. */
  engineSeconds: number;
  /** The IP intelligence files and what they filled in; absent when none was given. */
  networkEnrichment?: NetworkEnrichmentReport;
}

export async function analyze(
  paths: readonly string[],
  options: AnalyzeOptions = {},
): Promise<AnalysisResult> {
  const started = performance.now();
  const engine = new Engine({ ...DEFAULT_ENGINE_OPTIONS, ...options.engine });
  const read = newReadStats();
  let engineMs = 0;
  const enricher = options.ipIntel ? new NetworkEnricher(options.ipIntel) : null;
  const batches = readProjected<EventFacts>(paths, { ...options, projectorUrl: FACTS_PROJECTOR }, read);
  for await (const batch of batches) {
    const t = performance.now();
    for (const event of batch) {
      if (enricher && event.type === 'request') enricher.enrich(event);
      engine.push(event);
    }
    engineMs += performance.now() - t;
  }
  const t = performance.now();
  engine.finish();
  const accounts = [...accountVerdicts(engine)];
  const campaigns = campaignList(engine);
  engineMs += performance.now() - t;
  return {
    engine,
    read,
    accounts,
    campaigns,
    seconds: (performance.now() - started) / 1000,
    engineSeconds: engineMs / 1000,
    ...(enricher ? { networkEnrichment: enricher.report() } : {}),
  };
}
