import { describe, expect, it } from 'vitest';
import { ReorderBuffer } from './reorder.ts';
import {
  DistinctCounter,
  HourWindow,
  hash32,
  Moments,
  normalizedEntropy,
  popcount,
  TopK,
  WINDOW_HOURS,
} from './sketches.ts';
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

  it('HourWindow keeps the busy hours of the last 128 and lines masks up by hour', () => {
    const H = 3_600_000;
    const base = 500_000 * H;
    const hours = (w: HourWindow, now: number) => {
      const out = new Uint32Array(WINDOW_HOURS / 32);
      w.orInto(out, now);
      const set: number[] = [];
      for (let h = now - WINDOW_HOURS + 1; h <= now; h++) {
        const i = h % WINDOW_HOURS;
        if (out[i >>> 5]! & (1 << (i & 31))) set.push(h - 500_000);
      }
      return { set, count: popcount(out) };
    };
    const w = new HourWindow();
    for (const h of [0, 0.5, 3, 10, 200]) w.add(base + h * H);
    // Hour 200 pushed hours 0-72 out of the window; a late event inside the window still counts.
    w.add(base + 100 * H);
    expect(hours(w, 500_200)).toEqual({ set: [100, 200], count: 2 });
    // Read later, hours that slid out are gone though their bits were never overwritten.
    expect(hours(w, 500_300).set).toEqual([200]);
    expect(hours(w, 500_400).set).toEqual([]);
    const other = new HourWindow();
    other.add(base + 3 * H);
    other.add(base + 5 * H);
    const both = new Uint32Array(WINDOW_HOURS / 32);
    const early = new HourWindow();
    early.add(base + 3 * H);
    early.orInto(both, 500_010);
    other.orInto(both, 500_010);
    expect(popcount(both)).toBe(2);
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
