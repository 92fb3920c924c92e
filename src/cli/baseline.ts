// `hydrawatch baseline`: runs one of the baselines users have today (per-account rate limits, a
// per-account anomaly score) on traffic and writes accounts.jsonl for `hydrawatch eval`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  BASELINE_METHODS,
  type BaselineMethod,
  type BaselineSetting,
  describeBaseline,
  parseBaselineSetting,
  profileTraffic,
  RATE_LIMIT_SETTINGS,
  runBaseline,
  type TrafficProfile,
  type TunedBaseline,
  tuneBaseline,
  writeVerdicts,
} from '../baselines/index.ts';
import { formatPercent, readLabels } from '../eval/index.ts';
import { newReadStats } from '../ingest/read.ts';
import { rejectWriter } from '../ingest/rejects.ts';
import { addInputOptions, type InputOptions, reportInputError, summarizeRejects } from './input.ts';
import { progressLine } from './progress.ts';

export interface BaselineCliOptions extends InputOptions {
  method: BaselineMethod;
  setting?: string;
  out: string;
  workers?: number;
  tuneEvents?: string[];
  tuneLabels?: string;
  maxFpr: number;
}

/** Where the command writes; tests pass their own to capture output. */
export interface BaselineIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: BaselineIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

const DEFAULT_SETTINGS: Record<BaselineMethod, string> = { 'rate-limit': 'tier-1', anomaly: 'robust-max' };

function parseWorkers(value: string): number {
  const workers = Number(value);
  if (!(Number.isInteger(workers) && workers >= 0))
    throw new InvalidArgumentError('must be a whole number >= 0');
  return workers;
}

function parseRate(value: string): number {
  const rate = Number(value);
  if (value.trim() === '' || !(rate >= 0 && rate <= 1))
    throw new InvalidArgumentError('must be a number within 0..1');
  return rate;
}

async function profile(
  files: readonly string[],
  options: BaselineCliOptions,
  chosen: BaselineSetting | null,
  label: string,
  io: BaselineIo,
): Promise<TrafficProfile> {
  const stats = newReadStats();
  const rejects = rejectWriter(
    options.rejects === 'rejects.jsonl' ? join(options.out, `${label}-rejects.jsonl`) : options.rejects,
  );
  const progress = progressLine(label);
  // A custom rate limit is replayed next to the tiers, so its crossing times are exact.
  const extra =
    chosen?.method === 'rate-limit' && !RATE_LIMIT_SETTINGS.includes(chosen.setting) ? [chosen.setting] : [];
  try {
    const result = await profileTraffic(
      files,
      {
        ...(options.format ? { format: options.format } : {}),
        ...(options.workers === undefined ? {} : { workers: options.workers }),
        strict: options.strict === true,
        rateLimitSettings: [...RATE_LIMIT_SETTINGS, ...extra],
        onReject: (r) => rejects.write(r),
        onProgress: (p) => progress.update(p.records, 'records', p.size ? p.bytesRead / p.size : null),
      },
      stats,
    );
    const rejected = summarizeRejects(stats.reasons, stats.rejected, rejects.path);
    if (rejected.length > 0) io.stderr(`${rejected.join('\n')}\n`);
    return result;
  } finally {
    progress.done();
    await rejects.close();
  }
}

function formatTuning(tuned: TunedBaseline): string {
  const lines = [`tuned at benign false-positive rate <= ${formatPercent(tuned.maxFalsePositiveRate)}:`];
  for (const c of tuned.candidates) {
    const mark = tuned.best === c.baseline ? '*' : c.withinBudget ? ' ' : 'x';
    lines.push(
      `  ${mark} ${describeBaseline(c.baseline).padEnd(34)} recall ${formatPercent(c.recall).padStart(7)}  FP rate ${formatPercent(c.falsePositiveRate).padStart(7)}`,
    );
  }
  return lines.join('\n');
}

