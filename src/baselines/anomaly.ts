// The `anomaly` baseline: a per-account anomaly score on behaviour features, the other thing
// operators run today. Counts are log-scaled; each account is scored by robust z-scores against
// the population (the largest, or the root-mean-square) or by an isolation forest.

import type { AccountVerdict } from '../contract/outputs.ts';
import type { Checked } from '../contract/validate.ts';
import type { AccountFeatures } from './features.ts';
import { isolationForestScores } from './isolation-forest.ts';
import { combineZ, type RobustScale, robustScale, robustZ } from './robust-z.ts';

export const ANOMALY_METHODS = ['robust-max', 'robust-rms', 'iforest'] as const;
export type AnomalyMethod = (typeof ANOMALY_METHODS)[number];

export interface AnomalySetting {
  name: string;
  method: AnomalyMethod;
  /** Flag accounts whose score is at least this (0..1). */
  threshold: number;
  /** Isolation forest seed; the same seed gives the same scores. */
  seed?: number;
}

/** Robust z at which the score is 0.5: Iglewicz & Hoaglin's usual outlier cut-off. */
export const Z_AT_HALF = 3.5;

/** Default operating points before tuning: z ≥ 3.5 for the max, rms z ≥ 2, forest score ≥ 0.6. */
export const ANOMALY_SETTINGS: readonly AnomalySetting[] = [
  { name: 'robust-max', method: 'robust-max', threshold: 0.5 },
  { name: 'robust-rms', method: 'robust-rms', threshold: 2 / (2 + Z_AT_HALF) },
  { name: 'iforest', method: 'iforest', threshold: 0.6, seed: 1 },
];

interface FeatureColumn {
  label: string;
  value(features: AccountFeatures): number | null;
  /** How to print the raw value in a reason. */
  show(features: AccountFeatures): string;
}

const count = (x: number) => Math.round(x).toLocaleString('en-US');
const share = (x: number) => `${Math.round(x * 100)}%`;

// Counts and sizes span orders of magnitude, so they are compared on a log scale.
export const ANOMALY_FEATURES: readonly FeatureColumn[] = [
  { label: 'requests', value: (f) => Math.log1p(f.requests), show: (f) => count(f.requests) },
  {
    label: 'requests per active day',
    value: (f) => Math.log1p(f.requestsPerActiveDay),
    show: (f) => count(f.requestsPerActiveDay),
  },
  {
    label: 'peak requests per hour',
    value: (f) => Math.log1p(f.peakHourRequests),
    show: (f) => count(f.peakHourRequests),
  },
  {
    label: 'input tokens per request',
    value: (f) => Math.log1p(f.inputTokensPerRequest),
    show: (f) => count(f.inputTokensPerRequest),
  },
  {
    label: 'output tokens per request',
    value: (f) => Math.log1p(f.outputTokensPerRequest),
    show: (f) => count(f.outputTokensPerRequest),
  },
  {
    label: 'distinct client IPs',
    value: (f) => Math.log1p(f.distinctIps),
    show: (f) => count(f.distinctIps),
  },
  { label: 'datacenter share', value: (f) => f.datacenterShare, show: (f) => share(f.datacenterShare) },
  { label: 'consumer network share', value: (f) => f.consumerShare, show: (f) => share(f.consumerShare) },
  { label: 'hour-of-day spread', value: (f) => f.hourOfDaySpread, show: (f) => f.hourOfDaySpread.toFixed(2) },
  { label: 'max_tokens ≥ 16k share', value: (f) => f.longOutputShare, show: (f) => share(f.longOutputShare) },
  { label: 'mean turn', value: (f) => Math.log1p(f.meanTurn), show: (f) => f.meanTurn.toFixed(1) },
  { label: 'tool use share', value: (f) => f.toolUseShare, show: (f) => share(f.toolUseShare) },
  {
    label: 'account age at first request (days)',
    value: (f) => (f.accountAgeDays === null ? null : Math.log1p(f.accountAgeDays)),
    show: (f) => (f.accountAgeDays === null ? 'unknown' : f.accountAgeDays.toFixed(1)),
  },
];

