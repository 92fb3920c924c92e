// A binary min-heap of event sources ordered by (nextTime, order): the k-way merge that keeps
// output in time order while each source generates lazily.

export interface EventSource<T> {
  nextTime: number;
  readonly order: number;
  emit(): T;
}

export class SourceHeap<T> {
  private items: EventSource<T>[] = [];
  // The keys sit in flat arrays beside the sources: at scale 1 the heap holds ~130k sources, and
  // comparing through the objects costs a cache miss per level on every event.
  private times = new Float64Array(1024);
  private orders = new Float64Array(1024);

  get size(): number {
    return this.items.length;
  }

  push(source: EventSource<T>): void {
    if (!(source.nextTime < Number.POSITIVE_INFINITY)) return;
    const n = this.items.length;
    if (n === this.times.length) this.grow();
    this.items.push(source);
    this.siftUp(n, source);
  }

  /** Emits from the earliest source, then restores order; undefined once every source is spent. */
  next(): T | undefined {
    const items = this.items;
    const top = items[0];
    if (!top) return undefined;
    const value = top.emit();
    if (top.nextTime < Number.POSITIVE_INFINITY) {
      this.siftDown(0, top);
      return value;
    }
    const last = items.pop() as EventSource<T>;
    if (items.length > 0) this.siftDown(0, last);
    return value;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    this.times = times;
    const orders = new Float64Array(this.orders.length * 2);
    orders.set(this.orders);
    this.orders = orders;
  }

  private siftUp(i: number, item: EventSource<T>): void {
    const { items, times, orders } = this;
    const time = item.nextTime;
    const order = item.order;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < time || (pt === time && (orders[parent] as number) < order)) break;
      items[i] = items[parent] as EventSource<T>;
      times[i] = pt;
      orders[i] = orders[parent] as number;
      i = parent;
    }
    items[i] = item;
    times[i] = time;
    orders[i] = order;
  }

  private siftDown(i: number, item: EventSource<T>): void {
    const { items, times, orders } = this;
    const n = items.length;
    const time = item.nextTime;
    const order = item.order;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let ct = times[child] as number;
      let co = orders[child] as number;
      const right = child + 1;
      if (right < n) {
        const rt = times[right] as number;
        const ro = orders[right] as number;
        if (rt < ct || (rt === ct && ro < co)) {
          child = right;
          ct = rt;
          co = ro;
        }
      }
      if (!(ct < time || (ct === time && co < order))) break;
      items[i] = items[child] as EventSource<T>;
      times[i] = ct;
      orders[i] = co;
      i = child;
    }
    items[i] = item;
    times[i] = time;
    orders[i] = order;
  }
}
