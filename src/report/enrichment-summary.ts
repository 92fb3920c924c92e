// The terminal lines about IP intelligence: each file with what it held and its malformed
// lines, then how many requests it enriched and how many it could not place.
import type { NetworkEnrichmentReport } from '../engine/network-enrichment.ts';

const n = (v: number) => v.toLocaleString('en-US');

export function formatNetworkEnrichment(report: NetworkEnrichmentReport | undefined): string[] {
  if (!report) return [];
  const c = report.counts;
  const lines = [
    `ip intel: ${n(c.enriched)} of ${n(c.requests)} requests enriched (AS number ${n(c.asnFilled)}, network kind ${n(c.networkFilled)}: ${n(c.networkStated)} stated, ${n(c.networkFromName)} from AS names); ${n(c.noMatch)} with no match, ${n(c.badAddress)} with a bad address, ${n(c.kindUnknown)} with kind unknown, ${n(c.noAddress)} without address or AS, ${n(c.complete)} already complete`,
  ];
  for (const f of report.files) {
    lines.push(`  ${f.format}  ${f.path}: ${f.detail}`);
    if (f.malformed > 0) {
      lines.push(`    ${n(f.malformed)} malformed lines skipped, first:`);
      for (const e of f.examples) lines.push(`      ${f.path}:${e.line}: ${e.reason}`);
    }
  }
  return lines;
}
