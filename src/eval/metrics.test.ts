import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, contingency, distribution, purity, quantile, rate } from './metrics.ts';

describe('rate', () => {
  it('is null, not NaN, on an empty denominator', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(1, 4)).toBe(0.25);
  });
});

describe('quantile', () => {
  it('interpolates between order statistics (type 7)', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 12);
    expect(quantile([5], 0.9)).toBe(5);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('rejects a q outside 0..1', () => {
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });

  it('summarises a distribution', () => {
    expect(distribution([0, 2, 3])).toEqual({ n: 3, median: 2, p90: 2.8, max: 3 });
    expect(distribution([])).toEqual({ n: 0, median: null, p90: null, max: null });
  });
});

describe('purity', () => {
  it('credits each predicted cluster with its majority class', () => {
    // A = {x, x, y}, B = {y, y}, C = {z}: credited 2 + 2 + 1 of 6.
    expect(purity(['A', 'A', 'A', 'B', 'B', 'C'], ['x', 'x', 'y', 'y', 'y', 'z'])).toBeCloseTo(5 / 6, 12);
  });

  it('is 1 for singletons and null for nothing', () => {
    expect(purity(['a', 'b', 'c'], ['x', 'x', 'x'])).toBe(1);
    expect(purity([], [])).toBeNull();
  });

  it('refuses labelings of different lengths', () => {
    expect(() => contingency(['a'], ['x', 'y'])).toThrow(RangeError);
  });
});

describe('adjustedRandIndex', () => {
  it('matches hand-computed values on known partitions', () => {
    expect(adjustedRandIndex(['0', '0', '1', '1'], ['a', 'a', 'b', 'b'])).toBe(1);
    // Pairs agreeing 1, row pairs 1, column pairs 2, of 6: (1 - 1/3) / (1.5 - 1/3) = 4/7.
    expect(adjustedRandIndex(['0', '0', '1', '2'], ['0', '0', '1', '1'])).toBeCloseTo(4 / 7, 12);
    // No agreeing pair: (0 - 2/3) / (2 - 2/3) = -1/2.
    expect(adjustedRandIndex(['0', '0', '1', '1'], ['0', '1', '0', '1'])).toBeCloseTo(-0.5, 12);
    // Agreeing 2, rows 4, columns 4, of 15: (2 - 16/15) / (4 - 16/15) = 7/22.
    expect(adjustedRandIndex(['A', 'A', 'A', 'B', 'B', 'C'], ['x', 'x', 'y', 'y', 'y', 'z'])).toBeCloseTo(
      7 / 22,
      12,
    );
  });

  it('is 1 in the degenerate cases where both partitions are trivially equal', () => {
    expect(adjustedRandIndex(['a', 'a', 'a'], ['x', 'x', 'x'])).toBe(1);
    expect(adjustedRandIndex(['a', 'b', 'c'], ['x', 'y', 'z'])).toBe(1);
    expect(adjustedRandIndex(['a'], ['x'])).toBe(1);
  });

  const pairsOfLabels = fc.array(
    fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom('w', 'x', 'y', 'z')),
    {
      minLength: 2,
      maxLength: 40,
    },
  );

  it('is symmetric, 1 on itself, blind to cluster names and at most 1', () => {
    fc.assert(
      fc.property(pairsOfLabels, (items) => {
        const a = items.map(([left]) => left);
        const b = items.map(([, right]) => right);
        const ab = adjustedRandIndex(a, b);
        expect(ab).toBeCloseTo(adjustedRandIndex(b, a), 9);
        expect(ab).toBeLessThanOrEqual(1 + 1e-12);
        expect(adjustedRandIndex(a, a)).toBe(1);
        expect(
          adjustedRandIndex(
            a.map((x) => `renamed-${x}`),
            b,
          ),
        ).toBeCloseTo(ab, 12);
      }),
    );
  });
});

describe('pairwisePrecisionRecall', () => {
  it('counts pairs put together rightly and wrongly, by hand', async () => {
    const { pairwisePrecisionRecall } = await import('./metrics.ts');
    // truth pairs: (0,1), (2,3); predicted pairs: (0,1), (1,2), (0,2) → tp 1, fp 2, fn 1.
    expect(pairwisePrecisionRecall(['a', 'a', 'b', 'b'], ['x', 'x', 'x', 'y'])).toEqual({
      precision: 1 / 3,
      recall: 1 / 2,
    });
    expect(pairwisePrecisionRecall(['a'], ['x'])).toEqual({ precision: 0, recall: 0 });
  });
});
