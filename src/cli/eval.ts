// `hydrawatch eval`: scores an analysis written to the output contract against ground-truth labels
// and prints the report as a table or JSON (see docs/eval.md for every metric's definition).
import { writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { formatReport } from '../eval/format-report.ts';
import { formatProblem } from '../eval/read-inputs.ts';
import type { ScoreAccountsOptions } from '../eval/score-accounts.ts';
import { scoreRun } from '../eval/score-run.ts';

interface EvalOptions {
  labels: string;
  accounts: string;
  campaigns?: string;
  events?: string;
  json?: string;
  format: 'table' | 'json';
  strict?: boolean;
  threshold?: number;
}

/** Where the command writes; tests pass their own to capture output and the exit code. */
export interface EvalIo {
  stdout(text: string): void;
  stderr(text: string): void;
  exit(code: number): void;
}

const processIo: EvalIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  exit: (code) => {
    process.exitCode = code;
  },
};

function parseThreshold(value: string): number {
  const threshold = Number(value);
  if (value.trim() === '' || !(threshold >= 0 && threshold <= 1))
    throw new InvalidArgumentError('must be a number within 0..1');
  return threshold;
}

async function runEval(options: EvalOptions, io: EvalIo): Promise<number> {
  const scoring: ScoreAccountsOptions =
    options.threshold === undefined ? {} : { threshold: options.threshold };
  const result = await scoreRun(
    {
      labelsPath: options.labels,
      accountsPath: options.accounts,
      ...(options.campaigns ? { campaignsPath: options.campaigns } : {}),
      ...(options.events ? { eventsPath: options.events } : {}),
    },
    scoring,
  );
  if (!result.ok) {
    io.stderr(`hydrawatch eval: ${result.reason}\n`);
    return 1;
  }
  const report = result.value;
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (options.json) {
    try {
      await writeFile(options.json, json);
    } catch (error) {
      io.stderr(
        `hydrawatch eval: cannot write ${options.json} (${error instanceof Error ? error.message : String(error)})\n`,
      );
      return 1;
    }
  }
  io.stdout(options.format === 'json' ? json : formatReport(report));
  const inputs = [
    report.inputs.labels,
    report.inputs.accounts,
    report.inputs.campaigns,
    report.inputs.events,
  ];
  const rejected = inputs.reduce((sum, input) => sum + (input?.rejected ?? 0), 0);
  if (rejected > 0) {
    const first = report.problems[0];
    io.stderr(
      `hydrawatch eval: skipped ${rejected.toLocaleString('en-US')} bad input lines` +
        `${first ? `; first: ${formatProblem(first)}` : ''}\n`,
    );
    if (options.strict) return 1;
  }
  return 0;
}

export function evalCommand(io: EvalIo = processIo): Command {
  return new Command('eval')
    .description('Score an analysis (accounts.jsonl, campaigns.json) against ground-truth labels.')
    .requiredOption('--labels <path>', 'ground truth, labels.jsonl (gzip accepted)')
    .requiredOption('--accounts <path>', "the analysis's verdicts, accounts.jsonl (gzip accepted)")
    .option('--campaigns <path>', "the analysis's campaigns.json, for grouping and campaign checks")
    .option(
      '--events <path>',
      'the traffic scored (JSONL, gzip detected; - for stdin), for time to detect and respawns',
    )
    .option('--json <path>', 'also write the report as JSON to this file')
    .addOption(new Option('--format <format>', 'what to print').choices(['table', 'json']).default('table'))
    .option(
      '--threshold <score>',
      'flag accounts by score >= this instead of their flagged field',
      parseThreshold,
    )
    .option('--strict', 'exit 1 when any input line was rejected')
    .action(async (options: EvalOptions) => {
      io.exit(await runEval(options, io));
    });
}
