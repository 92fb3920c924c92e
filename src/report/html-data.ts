// The HTML report's view of an analysis: ranked campaigns with their accounts, and the raster
// and timeline data the page draws. Everything is capped so the file stays small for any run.
import type { AccountVerdict, Campaign } from '../contract/outputs.ts';
import { ACTIVITY_BUCKET_MS, type AccountState } from '../engine/account-state.ts';
import type { AnalysisResult } from '../engine/analyze.ts';

/** The report's format: 1.1.0 added the accounts to watch. */
export const REPORT_VERSION = '1.1.0';

export const REPORT_LIMITS = {
  campaigns: 50,
  accountsPerCampaign: 200,
  rasterRows: 300,
  /** Unflagged rows shown under the campaigns, so an analyst can compare with ordinary traffic. */
  contrastRows: 40,
  /** Raster columns; longer runs merge 6-hour buckets so the page stays light. */
  columns: 180,
  /** Unflagged accounts listed to watch, highest score first. */
  watch: 50,
} as const;

/** `campaigns.json` entries carry `detected_at` beyond the contract's minimum. */
export type ReportedCampaign = Campaign & { detected_at?: string };

export interface FamilyView {
  name: string;
  score: number;
  reason: string;
}

export interface CampaignView {
  rank: number;
  campaign: ReportedCampaign;
  detectedMs: number | null;
  families: FamilyView[];
  /** Verdicts of its accounts, earliest flagged first, capped. */
  accounts: AccountVerdict[];
  banned: number;
}

export interface RasterRow {
  id: string;
  template: string | null;
  banned: boolean;
  flaggedMs: number | null;
  requests: number;
  /** Column of `cells[0]`; leading and trailing empty columns are not stored. */
  offset: number;
  cells: number[];
}

export interface RasterGroup {
  label: string;
  kind: 'campaign' | 'contrast';
  /** Accounts the group stands for; `rows` may show fewer. */
  total: number;
  rows: RasterRow[];
}

export interface TimelineBar {
  id: string;
  rank: number;
  score: number;
  firstMs: number;
  lastMs: number;
  detectedMs: number | null;
  accounts: number;
  banned: number;
  /** The template most of its accounts use, so the bar shares the raster's colour. */
  template: string | null;
}

/** What the page's script draws, embedded as JSON. */
export interface ChartData {
  version: string;
  startMs: number;
  endMs: number;
  columnMs: number;
  columns: number;
  /** Cell count that gets full colour: a high percentile, so one outlier does not wash out the rest. */
  fullCell: number;
  releases: { model: string; ms: number }[];
  groups: RasterGroup[];
  timeline: TimelineBar[];
}

export interface ReportView {
  /** First and last request (null without requests). */
  trafficFirstMs: number | null;
  trafficLastMs: number | null;
  campaigns: CampaignView[];
  campaignsLeftOut: number;
  /**
   * Unflagged accounts whose verdict gives reasons (pool-member traits without a pool; not those
   * an allowlist cleared), highest score first, capped at `REPORT_LIMITS.watch`.
   */
  watch: AccountVerdict[];
  /** All such accounts, listed or not. */
  watchTotal: number;
  chart: ChartData;
}

const dominantTemplate = (a: AccountState | undefined): string | null => a?.templates.top(1)[0]?.key ?? null;

/**
 * Unflagged accounts whose verdict gives reasons, that is pool-member traits without a pool
 * (docs/engine.md#reasons), leaving out those an allowlist cleared; highest score first.
 */
export function accountsToWatch(result: AnalysisResult): AccountVerdict[] {
  return result.accounts
    .filter(
      (v) =>
        !v.flagged && v.reasons.length > 0 && result.engine.accounts.get(v.account_id)?.allowlisted !== true,
    )
    .sort((a, b) => b.score - a.score || a.account_id.localeCompare(b.account_id));
}

/** Shares `budget` rows among groups one at a time, so small campaigns are not crowded out. */
function shareRows(sizes: number[], budget: number): number[] {
  const out = sizes.map(() => 0);
  let left = budget;
  let gave = true;
  while (left > 0 && gave) {
    gave = false;
    for (let i = 0; i < sizes.length && left > 0; i++) {
      if (out[i]! < sizes[i]!) {
        out[i]! += 1;
        left -= 1;
        gave = true;
      }
    }
  }
  return out;
}

/** Up to `n` items spread evenly over the list, keeping its order (a sample that keeps the waves visible). */
function spread<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  const step = items.length / n;
  return Array.from({ length: n }, (_, i) => items[Math.floor(i * step)]!);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 1;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

interface Columns {
  firstBucket: number;
  merge: number;
  count: number;
}

function rasterRow(a: AccountState, verdict: AccountVerdict | undefined, cols: Columns): RasterRow {
  const dense = new Array<number>(cols.count).fill(0);
  for (let i = 0; i < a.activity.length; i++) {
    const n = a.activity[i]!;
    if (n === 0) continue;
    const col = Math.floor((a.activityStart + i - cols.firstBucket) / cols.merge);
    dense[Math.min(cols.count - 1, Math.max(0, col))]! += n;
  }
  let from = dense.findIndex((n) => n > 0);
  if (from < 0) from = 0;
  let to = dense.length;
  while (to > from && dense[to - 1] === 0) to -= 1;
  return {
    id: a.id,
    template: dominantTemplate(a),
    banned: a.banned,
    flaggedMs: verdict?.first_flagged_at ? Date.parse(verdict.first_flagged_at) : null,
    requests: a.requests,
    offset: from,
    cells: dense.slice(from, to),
  };
}

