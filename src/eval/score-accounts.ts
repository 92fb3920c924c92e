// Account-level scoring: which labelled accounts an analysis flagged, as precision, recall and
// false-positive rate overall and per archetype. Accounts the analysis never wrote count as
// not flagged, so an analysis cannot improve its score by leaving accounts out.
import type { AccountVerdict, LabelRecord } from '../contract/outputs.ts';
import { rate } from './metrics.ts';

export interface Confusion {
  /** Attack accounts flagged. */
  truePositives: number;
  /** Benign accounts flagged. */
  falsePositives: number;
  /** Attack accounts not flagged (including those missing from the verdicts). */
  falseNegatives: number;
  /** Benign accounts not flagged (including those missing from the verdicts). */
  trueNegatives: number;
}

export interface ArchetypeScore {
  archetype: string;
  label: LabelRecord['label'];
  accounts: number;
  flagged: number;
  /** Accounts of this archetype absent from the verdicts. */
  missing: number;
  /** Recall for an attack archetype, false-positive rate for a benign one; null for no accounts. */
  rate: number | null;
}

export interface AccountScores {
  labelled: number;
  attack: number;
  benign: number;
  /** Labelled accounts the analysis wrote no verdict for (scored as not flagged). */
  missingVerdicts: number;
  /** Verdicts on accounts absent from the labels (not scored). */
  unlabelledVerdicts: number;
  /** Of those, how many were flagged. */
  unlabelledFlagged: number;
  confusion: Confusion;
  precision: number | null;
  recall: number | null;
  falsePositiveRate: number | null;
  /** Attack archetypes first, then benign, each alphabetical. */
  archetypes: ArchetypeScore[];
}

export interface ScoreAccountsOptions {
  /**
   * Flag by `score >= threshold` instead of the verdict's own `flagged`, to score a ranking
   * (a baseline's anomaly score) at a chosen operating point.
   */
  threshold?: number;
}

/** Indexes verdicts by account; the first verdict for an account wins, as when reading files. */
export function verdictIndex(verdicts: readonly AccountVerdict[]): Map<string, AccountVerdict> {
  const index = new Map<string, AccountVerdict>();
  for (const verdict of verdicts) if (!index.has(verdict.account_id)) index.set(verdict.account_id, verdict);
  return index;
}

/** Whether a verdict counts as flagged under the options (missing verdicts never do). */
export function isFlagged(verdict: AccountVerdict | undefined, options: ScoreAccountsOptions = {}): boolean {
  if (!verdict) return false;
  return options.threshold === undefined ? verdict.flagged : verdict.score >= options.threshold;
}

/** Scores flagged/not flagged against the labels, overall and per (label, archetype). */
export function scoreAccounts(
  labels: readonly LabelRecord[],
  verdicts: readonly AccountVerdict[],
  options: ScoreAccountsOptions = {},
): AccountScores {
  const byAccount = verdictIndex(verdicts);
  const confusion: Confusion = { truePositives: 0, falsePositives: 0, falseNegatives: 0, trueNegatives: 0 };
  const rows = new Map<string, ArchetypeScore>();
  const labelled = new Set<string>();
  let missingVerdicts = 0;
  for (const label of labels) {
    if (labelled.has(label.account_id)) continue;
    labelled.add(label.account_id);
    const verdict = byAccount.get(label.account_id);
    const flagged = isFlagged(verdict, options);
    if (!verdict) missingVerdicts += 1;
    if (label.label === 'attack') {
      if (flagged) confusion.truePositives += 1;
      else confusion.falseNegatives += 1;
    } else if (flagged) confusion.falsePositives += 1;
    else confusion.trueNegatives += 1;
    // A name shared by a benign and an attack population gives two rows, never a blended rate.
    const key = `${label.label}\u0000${label.archetype}`;
    const row = rows.get(key) ?? {
      archetype: label.archetype,
      label: label.label,
      accounts: 0,
      flagged: 0,
      missing: 0,
      rate: null,
    };
    row.accounts += 1;
    if (flagged) row.flagged += 1;
    if (!verdict) row.missing += 1;
    rows.set(key, row);
  }
  let unlabelledVerdicts = 0;
  let unlabelledFlagged = 0;
  for (const verdict of byAccount.values()) {
    if (labelled.has(verdict.account_id)) continue;
    unlabelledVerdicts += 1;
    if (isFlagged(verdict, options)) unlabelledFlagged += 1;
  }
  const archetypes = [...rows.values()]
    .map((row) => ({ ...row, rate: rate(row.flagged, row.accounts) }))
    .sort((a, b) =>
      a.label === b.label ? a.archetype.localeCompare(b.archetype) : a.label === 'attack' ? -1 : 1,
    );
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn } = confusion;
  return {
    labelled: labelled.size,
    attack: tp + fn,
    benign: fp + tn,
    missingVerdicts,
    unlabelledVerdicts,
    unlabelledFlagged,
    confusion,
    precision: rate(tp, tp + fp),
    recall: rate(tp, tp + fn),
    falsePositiveRate: rate(fp, fp + tn),
    archetypes,
  };
}
