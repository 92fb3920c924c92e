// A pool of reader workers: whole-line byte chunks go out round the pool, checked and
// projected results come back and are handed on in input order, so parsing uses every core
// while the consumer still sees the file as written.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TrafficRecord } from '../contract/events.ts';
import { siblingModule } from './module-url.ts';

/** A module the workers import: maps each checked record to what the consumer needs. */
export interface Projector<T> {
  project(record: TrafficRecord): T;
  /**
   * Optionally a compact wire form for a chunk's items, encoded in the worker and decoded on the
   * main thread (both or neither): typed arrays and buffers to transfer cross for free, where
   * posting the items as objects copies and rebuilds every value of every item.
   */
  encodeItems?(items: T[]): { wire: unknown; transfer: ArrayBuffer[] };
  decodeItems?(wire: unknown): T[];
}

export interface ChunkRequest {
  seq: number;
  format: string;
  bytes: ArrayBuffer;
  byteOffset: number;
  byteLength: number;
}

export interface ChunkResult {
  seq: number;
  lines: number;
  blank: number;
  items: unknown[];
  /** The items in the projector's wire form, when it has one (`items` is then empty). */
  wire?: unknown;
  /** Record type code per item: 0 request, 1 account, 2 model_release, 3 enforcement. */
  types: Uint8Array;
  /** Two words per item: the request_id's hashPair, (0, 0) for other records. */
  hashes: Uint32Array;
  /** Line numbers count from 1 within the chunk. */
  rejects: { line: number; reason: string; text?: string }[];
}

export const TYPE_NAMES = ['request', 'account', 'model_release', 'enforcement'] as const;

/** Workers worth starting on this machine: one per core, leaving the main thread its share. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

const MAX_IN_FLIGHT_PER_WORKER = 3;
/** Plain JS entry that registers the TypeScript loader inside the worker, then loads `module`. */
const WORKER_ENTRY = new URL('./worker-entry.mjs', import.meta.url);

export class ReaderPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, (result: ChunkResult) => void>();
  private failure: Error | null = null;

  constructor(projectorUrl: string, count: number) {
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(WORKER_ENTRY, {
        workerData: { projectorUrl, module: siblingModule('./parallel-worker.ts', import.meta.url) },
        // Parsing allocates many short-lived objects; a larger young generation halves GC time.
        resourceLimits: { maxYoungGenerationSizeMb: 64 },
      });
      worker.on('message', (result: ChunkResult) => {
        const resolve = this.waiting.get(result.seq);
        this.waiting.delete(result.seq);
        resolve?.(result);
      });
      worker.on('error', (error) => {
        this.failure = error;
        for (const resolve of this.waiting.values()) resolve({ seq: -1 } as ChunkResult);
      });
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Maps every chunk through the pool and yields results in chunk order. At most
   * MAX_IN_FLIGHT_PER_WORKER chunks a worker are outstanding, which bounds memory.
   */
  async *map(chunks: AsyncIterable<{ bytes: Buffer }>, format: () => string): AsyncGenerator<ChunkResult> {
    const inFlight: Promise<ChunkResult>[] = [];
    let seq = 0;
    const limit = this.workers.length * MAX_IN_FLIGHT_PER_WORKER;
    for await (const { bytes } of chunks) {
      const worker = this.workers[seq % this.workers.length]!;
      const own =
        bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Buffer.from(bytes);
      const request: ChunkRequest = {
        seq,
        format: format(),
        bytes: own.buffer as ArrayBuffer,
        byteOffset: own.byteOffset,
        byteLength: own.byteLength,
      };
      inFlight.push(
        new Promise<ChunkResult>((resolve) => {
          this.waiting.set(request.seq, resolve);
          worker.postMessage(request, [request.bytes]);
        }),
      );
      seq += 1;
      if (inFlight.length >= limit) yield this.check(await inFlight.shift()!);
    }
    while (inFlight.length > 0) yield this.check(await inFlight.shift()!);
  }

  private check(result: ChunkResult): ChunkResult {
    if (this.failure) throw this.failure;
    return result;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