export async function runBaselineCommand(
  files: string[],
  options: BaselineCliOptions,
  io: BaselineIo = processIo,
): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`hydrawatch baseline: ${message}\n`);
    return 1;
  };
  if ((options.tuneEvents === undefined) !== (options.tuneLabels === undefined))
    return fail('--tune-events and --tune-labels go together');
  if (options.tuneEvents && options.setting)
    return fail('give --setting or tune with --tune-events, not both');
  let chosen: BaselineSetting | null = null;
  if (!options.tuneEvents) {
    const parsed = parseBaselineSetting(options.method, options.setting ?? DEFAULT_SETTINGS[options.method]);
    if (!parsed.ok) return fail(parsed.reason);
    chosen = parsed.value;
  }
  mkdirSync(options.out, { recursive: true });
  let tuned: TunedBaseline | null = null;
  try {
    if (options.tuneEvents && options.tuneLabels) {
      const labels = await readLabels(options.tuneLabels);
      if (!labels.ok) return fail(labels.reason);
      const tuning = await profile(options.tuneEvents, options, null, 'tune', io);
      tuned = tuneBaseline(options.method, tuning, labels.value.records, {
        maxFalsePositiveRate: options.maxFpr,
      });
      io.stdout(`${formatTuning(tuned)}\n`);
      if (!tuned.best) return fail('no setting keeps within the false-positive budget on the tuning traffic');
      chosen = tuned.best;
    }
    if (!chosen) return fail('no setting chosen');
    const traffic = await profile(files, options, chosen, 'baseline', io);
    const verdicts = runBaseline(traffic, chosen);
    const accountsPath = join(options.out, 'accounts.jsonl');
    await writeVerdicts(accountsPath, verdicts);
    const run = {
      method: options.method,
      setting: chosen.setting,
      tuning: tuned,
      lateEvents: traffic.lateEvents,
    };
    writeFileSync(join(options.out, 'baseline.json'), `${JSON.stringify(run, null, 2)}\n`);
    const flagged = verdicts.filter((v) => v.flagged).length;
    io.stdout(
      `${describeBaseline(chosen)}: flagged ${flagged.toLocaleString('en-US')} of ${verdicts.length.toLocaleString('en-US')} accounts\n` +
        `wrote ${accountsPath}\n`,
    );
    return 0;
  } catch (error) {
    return reportInputError(error);
  }
}

export function baselineCommand(io: BaselineIo = processIo): Command {
  const tiers = RATE_LIMIT_SETTINGS.map((s) => s.name).join(', ');
  return addInputOptions(
    new Command('baseline')
      .description(
        'Run a baseline users have today (per-account rate limits or anomaly scores) and write accounts.jsonl for eval.',
      )
      .argument(
        '<files...>',
        'traffic files (JSONL, JSONL.gz, Parquet, OTel, gateway or LiteLLM logs); - for stdin',
      )
      .addOption(
        new Option('--method <name>', 'which baseline').choices([...BASELINE_METHODS]).makeOptionMandatory(),
      )
      .option(
        '--setting <setting>',
        `rate-limit: ${tiers} (default tier-1) or hour=N,day=N,total=N; ` +
          'anomaly: robust-max (default), robust-rms or iforest, optionally :THRESHOLD (0..1)',
      )
      .option('--out <dir>', 'where to write accounts.jsonl and baseline.json', 'baseline-out')
      .option(
        '--tune-events <files...>',
        'labelled traffic of another seed: pick the best setting on it first',
      )
      .option('--tune-labels <path>', 'labels.jsonl of the tuning traffic')
      .option('--max-fpr <rate>', 'benign false-positive budget for tuning (0..1)', parseRate, 0.001)
      .option(
        '--workers <n>',
        'reader threads (0 reads in the main thread); default one per core',
        parseWorkers,
      ),
  ).action(async (files: string[], options: BaselineCliOptions) => {
    process.exitCode = await runBaselineCommand(files, options, io);
  });
}
