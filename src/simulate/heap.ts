// A binary min-heap of event sources ordered by (nextTime, order): the k-way merge that keeps
// output in time order while each source generates lazily.

export interface EventSource<T> {
  nextTime: number;
  readonly order: number;
  emit(): T;
}

function before<T>(a: EventSource<T>, b: EventSource<T>): boolean {
  return a.nextTime < b.nextTime || (a.nextTime === b.nextTime && a.order < b.order);
}

export class SourceHeap<T> {
  private readonly items: EventSource<T>[] = [];

  get size(): number {
    return this.items.length;
  }

  push(source: EventSource<T>): void {
    if (!(source.nextTime < Number.POSITIVE_INFINITY)) return;
    const items = this.items;
    items.push(source);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i] as EventSource<T>, items[parent] as EventSource<T>)) break;
      [items[i], items[parent]] = [items[parent] as EventSource<T>, items[i] as EventSource<T>];
      i = parent;
    }
  }

  /** Emits from the earliest source, then restores order; undefined once every source is spent. */
  next(): T | undefined {
    const items = this.items;
    const top = items[0];
    if (!top) return undefined;
    const value = top.emit();
    if (!(top.nextTime < Number.POSITIVE_INFINITY)) {
      const last = items.pop() as EventSource<T>;
      if (items.length === 0) return value;
      items[0] = last;
    }
    this.siftDown(0);
    return value;
  }

  private siftDown(i: number): void {
    const items = this.items;
    const n = items.length;
    const item = items[i] as EventSource<T>;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && before(items[right] as EventSource<T>, items[child] as EventSource<T>)) child = right;
      if (!before(items[child] as EventSource<T>, item)) break;
      items[i] = items[child] as EventSource<T>;
      i = child;
    }
    items[i] = item;
  }
}