const REASONS_PER_ACCOUNT = 3;

export interface AnomalyScore {
  accountId: string;
  /** 0..1; 0 for accounts without requests, which are not scored against the population. */
  score: number;
  reasons: string[];
}

/** Scores every account under the method; the threshold plays no part, so one run serves a sweep. */
export function anomalyScores(
  accounts: readonly AccountFeatures[],
  method: AnomalyMethod,
  seed = 1,
): AnomalyScore[] {
  const active = accounts.filter((f) => f.requests > 0);
  const columns = ANOMALY_FEATURES.map((column) => active.map((f) => column.value(f)));
  const scales: RobustScale[] = columns.map((values) =>
    robustScale(values.filter((v): v is number => v !== null)),
  );
  // A missing value (no account record) sits at the column's median: it says nothing either way.
  const rows = active.map((_, r) =>
    Float64Array.from(columns, (values, c) => values[r] ?? scales[c]!.centre),
  );
  const zs = rows.map((row) => Float64Array.from(row, (v, c) => robustZ(v, scales[c]!)));
  const forest = method === 'iforest' ? isolationForestScores(rows, { seed }) : null;
  const byAccount = new Map<string, AnomalyScore>();
  active.forEach((features, r) => {
    const z = zs[r]!;
    const combined = forest ? forest[r]! : combineZ(z, method === 'robust-max' ? 'max' : 'rms');
    byAccount.set(features.accountId, {
      accountId: features.accountId,
      score: forest ? combined : combined / (combined + Z_AT_HALF),
      reasons: topReasons(features, z),
    });
  });
  return accounts.map((f) => byAccount.get(f.accountId) ?? { accountId: f.accountId, score: 0, reasons: [] });
}

function topReasons(features: AccountFeatures, z: Float64Array): string[] {
  return [...z.keys()]
    .filter((c) => Math.abs(z[c]!) >= 1)
    .sort((a, b) => Math.abs(z[b]!) - Math.abs(z[a]!))
    .slice(0, REASONS_PER_ACCOUNT)
    .map((c) => {
      const column = ANOMALY_FEATURES[c]!;
      const direction = z[c]! > 0 ? 'high' : 'low';
      return `${direction} ${column.label}: ${column.show(features)} (robust z ${z[c]!.toFixed(1)})`;
    });
}

/**
 * One verdict per account. The score needs the whole population, so the verdict is reached at
 * the end of the run: `first_flagged_at` is the latest event time seen (`endMs`).
 */
export function anomalyVerdicts(
  accounts: readonly AccountFeatures[],
  setting: AnomalySetting,
  endMs: number,
  scores: readonly AnomalyScore[] = anomalyScores(accounts, setting.method, setting.seed),
): AccountVerdict[] {
  const end = Number.isNaN(endMs) ? null : new Date(endMs).toISOString();
  return scores.map(({ accountId, score, reasons }) => {
    const flagged = score >= setting.threshold;
    return {
      account_id: accountId,
      flagged,
      score,
      campaign_id: null,
      first_flagged_at: flagged ? end : null,
      reasons: flagged ? [`${setting.method} anomaly score ${score.toFixed(3)}`, ...reasons] : reasons,
    };
  });
}

/** A method name, optionally with a score threshold: `robust-max`, `iforest:0.62`. */
export function parseAnomalySetting(text: string): Checked<AnomalySetting> {
  const [method, thresholdText, ...rest] = text.split(':');
  const base = ANOMALY_SETTINGS.find((s) => s.method === method);
  if (!base || rest.length > 0) {
    return {
      ok: false,
      reason: `unknown anomaly setting "${text}"; use ${ANOMALY_METHODS.join(', ')}, optionally :THRESHOLD (0..1)`,
    };
  }
  if (thresholdText === undefined) return { ok: true, value: base };
  const threshold = Number(thresholdText);
  if (thresholdText.trim() === '' || !(threshold >= 0 && threshold <= 1))
    return { ok: false, reason: `anomaly threshold must be within 0..1, got "${thresholdText}"` };
  return { ok: true, value: { ...base, name: text, threshold } };
}
