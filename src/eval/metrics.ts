// Pure scoring arithmetic shared by `eval` and the baselines: rates that stay honest on empty
// denominators, quantiles, and the two partition comparisons (purity, adjusted Rand index).

/** `numerator / denominator`, or null when nothing was there to measure (never NaN in a report). */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/**
 * Quantile `q` (0..1) of `values` by linear interpolation between order statistics (the
 * "type 7" rule of R and NumPy), so a median of an even count is the mean of the middle two.
 * Null for an empty list.
 */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile q must be within 0..1, got ${q}`);
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const lower = sorted[below]!;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return lower + (upper - lower) * (position - below);
}

/** Median, p90 and count of a list of numbers: the summary every latency in the report uses. */
export interface Distribution {
  n: number;
  median: number | null;
  p90: number | null;
  max: number | null;
}

export function distribution(values: readonly number[]): Distribution {
  return {
    n: values.length,
    median: quantile(values, 0.5),
    p90: quantile(values, 0.9),
    max: values.length > 0 ? values.reduce((a, b) => Math.max(a, b)) : null,
  };
}

/** Counts of items per (predicted cluster, true class) pair; the input to purity and ARI. */
export type Contingency = Map<string, Map<string, number>>;

/** Builds the contingency table of two labelings of the same items, matched by position. */
export function contingency(predicted: readonly string[], truth: readonly string[]): Contingency {
  if (predicted.length !== truth.length) {
    throw new RangeError(`labelings differ in length: ${predicted.length} predicted, ${truth.length} true`);
  }
  const table: Contingency = new Map();
  predicted.forEach((cluster, i) => {
    const row = table.get(cluster) ?? new Map<string, number>();
    const cls = truth[i]!;
    row.set(cls, (row.get(cls) ?? 0) + 1);
    table.set(cluster, row);
  });
  return table;
}

/**
 * Purity of `predicted` against `truth`: each predicted cluster is credited with its most common
 * true class, and purity is the credited share of all items. 1 when no cluster mixes classes;
 * null for no items. Splitting a class into many clusters does not lower it (ARI catches that).
 */
export function purity(predicted: readonly string[], truth: readonly string[]): number | null {
  let credited = 0;
  for (const row of contingency(predicted, truth).values()) credited += Math.max(...row.values());
  return rate(credited, predicted.length);
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

/**
 * Adjusted Rand index (Hubert & Arabie 1985) of two labelings of the same items: 1 for identical
 * partitions, about 0 for chance agreement, negative for worse than chance. When the index is
 * undefined (no pairs, or both labelings put everything in one cluster or everything apart),
 * the partitions are identical and it is 1, as in scikit-learn.
 */
export function adjustedRandIndex(a: readonly string[], b: readonly string[]): number {
  const table = contingency(a, b);
  let sumCells = 0;
  const columnTotals = new Map<string, number>();
  let sumRows = 0;
  for (const row of table.values()) {
    let rowTotal = 0;
    for (const [cls, n] of row) {
      sumCells += pairs(n);
      rowTotal += n;
      columnTotals.set(cls, (columnTotals.get(cls) ?? 0) + n);
    }
    sumRows += pairs(rowTotal);
  }
  let sumColumns = 0;
  for (const n of columnTotals.values()) sumColumns += pairs(n);
  const total = pairs(a.length);
  const expected = total > 0 ? (sumRows * sumColumns) / total : 0;
  const maximum = (sumRows + sumColumns) / 2;
  if (maximum === expected) return 1;
  return (sumCells - expected) / (maximum - expected);
}

/**
 * Pairwise precision and recall of a grouping: over all pairs of items, how many the
 * prediction puts together that truly belong together, and how many of those it finds.
 * Quadratic in the items; for measuring samples, not whole runs. 0 when there are no pairs.
 */
export function pairwisePrecisionRecall(
  truth: readonly string[],
  predicted: readonly string[],
): { precision: number; recall: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < truth.length; i++) {
    for (let j = i + 1; j < truth.length; j++) {
      const same = truth[i] === truth[j];
      const together = predicted[i] === predicted[j];
      if (same && together) tp++;
      else if (together) fp++;
      else if (same) fn++;
    }
  }
  return { precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1) };
}
