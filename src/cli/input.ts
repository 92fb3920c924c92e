// Shared CLI glue for commands that read traffic: the common options, a progress line and
// the rejects file, around the ingest reader.
import type { Command } from 'commander';
import { formatNames } from '../ingest/formats.ts';
import {
  newReadStats,
  type ReadStats,
  readProjected,
  StrictInputError,
  UnknownFormatError,
} from '../ingest/read.ts';
import { type RejectWriter, rejectWriter } from '../ingest/rejects.ts';
import { progressLine } from './progress.ts';

export interface InputOptions {
  format?: string;
  strict?: boolean;
  rejects: string;
}

export function addInputOptions(command: Command): Command {
  return command
    .option('--format <name>', `input format, detected when absent (${formatNames().join(', ')})`)
    .option('--strict', 'stop with a non-zero exit at the first bad line, printing file:line: reason')
    .option(
      '--rejects <path>',
      'where to write rejected lines with source, line and reason',
      'rejects.jsonl',
    );
}

export interface InputRun<T> {
  stats: ReadStats;
  rejects: RejectWriter;
  batches: AsyncGenerator<T[]>;
  finish(): Promise<void>;
}

/** Reads the paths through the worker pool, each record mapped by the projector module. */
export function openInput<T>(
  paths: readonly string[],
  options: InputOptions & { workers?: number },
  label: string,
  projectorUrl: string,
): InputRun<T> {
  const stats = newReadStats();
  const rejects = rejectWriter(options.rejects);
  const progress = progressLine(label);
  const batches = readProjected<T>(
    paths,
    {
      projectorUrl,
      ...(options.format ? { format: options.format } : {}),
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      strict: options.strict === true,
      onReject: (r) => rejects.write(r),
      onProgress: (p) => progress.update(p.records, 'records', p.size ? p.bytesRead / p.size : null),
    },
    stats,
  );
  return {
    stats,
    rejects,
    batches,
    async finish() {
      progress.done();
      await rejects.close();
    },
  };
}

/** Turns the reader's expected failures into one line and an exit code; rethrows anything else. */
export function reportInputError(error: unknown): number {
  if (error instanceof StrictInputError || error instanceof UnknownFormatError) {
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
    process.stderr.write(`hydrawatch: ${(error as Error).message}\n`);
    return 1;
  }
  throw error;
}

export function summarizeRejects(
  reasons: ReadonlyMap<string, number>,
  total: number,
  path: string,
  top = 10,
): string[] {
  if (total === 0) return [];
  const lines = [`rejected ${total.toLocaleString('en-US')} lines (written to ${path}):`];
  const sorted = [...reasons.entries()].sort((a, b) => b[1] - a[1]);
  for (const [reason, n] of sorted.slice(0, top))
    lines.push(`  ${n.toLocaleString('en-US').padStart(10)}  ${reason}`);
  if (sorted.length > top) lines.push(`  ... and ${sorted.length - top} more reasons`);
  return lines;
}
