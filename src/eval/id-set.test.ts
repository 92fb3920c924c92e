import { describe, expect, it } from 'vitest';
import { IdSet } from './id-set.ts';

describe('IdSet', () => {
  it('reports first additions and repeats, across growth', () => {
    const ids = new IdSet(4);
    let added = 0;
    for (let i = 0; i < 50_000; i += 1) if (ids.add(`req-${i}`)) added += 1;
    let repeated = 0;
    for (let i = 0; i < 50_000; i += 7) if (!ids.add(`req-${i}`)) repeated += 1;
    expect(added).toBe(50_000);
    expect(repeated).toBe(Math.ceil(50_000 / 7));
    expect(ids.size).toBe(50_000);
  });

  it('tells apart ids that differ in one character or only in order', () => {
    const ids = new IdSet();
    expect(ids.add('ab')).toBe(true);
    expect(ids.add('ba')).toBe(true);
    expect(ids.add('')).toBe(true);
    expect(ids.add('')).toBe(false);
  });
});