export function buildView(result: AnalysisResult): ReportView {
  const { engine } = result;
  const verdicts = new Map(result.accounts.map((v) => [v.account_id, v]));
  const flaggedAt = (id: string) => verdicts.get(id)?.first_flagged_at ?? '~';
  const shown: ReportedCampaign[] = result.campaigns.slice(0, REPORT_LIMITS.campaigns);

  const campaigns: CampaignView[] = shown.map((campaign, i) => {
    const state = engine.linker.campaigns.get(campaign.campaign_id);
    const detectedMs = state?.detectedMs ?? (campaign.detected_at ? Date.parse(campaign.detected_at) : null);
    const accounts = [...campaign.accounts]
      .sort((a, b) => flaggedAt(a).localeCompare(flaggedAt(b)))
      .slice(0, REPORT_LIMITS.accountsPerCampaign)
      .map((id) => verdicts.get(id))
      .filter((v): v is AccountVerdict => v !== undefined);
    return {
      rank: i + 1,
      campaign,
      detectedMs: detectedMs !== null && Number.isFinite(detectedMs) ? detectedMs : null,
      families: (state?.assessment.families ?? []).map((f) => ({
        name: f.name,
        score: f.score,
        reason: f.reason,
      })),
      accounts,
      banned: campaign.accounts.filter((id) => engine.accounts.get(id)?.banned).length,
    };
  });

  // Requests, not all events, set the span: sign-up records can date back years before the traffic.
  let firstMs = Number.POSITIVE_INFINITY;
  let lastMs = Number.NEGATIVE_INFINITY;
  for (const a of engine.accounts.values()) {
    if (a.requests === 0) continue;
    firstMs = Math.min(firstMs, a.firstMs);
    lastMs = Math.max(lastMs, a.lastMs);
  }
  const hasTime = Number.isFinite(firstMs) && Number.isFinite(lastMs);
  const firstBucket = hasTime ? Math.floor(firstMs / ACTIVITY_BUCKET_MS) : 0;
  const buckets = hasTime ? Math.floor(lastMs / ACTIVITY_BUCKET_MS) - firstBucket + 1 : 1;
  const merge = Math.ceil(buckets / REPORT_LIMITS.columns);
  const cols: Columns = { firstBucket, merge, count: Math.ceil(buckets / merge) };

  const members = campaigns.map((c) =>
    c.campaign.accounts
      .map((id) => engine.accounts.get(id))
      .filter((a): a is AccountState => a !== undefined)
      .sort((a, b) => a.firstMs - b.firstMs),
  );
  const unflagged = [...engine.accounts.values()].filter(
    (a) => a.requests > 0 && verdicts.get(a.id)?.flagged !== true,
  );
  const contrastRows = Math.min(REPORT_LIMITS.contrastRows, unflagged.length);
  const quota = shareRows(
    members.map((m) => m.length),
    REPORT_LIMITS.rasterRows - contrastRows,
  );
  const groups: RasterGroup[] = campaigns.map((c, i) => ({
    label: c.campaign.campaign_id,
    kind: 'campaign',
    total: c.campaign.accounts.length,
    rows: spread(members[i]!, quota[i]!).map((a) => rasterRow(a, verdicts.get(a.id), cols)),
  }));
  if (contrastRows > 0) {
    const busiest = unflagged.sort((a, b) => b.requests - a.requests).slice(0, contrastRows);
    groups.push({
      label: 'not flagged',
      kind: 'contrast',
      total: unflagged.length,
      rows: busiest.map((a) => rasterRow(a, verdicts.get(a.id), cols)),
    });
  }

  const timeline: TimelineBar[] = campaigns.map((c, i) => {
    const templates = new Map<string, number>();
    for (const a of members[i]!) {
      const t = dominantTemplate(a);
      if (t !== null) templates.set(t, (templates.get(t) ?? 0) + 1);
    }
    const template = [...templates.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;
    return {
      id: c.campaign.campaign_id,
      rank: c.rank,
      score: c.campaign.score,
      firstMs: Date.parse(c.campaign.first_seen),
      lastMs: Date.parse(c.campaign.last_seen),
      detectedMs: c.detectedMs,
      accounts: c.campaign.accounts.length,
      banned: c.banned,
      template,
    };
  });

  const watch = accountsToWatch(result);

  return {
    trafficFirstMs: hasTime ? firstMs : null,
    trafficLastMs: hasTime ? lastMs : null,
    campaigns,
    campaignsLeftOut: result.campaigns.length - campaigns.length,
    watch: watch.slice(0, REPORT_LIMITS.watch),
    watchTotal: watch.length,
    chart: {
      version: REPORT_VERSION,
      startMs: firstBucket * ACTIVITY_BUCKET_MS,
      endMs: (firstBucket + cols.count * merge) * ACTIVITY_BUCKET_MS,
      columnMs: merge * ACTIVITY_BUCKET_MS,
      columns: cols.count,
      fullCell: Math.max(
        1,
        percentile(
          groups.flatMap((g) => g.rows.flatMap((r) => r.cells.filter((n) => n > 0))),
          0.98,
        ),
      ),
      releases: [...engine.releases.entries()]
        .map(([model, ms]) => ({ model, ms }))
        .sort((a, b) => a.ms - b.ms),
      groups,
      timeline,
    },
  };
}
