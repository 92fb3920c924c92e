// `hydrawatch validate`: reads traffic files and reports what they hold and what was rejected.
import { Command } from 'commander';
import { siblingModule } from '../ingest/module-url.ts';
import type { RecordSummary } from '../ingest/projections/summary.ts';
import {
  addInputOptions,
  type InputOptions,
  openInput,
  reportInputError,
  summarizeRejects,
} from './input.ts';

export interface ValidationReport {
  sources: { name: string; container: string; format: string; lines: number }[];
  lines: number;
  records: number;
  byType: Record<string, number>;
  duplicates: number;
  blank: number;
  rejected: number;
  rejectReasons: Record<string, number>;
  accounts: number;
  firstTime: string | null;
  lastTime: string | null;
}

const SUMMARY_PROJECTION = siblingModule('../ingest/projections/summary.ts', import.meta.url);

export async function validateFiles(
  paths: readonly string[],
  options: InputOptions & { workers?: number },
): Promise<ValidationReport> {
  const input = openInput<RecordSummary>(paths, options, 'validate', SUMMARY_PROJECTION);
  const accounts = new Set<string>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  try {
    for await (const batch of input.batches) {
      for (const { timeMs, accountId } of batch) {
        if (timeMs < first) first = timeMs;
        if (timeMs > last) last = timeMs;
        if (accountId !== null) accounts.add(accountId);
      }
    }
  } finally {
    await input.finish();
  }
  const { stats } = input;
  return {
    sources: stats.sources,
    lines: stats.linesIn,
    records: stats.records,
    byType: stats.byType,
    duplicates: stats.duplicates,
    blank: stats.blank,
    rejected: stats.rejected,
    rejectReasons: Object.fromEntries(stats.reasons),
    accounts: accounts.size,
    firstTime: Number.isFinite(first) ? new Date(first).toISOString() : null,
    lastTime: Number.isFinite(last) ? new Date(last).toISOString() : null,
  };
}

export function formatValidation(report: ValidationReport, rejectsPath: string): string {
  const n = (v: number) => v.toLocaleString('en-US');
  const lines = report.sources.map(
    (s) => `${s.name}: ${n(s.lines)} lines, ${s.container}, format ${s.format}`,
  );
  lines.push(
    `records: ${n(report.records)} (${Object.entries(report.byType)
      .map(([t, c]) => `${t} ${n(c)}`)
      .join(', ')})`,
    `accounts: ${n(report.accounts)}`,
    `time range: ${report.firstTime ?? '-'} .. ${report.lastTime ?? '-'}`,
    `duplicate request ids counted once: ${n(report.duplicates)}`,
  );
  if (report.blank > 0) lines.push(`blank lines: ${n(report.blank)}`);
  lines.push(
    ...summarizeRejects(new Map(Object.entries(report.rejectReasons)), report.rejected, rejectsPath),
  );
  if (report.rejected === 0) lines.push('rejected: 0');
  return lines.join('\n');
}

export function validateCommand(): Command {
  return addInputOptions(
    new Command('validate')
      .description('Check traffic files against the contract: counts, time range, accounts, rejects and why.')
      .argument('<files...>', 'JSONL, JSONL.gz or Parquet files; - for stdin')
      .option('--json', 'print the report as JSON'),
  ).action(async (files: string[], options: InputOptions & { json?: boolean }) => {
    try {
      const report = await validateFiles(files, options);
      process.stdout.write(
        options.json
          ? `${JSON.stringify(report, null, 2)}\n`
          : `${formatValidation(report, options.rejects)}\n`,
      );
    } catch (error) {
      process.exitCode = reportInputError(error);
    }
  });
}
