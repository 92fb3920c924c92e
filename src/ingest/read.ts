// The reader: sources → items → adapter → contract check → dedupe, in batches. Every input
// line ends up counted as a record, a duplicate, a blank, or a reject with its reason.
import type { RecordType, TrafficRecord } from '../contract/events.ts';
import type { Adapter } from './adapter.ts';
import { adapterByName, detectAdapter, formatNames } from './formats.ts';
import { IdSet } from './id-set.ts';
import { openByteChunks, splitBuffer } from './lines.ts';
import { defaultWorkerCount, type Projector, ReaderPool, TYPE_NAMES } from './parallel.ts';
import { processItems } from './process.ts';
import { detectContainer, type ItemBatch, openSource } from './source.ts';

export interface Reject {
  source: string;
  line: number;
  reason: string;
  /** The start of the offending line, when it was text. */
  text?: string;
}

export interface SourceSummary {
  name: string;
  container: string;
  format: string;
  lines: number;
}

export interface ReadStats {
  sources: SourceSummary[];
  /** Lines (or rows) read from all sources. */
  linesIn: number;
  blank: number;
  records: number;
  byType: Record<RecordType, number>;
  duplicates: number;
  rejected: number;
  /** Reject counts by reason (the most frequent first when listed). */
  reasons: Map<string, number>;
}

export interface ReadProgress {
  source: string;
  bytesRead: number;
  size: number | null;
  records: number;
}

export interface ReadOptions {
  /** Adapter name; detected per source when absent. */
  format?: string;
  /** Stop at the first bad line with StrictInputError. */
  strict?: boolean;
  /** Count a repeated request_id once (default true). */
  dedupe?: boolean;
  onReject?: (reject: Reject) => void;
  onProgress?: (progress: ReadProgress) => void;
}

