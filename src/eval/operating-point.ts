// Compares detectors at the same benign false-positive rate: sweeps a score threshold and finds
// the most permissive one whose false-positive rate stays within budget, and the recall there.
import type { AccountVerdict, LabelRecord } from '../contract/outputs.ts';
import { rate } from './metrics.ts';
import { verdictIndex } from './score-accounts.ts';

export interface ScoredAccount {
  label: LabelRecord['label'];
  /** Risk score; -Infinity for an account the analysis never scored, so no threshold flags it. */
  score: number;
}

export interface OperatingPoint {
  /** Flag accounts with `score >= threshold`; Infinity (null in JSON) when nothing may be flagged. */
  threshold: number;
  truePositives: number;
  falsePositives: number;
  recall: number | null;
  falsePositiveRate: number | null;
}

/** Joins labels to verdict scores; labelled accounts without a verdict get -Infinity. */
export function scoredAccounts(
  labels: readonly LabelRecord[],
  verdicts: readonly AccountVerdict[],
): ScoredAccount[] {
  const byAccount = verdictIndex(verdicts);
  return labels.map((label) => ({
    label: label.label,
    score: byAccount.get(label.account_id)?.score ?? Number.NEGATIVE_INFINITY,
  }));
}

/**
 * The lowest threshold (most recall) at which the benign false-positive rate is at most
 * `maxFalsePositiveRate`. Thresholds are taken at observed scores, so accounts with equal scores
 * are flagged together, as any real threshold would. Feed the threshold to `scoreAccounts`
 * (`{ threshold }`) for the per-archetype figures at that point.
 */
export function recallAtFalsePositiveRate(
  accounts: readonly ScoredAccount[],
  maxFalsePositiveRate: number,
): OperatingPoint {
  if (!(maxFalsePositiveRate >= 0 && maxFalsePositiveRate <= 1)) {
    throw new RangeError(`false-positive rate budget must be within 0..1, got ${maxFalsePositiveRate}`);
  }
  const attack = accounts.filter((a) => a.label === 'attack').length;
  const benign = accounts.length - attack;
  const ranked = accounts.filter((a) => Number.isFinite(a.score)).sort((a, b) => b.score - a.score);
  let best: OperatingPoint = {
    threshold: Number.POSITIVE_INFINITY,
    truePositives: 0,
    falsePositives: 0,
    recall: rate(0, attack),
    falsePositiveRate: rate(0, benign),
  };
  let tp = 0;
  let fp = 0;
  let i = 0;
  while (i < ranked.length) {
    const threshold = ranked[i]!.score;
    for (; i < ranked.length && ranked[i]!.score === threshold; i += 1) {
      if (ranked[i]!.label === 'attack') tp += 1;
      else fp += 1;
    }
    // False positives only grow as the threshold falls, so the first breach ends the sweep.
    if (benign > 0 && fp / benign > maxFalsePositiveRate) break;
    best = {
      threshold,
      truePositives: tp,
      falsePositives: fp,
      recall: rate(tp, attack),
      falsePositiveRate: rate(fp, benign),
    };
  }
  return best;
}
