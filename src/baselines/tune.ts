// Tuning a baseline the fair way: on a separate labelled seed, pick the setting with the most
// attack recall whose benign false-positive rate stays within a budget, then apply that setting
// unchanged to the evaluation seed.
import type { LabelRecord } from '../contract/outputs.ts';
import { recallAtFalsePositiveRate, scoreAccounts, scoredAccounts } from '../eval/index.ts';
import { ANOMALY_METHODS, type AnomalyMethod, anomalyScores, anomalyVerdicts } from './anomaly.ts';
import type { TrafficProfile } from './profile.ts';
import { type BaselineMethod, type BaselineSetting, runBaseline } from './run.ts';

/** One benign account in a thousand: about what an operator tolerates before users complain. */
export const DEFAULT_MAX_FALSE_POSITIVE_RATE = 0.001;

export interface TuningOptions {
  maxFalsePositiveRate?: number;
  /** Anomaly methods to try (default all); each gets its own best threshold. */
  anomalyMethods?: readonly AnomalyMethod[];
  /** Isolation forest seed. */
  seed?: number;
}

export interface TuningCandidate {
  baseline: BaselineSetting;
  recall: number | null;
  falsePositiveRate: number | null;
  truePositives: number;
  falsePositives: number;
  withinBudget: boolean;
}

export interface TunedBaseline {
  method: BaselineMethod;
  maxFalsePositiveRate: number;
  /** The chosen setting; null when no candidate keeps within the budget. */
  best: BaselineSetting | null;
  /** Every setting tried, with its figures on the tuning seed. */
  candidates: TuningCandidate[];
}

function candidate(
  labels: readonly LabelRecord[],
  profile: TrafficProfile,
  baseline: BaselineSetting,
  budget: number,
): TuningCandidate {
  const scores = scoreAccounts(labels, runBaseline(profile, baseline));
  return {
    baseline,
    recall: scores.recall,
    falsePositiveRate: scores.falsePositiveRate,
    truePositives: scores.confusion.truePositives,
    falsePositives: scores.confusion.falsePositives,
    withinBudget: (scores.falsePositiveRate ?? 0) <= budget,
  };
}

// For each method the scores are computed once and the threshold swept over them: the lowest
// threshold within budget. A method that cannot flag anything in budget gets threshold 1,
// which no score reaches (every score is below 1).
function anomalyCandidates(
  labels: readonly LabelRecord[],
  profile: TrafficProfile,
  options: TuningOptions,
  budget: number,
): TuningCandidate[] {
  const seed = options.seed ?? 1;
  return (options.anomalyMethods ?? ANOMALY_METHODS).map((method) => {
    const scores = anomalyScores(profile.accounts, method, seed);
    const probe = anomalyVerdicts(
      profile.accounts,
      { name: method, method, threshold: 1, seed },
      profile.endMs,
      scores,
    );
    const point = recallAtFalsePositiveRate(scoredAccounts(labels, probe), budget);
    const threshold = Number.isFinite(point.threshold) ? point.threshold : 1;
    return candidate(
      labels,
      profile,
      {
        method: 'anomaly',
        setting: { name: `${method}:${threshold}`, method, threshold, seed },
      },
      budget,
    );
  });
}

/** True when a beats b: more recall, then fewer false positives; earlier candidates win ties. */
function better(a: TuningCandidate, b: TuningCandidate): boolean {
  const recallA = a.recall ?? 0;
  const recallB = b.recall ?? 0;
  if (recallA !== recallB) return recallA > recallB;
  return a.falsePositives < b.falsePositives;
}

/**
 * Picks the method's best setting on a labelled tuning profile. Rate limits: every setting the
 * profile was replayed with. Anomaly: each method at its best threshold.
 */
export function tuneBaseline(
  method: BaselineMethod,
  profile: TrafficProfile,
  labels: readonly LabelRecord[],
  options: TuningOptions = {},
): TunedBaseline {
  const budget = options.maxFalsePositiveRate ?? DEFAULT_MAX_FALSE_POSITIVE_RATE;
  if (!(budget >= 0 && budget <= 1))
    throw new RangeError(`false-positive budget must be within 0..1, got ${budget}`);
  const candidates =
    method === 'anomaly'
      ? anomalyCandidates(labels, profile, options, budget)
      : profile.rateLimitSettings.map((setting) =>
          candidate(labels, profile, { method: 'rate-limit', setting }, budget),
        );
  let best: TuningCandidate | null = null;
  for (const c of candidates) if (c.withinBudget && (best === null || better(c, best))) best = c;
  return { method, maxFalsePositiveRate: budget, best: best?.baseline ?? null, candidates };
}