export class StrictInputError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${source}:${line}: ${reason}`);
  }
}

export class UnknownFormatError extends Error {}

const MAX_REASONS = 500;
const SAMPLE_ITEMS = 64;
const REJECT_TEXT_CHARS = 2000;

export function newReadStats(): ReadStats {
  return {
    sources: [],
    linesIn: 0,
    blank: 0,
    records: 0,
    byType: { request: 0, account: 0, model_release: 0, enforcement: 0 },
    duplicates: 0,
    rejected: 0,
    reasons: new Map(),
  };
}

function parseSample(batch: ItemBatch): unknown[] {
  if (batch.rows) return batch.rows.slice(0, SAMPLE_ITEMS);
  const sample: unknown[] = [];
  for (const line of batch.lines ?? []) {
    if (sample.length >= SAMPLE_ITEMS) break;
    if (line.trim() === '') continue;
    try {
      sample.push(JSON.parse(line));
    } catch {
      // Unparseable lines are rejected later; they just do not vote.
    }
  }
  return sample;
}

function recordReject(stats: ReadStats, options: ReadOptions, reject: Reject): void {
  stats.rejected += 1;
  const key =
    stats.reasons.has(reject.reason) || stats.reasons.size < MAX_REASONS ? reject.reason : 'other reasons';
  stats.reasons.set(key, (stats.reasons.get(key) ?? 0) + 1);
  if (options.strict) throw new StrictInputError(reject.source, reject.line, reject.reason);
  options.onReject?.(
    reject.text === undefined ? reject : { ...reject, text: reject.text.slice(0, REJECT_TEXT_CHARS) },
  );
}

function resolveFormat(options: ReadOptions): Adapter | undefined {
  const forced = options.format ? adapterByName(options.format) : undefined;
  if (options.format && !forced) {
    throw new UnknownFormatError(`unknown format "${options.format}"; known: ${formatNames().join(', ')}`);
  }
  return forced;
}

/** Reads every path in turn and yields batches of valid, deduplicated canonical records. */
export async function* readRecords(
  paths: readonly string[],
  options: ReadOptions = {},
  stats: ReadStats = newReadStats(),
): AsyncGenerator<TrafficRecord[]> {
  yield* readSequential(paths, options, stats, (record) => record);
}

async function* readSequential<T>(
  paths: readonly string[],
  options: ReadOptions,
  stats: ReadStats,
  project: (record: TrafficRecord) => T,
): AsyncGenerator<T[]> {
  const forced = resolveFormat(options);
  const seen = options.dedupe === false ? null : new IdSet();
  for (const path of paths) {
    const source = await openSource(path);
    const summary: SourceSummary = { name: source.name, container: source.container, format: '', lines: 0 };
    stats.sources.push(summary);
    let adapter: Adapter | undefined = forced;
    for await (const batch of source.batches) {
      adapter ??= detectAdapter(parseSample(batch));
      summary.format = adapter.format;
      const count = batch.rows ? batch.rows.length : (batch.lines?.length ?? 0);
      stats.linesIn += count;
      summary.lines += count;
      const out: T[] = [];
      processItems(batch.firstLine, batch.lines, batch.rows, adapter, {
        record(record) {
          if (seen && record.type === 'request' && !seen.add(record.request_id)) {
            stats.duplicates += 1;
            return;
          }
          stats.records += 1;
          stats.byType[record.type] += 1;
          out.push(project(record));
        },
        reject: (line, reason, text) =>
          recordReject(stats, options, {
            source: source.name,
            line,
            reason,
            ...(text === undefined ? {} : { text }),
          }),
        blank: () => {
          stats.blank += 1;
        },
      });
      options.onProgress?.({
        source: source.name,
        bytesRead: batch.bytesRead,
        size: source.size,
        records: stats.records,
      });
      if (out.length > 0) yield out;
    }
    if (!summary.format) summary.format = adapter?.format ?? 'none (empty)';
  }
}

export interface ProjectedReadOptions extends ReadOptions {
  /** URL of a module exporting `project(record)`, imported by the workers and by the main thread. */
  projectorUrl: string;
  /** Reader workers; 0 reads in the main thread. Default: one per core. */
  workers?: number;
}

/**
 * Reads every path and yields each valid record projected by the projector module, in input
 * order. JSONL is parsed by a pool of workers; Parquet and stdin-sized trickles work the same.
 */
export async function* readProjected<T>(
  paths: readonly string[],
  options: ProjectedReadOptions,
  stats: ReadStats = newReadStats(),
): AsyncGenerator<T[]> {
  const projector = (await import(options.projectorUrl)) as Projector<T>;
  const workers = options.workers ?? defaultWorkerCount();
  if (workers === 0) {
    yield* readSequential(paths, options, stats, (r) => projector.project(r));
    return;
  }
  const forced = resolveFormat(options);
  const seen = options.dedupe === false ? null : new IdSet();
  const pool = new ReaderPool(options.projectorUrl, workers);
  try {
    for (const path of paths) {
      if ((await detectContainer(path)) !== 'jsonl') {
        yield* readSequential([path], options, stats, (r) => projector.project(r));
        continue;
      }
      const source = await openByteChunks(path);
      const summary: SourceSummary = { name: source.name, container: 'jsonl', format: '', lines: 0 };
      stats.sources.push(summary);
      let adapter = forced;
      let bytesRead = 0;
      const chunks = (async function* () {
        for await (const chunk of source.chunks) {
          if (!adapter) {
            adapter = detectAdapter(
              parseSample({
                firstLine: 1,
                bytesRead: 0,
                lines: splitBuffer(chunk.bytes.subarray(0, 1 << 16)),
              }),
            );
            summary.format = adapter.format;
          }
          bytesRead = chunk.bytesRead;
          yield chunk;
        }
      })();
      let base = 0;
      const format = () => adapter?.format ?? 'canonical';
      for await (const result of pool.map(chunks, format)) {
        stats.linesIn += result.lines;
        summary.lines += result.lines;
        stats.blank += result.blank;
        for (const r of result.rejects)
          recordReject(stats, options, { source: source.name, ...r, line: base + r.line });
        const items =
          result.wire !== undefined && projector.decodeItems
            ? projector.decodeItems(result.wire)
            : result.items;
        const out: T[] = [];
        for (let i = 0; i < items.length; i++) {
          const hi = result.hashes[2 * i]!;
          if (seen && hi !== 0 && !seen.addHash(hi, result.hashes[2 * i + 1]!)) {
            stats.duplicates += 1;
            continue;
          }
          stats.records += 1;
          stats.byType[TYPE_NAMES[result.types[i]!]!] += 1;
          out.push(items[i] as T);
        }
        base += result.lines;
        options.onProgress?.({ source: source.name, bytesRead, size: source.size, records: stats.records });
        if (out.length > 0) yield out;
      }
      if (!summary.format) summary.format = adapter?.format ?? 'none (empty)';
    }
  } finally {
    await pool.close();
  }
}
