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

/**
 * Probability that a random attack account scores above a random benign one (ties count half):
 * the area under the ROC curve, over the whole ranking rather than at one threshold. Labelled
 * accounts without a verdict rank last (-Infinity). Null without both attack and benign accounts.
 */
export function rocAuc(accounts: readonly ScoredAccount[]): number | null {
  const benign = accounts
    .filter((a) => a.label !== 'attack')
    .map((a) => a.score)
    .sort((a, b) => a - b);
  const attack = accounts.length - benign.length;
  if (attack === 0 || benign.length === 0) return null;
  let wins = 0;
  for (const a of accounts) {
    if (a.label !== 'attack') continue;
    const below = countBelow(benign, a.score, false);
    const tied = countBelow(benign, a.score, true) - below;
    wins += below + tied / 2;
  }
  return wins / (attack * benign.length);
}

/** How many values of ascending `sorted` are below `x` (or at most `x`, with `orEqual`). */
function countBelow(sorted: readonly number[], x: number, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] as number;
    if (v < x || (orEqual && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Benign false-positive rates at which `scoreRanking` reports recall. */
export const RANKING_BUDGETS = [0, 0.001, 0.01] as const;

export interface ScoreRanking {
  /** Recall at the most permissive threshold within each budget of `RANKING_BUDGETS`. */
  atFalsePositiveRate: (OperatingPoint & { budget: number })[];
  /** `rocAuc` of the verdicts' scores. */
  auc: number | null;
}

/**
 * How the verdicts' scores rank the labelled accounts, whatever their `flagged` says: what a
 * user who sets their own threshold (to challenge, say, rather than ban) would get.
 */
export function scoreRanking(accounts: readonly ScoredAccount[]): ScoreRanking {
  return {
    atFalsePositiveRate: RANKING_BUDGETS.map((budget) => ({
      budget,
      ...recallAtFalsePositiveRate(accounts, budget),
    })),
    auc: rocAuc(accounts),
  };
}
