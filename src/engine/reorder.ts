// Puts events back in time order within a lateness window: input may arrive out of order
// (shards, retries), but the engine must see event time move forward.

export class ReorderBuffer<T extends { timeMs: number }> {
  /**
   * A binary min-heap by timeMs. Every event passes through it, so it is written for its one key:
   * sifting moves a hole rather than swapping pairs, and compares times without a callback.
   */
  private readonly heap: T[] = [];
  private maxSeen = Number.NEGATIVE_INFINITY;
  private released = Number.NEGATIVE_INFINITY;
  /** Events that arrived after later events had already been released; processed at once. */
  late = 0;

  constructor(private readonly latenessMs: number) {}

  get buffered(): number {
    return this.heap.length;
  }

  /** Adds an event and passes on every event that can no longer be preceded by a later arrival. */
  push(event: T, emit: (event: T) => void): void {
    if (event.timeMs < this.released) {
      this.late += 1;
      emit(event);
      return;
    }
    this.insert(event);
    if (event.timeMs > this.maxSeen) this.maxSeen = event.timeMs;
    const watermark = this.maxSeen - this.latenessMs;
    const heap = this.heap;
    while (heap.length > 0 && (heap[0] as T).timeMs <= watermark) {
      const next = this.removeFirst();
      this.released = next.timeMs;
      emit(next);
    }
  }

  flush(emit: (event: T) => void): void {
    while (this.heap.length > 0) {
      const next = this.removeFirst();
      this.released = next.timeMs;
      emit(next);
    }
  }

  private insert(event: T): void {
    const heap = this.heap;
    const t = event.timeMs;
    let i = heap.length;
    heap.push(event);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent] as T;
      if (t >= above.timeMs) break;
      heap[i] = above;
      i = parent;
    }
    heap[i] = event;
  }

  /** Takes the earliest event off a heap that is not empty. */
  private removeFirst(): T {
    const heap = this.heap;
    const top = heap[0] as T;
    const last = heap.pop() as T;
    const n = heap.length;
    if (n === 0) return top;
    const t = last.timeMs;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let m = l;
      let mt = (heap[l] as T).timeMs;
      const r = l + 1;
      if (r < n && (heap[r] as T).timeMs < mt) {
        m = r;
        mt = (heap[r] as T).timeMs;
      }
      // Ties stay above: the hole moves only to a strictly earlier child, as a swap would.
      if (mt >= t) break;
      heap[i] = heap[m] as T;
      i = m;
    }
    heap[i] = last;
    return top;
  }
}
