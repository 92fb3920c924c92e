import { describe, expect, it } from 'vitest';
import { type EventSource, SourceHeap } from './heap.ts';
import { Rng } from './rng.ts';

class Ticker implements EventSource<[number, number]> {
  constructor(
    public nextTime: number,
    readonly order: number,
    private left: number,
    private readonly step: () => number,
  ) {}

  emit(): [number, number] {
    const event: [number, number] = [this.nextTime, this.order];
    this.nextTime = --this.left > 0 ? this.nextTime + this.step() : Number.POSITIVE_INFINITY;
    return event;
  }
}

describe('SourceHeap', () => {
  it('merges sources by time, ties broken by order, until every source is spent', () => {
    const rng = new Rng(5, 1);
    const heap = new SourceHeap<[number, number]>();
    let expected = 0;
    // Whole-number steps make equal times common, so the tie-break is exercised.
    for (let order = 0; order < 3000; order++) {
      const left = rng.int(1, 20);
      expected += left;
      heap.push(new Ticker(rng.int(0, 50), order, left, () => rng.int(0, 3)));
    }
    const seen: [number, number][] = [];
    for (let e = heap.next(); e !== undefined; e = heap.next()) seen.push(e);
    expect(seen).toHaveLength(expected);
    for (let i = 1; i < seen.length; i++) {
      const [t0, o0] = seen[i - 1] as [number, number];
      const [t1, o1] = seen[i] as [number, number];
      // A source may emit twice at one time (a zero step), so orders only never go back.
      expect(t1 > t0 || (t1 === t0 && o1 >= o0)).toBe(true);
    }
    expect(heap.size).toBe(0);
  });
});
