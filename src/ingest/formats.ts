// The registry of input formats and auto-detection: the adapter that recognises most of a
// source's first items wins; `--format` overrides.
import type { Adapter } from './adapter.ts';
import { canonicalAdapter } from './canonical.ts';
import { gatewayAdapter } from './gateway.ts';
import { litellmAdapter } from './litellm.ts';
import { otelTracesAdapter } from './otel.ts';

/** Every adapter, most specific first: the first with the most hits wins a tie. */
export const ADAPTERS: readonly Adapter[] = [
  canonicalAdapter,
  otelTracesAdapter,
  litellmAdapter,
  gatewayAdapter,
];

export function adapterByName(name: string): Adapter | undefined {
  return ADAPTERS.find((a) => a.format === name);
}

export function formatNames(): string[] {
  return ADAPTERS.map((a) => a.format);
}

/** Picks the adapter that recognises most of the sample; canonical when nothing is recognised. */
export function detectAdapter(sample: readonly unknown[]): Adapter {
  let best: Adapter = canonicalAdapter;
  let bestHits = 0;
  for (const adapter of ADAPTERS) {
    let hits = 0;
    for (const item of sample) if (adapter.sniff(item)) hits += 1;
    if (hits > bestHits) {
      best = adapter;
      bestHits = hits;
    }
  }
  return best;
}
