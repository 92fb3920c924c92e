// Puts events back in time order within a lateness window: input may arrive out of order
// (shards, retries), but the engine must see event time move forward.
import { MinHeap } from './heap.ts';

export class ReorderBuffer<T extends { timeMs: number }> {
  private readonly heap = new MinHeap<T>((a, b) => a.timeMs - b.timeMs);
  private maxSeen = Number.NEGATIVE_INFINITY;
  private released = Number.NEGATIVE_INFINITY;
  /** Events that arrived after later events had already been released; processed at once. */
  late = 0;

  constructor(private readonly latenessMs: number) {}

  get buffered(): number {
    return this.heap.size;
  }

  /** Adds an event and passes on every event that can no longer be preceded by a later arrival. */
  push(event: T, emit: (event: T) => void): void {
    if (event.timeMs < this.released) {
      this.late += 1;
      emit(event);
      return;
    }
    this.heap.push(event);
    if (event.timeMs > this.maxSeen) this.maxSeen = event.timeMs;
    const watermark = this.maxSeen - this.latenessMs;
    while (this.heap.size > 0 && this.heap.peek()!.timeMs <= watermark) {
      const next = this.heap.pop()!;
      this.released = next.timeMs;
      emit(next);
    }
  }

  flush(emit: (event: T) => void): void {
    while (this.heap.size > 0) {
      const next = this.heap.pop()!;
      this.released = next.timeMs;
      emit(next);
    }
  }
}
