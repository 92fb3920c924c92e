// The terminal summary of an analysis: what was read, what was found, how fast.
import type { AnalysisResult } from '../engine/analyze.ts';
import { formatNetworkEnrichment } from './enrichment-summary.ts';
import { accountsToWatch } from './html-data.ts';

const n = (v: number) => v.toLocaleString('en-US');

export function formatSummary(result: AnalysisResult): string {
  const { read, engine, accounts, campaigns } = result;
  const flagged = accounts.filter((a) => a.flagged).length;
  const { counters } = engine;
  const lines = [
    `read ${n(read.linesIn)} lines: ${n(read.records)} records (${n(read.byType.request)} requests), ${n(read.duplicates)} duplicates, ${n(read.rejected)} rejected`,
    `event time ${Number.isFinite(counters.firstMs) ? new Date(counters.firstMs).toISOString() : '-'} .. ${Number.isFinite(counters.lastMs) ? new Date(counters.lastMs).toISOString() : '-'}${counters.lateEvents > 0 ? `; ${n(counters.lateEvents)} events arrived too late to reorder` : ''}`,
    ...formatNetworkEnrichment(result.networkEnrichment),
    `${n(accounts.length)} accounts, ${n(engine.templates.size)} prompt templates; ${n(flagged)} accounts flagged in ${n(campaigns.length)} campaigns`,
  ];
  for (const c of campaigns.slice(0, 10)) {
    lines.push(
      `  ${c.campaign_id}  score ${c.score.toFixed(2)}  ${n(c.accounts.length)} accounts  ${n(c.requests)} requests  ${c.first_seen.slice(0, 16)} .. ${c.last_seen.slice(0, 16)}`,
    );
    for (const e of c.evidence.slice(0, 4)) lines.push(`      - ${e}`);
  }
  if (campaigns.length > 10) lines.push(`  ... and ${campaigns.length - 10} more campaigns`);
  const watch = accountsToWatch(result).length;
  if (watch > 0)
    lines.push(
      `${n(watch)} ${watch === 1 ? 'account not flagged carries' : 'accounts not flagged carry'} a pool member's traits with no pool linked: to watch (reasons in accounts.jsonl, the report's Accounts to watch)`,
    );
  const rate = result.read.records / Math.max(result.seconds, 1e-9);
  lines.push(
    `${result.seconds.toFixed(1)} s, ${n(Math.round(rate))} records/s (engine ${result.engineSeconds.toFixed(1)} s); peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
  return lines.join('\n');
}
