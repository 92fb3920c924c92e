// A compact isolation forest (Liu, Ting & Zhou, 2008): random axis-aligned splits isolate
// outliers in few steps, so a short mean path length over many trees means anomalous.
// Seeded, so the same rows and seed always give the same scores.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export interface IsolationForestOptions {
  trees?: number;
  /** Rows per tree (ψ); 256 is the paper's default and rarely worth changing. */
  sampleSize?: number;
  seed?: number;
}

type IsolationNode =
  | { leaf: true; size: number }
  | { leaf: false; feature: number; split: number; below: IsolationNode; above: IsolationNode };

const EULER_GAMMA = 0.5772156649;

/** Average path length of an unsuccessful binary-search-tree search over n rows: c(n). */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + EULER_GAMMA) - (2 * (n - 1)) / n;
}

function unitFloat(rng: RandomGenerator): number {
  return (rng.next() >>> 0) / 4294967296;
}

function buildTree(
  rows: readonly ArrayLike<number>[],
  indices: number[],
  depth: number,
  maxDepth: number,
  rng: RandomGenerator,
): IsolationNode {
  if (depth >= maxDepth || indices.length <= 1) return { leaf: true, size: indices.length };
  const width = rows[indices[0]!]!.length;
  // Only features that still vary in this node can split it.
  const candidates: { feature: number; min: number; max: number }[] = [];
  for (let feature = 0; feature < width; feature++) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const i of indices) {
      const v = rows[i]![feature]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (max > min) candidates.push({ feature, min, max });
  }
  if (candidates.length === 0) return { leaf: true, size: indices.length };
  const { feature, min, max } = candidates[uniformInt(rng, 0, candidates.length - 1)]!;
  const split = min + unitFloat(rng) * (max - min);
  const below = indices.filter((i) => rows[i]![feature]! < split);
  const above = indices.filter((i) => rows[i]![feature]! >= split);
  return {
    leaf: false,
    feature,
    split,
    below: buildTree(rows, below, depth + 1, maxDepth, rng),
    above: buildTree(rows, above, depth + 1, maxDepth, rng),
  };
}

function pathLength(node: IsolationNode, row: ArrayLike<number>, depth: number): number {
  if (node.leaf) return depth + averagePathLength(node.size);
  return pathLength(row[node.feature]! < node.split ? node.below : node.above, row, depth + 1);
}

/** Anomaly score 2^(−E[h(x)] / c(ψ)) per row: near 1 for outliers, about 0.5 or less for the rest. */
export function isolationForestScores(
  rows: readonly ArrayLike<number>[],
  options: IsolationForestOptions = {},
): Float64Array {
  const n = rows.length;
  const scores = new Float64Array(n);
  if (n < 2) return scores;
  const trees = options.trees ?? 100;
  const sampleSize = Math.min(options.sampleSize ?? 256, n);
  const maxDepth = Math.ceil(Math.log2(sampleSize));
  const rng = xoroshiro128plus(options.seed ?? 1);
  const all = Array.from({ length: n }, (_, i) => i);
  const forest: IsolationNode[] = [];
  for (let t = 0; t < trees; t++) {
    // Partial Fisher-Yates: the first sampleSize slots become a sample without replacement.
    for (let i = 0; i < sampleSize; i++) {
      const j = uniformInt(rng, i, n - 1);
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
    forest.push(buildTree(rows, all.slice(0, sampleSize), 0, maxDepth, rng));
  }
  const norm = averagePathLength(sampleSize);
  for (let r = 0; r < n; r++) {
    let total = 0;
    for (const tree of forest) total += pathLength(tree, rows[r]!, 0);
    scores[r] = 2 ** (-(total / trees) / norm);
  }
  return scores;
}
