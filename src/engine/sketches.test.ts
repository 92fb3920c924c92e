import { describe, expect, it } from 'vitest';
import { ReorderBuffer } from './reorder.ts';
import { DistinctCounter, hash32, Moments, normalizedEntropy, TopK } from './sketches.ts';
import { UnionFind } from './union-find.ts';

describe('sketches', () => {
  it('TopK keeps the heavy hitters of a skewed stream', () => {
    const top = new TopK(3);
    for (let i = 0; i < 1000; i++) top.add(i % 10 < 6 ? 'a' : i % 10 < 9 ? 'b' : `rare-${i}`);
    expect(top.top(2).map((t) => t.key)).toEqual(['a', 'b']);
    expect(top.count('a')).toBe(600);
    expect(top.total).toBe(1000);
    expect(top.topShare()).toBeCloseTo(0.6);
  });

  it('DistinctCounter is exact below k and close above it', () => {
    const small = new DistinctCounter(32);
    for (let i = 0; i < 20; i++) small.add(hash32(`ip-${i % 10}`));
    expect(small.estimate()).toBe(10);
    const big = new DistinctCounter(64);
    for (let i = 0; i < 20_000; i++) big.add(hash32(`ip-${i}`));
    expect(big.estimate()).toBeGreaterThan(15_000);
    expect(big.estimate()).toBeLessThan(26_000);
  });

  it('Moments and entropy', () => {
    const m = new Moments();
    for (const x of [1, 2, 3, 4]) m.add(x);
    expect(m.mean).toBe(2.5);
    expect(m.variance()).toBeCloseTo(5 / 3);
    expect(normalizedEntropy([5, 5, 5, 5])).toBeCloseTo(1);
    expect(normalizedEntropy([9, 0, 0, 0])).toBe(0);
  });

  it('UnionFind joins sets and lists their members', () => {
    const uf = new UnionFind();
    uf.union('a', 'b');
    uf.union('c', 'd');
    expect(uf.find('a')).toBe(uf.find('b'));
    expect(uf.find('a')).not.toBe(uf.find('c'));
    uf.union('b', 'd');
    expect(uf.members('c').sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('ReorderBuffer releases events in time order within the lateness window and counts the rest', () => {
    const out: number[] = [];
    const buffer = new ReorderBuffer<{ timeMs: number }>(10);
    for (const t of [5, 1, 3, 20, 12, 2, 40]) buffer.push({ timeMs: t }, (e) => out.push(e.timeMs));
    buffer.flush((e) => out.push(e.timeMs));
    expect(out).toEqual([1, 3, 5, 2, 12, 20, 40]);
    expect(buffer.late).toBe(1);
  });
});
