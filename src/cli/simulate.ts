// `hydrawatch simulate`: writes labelled benign and attack traffic from a scenario.
import { Command, InvalidArgumentError } from 'commander';
import { loadCorpus } from '../simulate/corpus.ts';
import { runSimulation } from '../simulate/run.ts';
import { loadScenario } from '../simulate/scenario.ts';
import { formatSummary } from '../simulate/summary.ts';

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a positive number');
  return n;
}

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a non-negative integer');
  return n;
}

interface SimulateFlags {
  scenario: string;
  scale: number;
  seed: number;
  out: string;
  gzip?: boolean;
  corpus?: string;
  labels?: string;
  quiet?: boolean;
}

export function simulateCommand(): Command {
  return new Command('simulate')
    .description('Write labelled traffic (events.jsonl, labels.jsonl, summary.json) from a scenario.')
    .option(
      '--scenario <name|file>',
      'built-in scenario name (seed-2026, tiny) or a scenario file',
      'seed-2026',
    )
    .option('--scale <factor>', 'multiply accounts and requests', positiveNumber, 1)
    .option('--seed <n>', 'random seed; same seed and scale give the same bytes', integer, 1)
    .requiredOption('--out <dir|->', 'output folder, or - for events on stdout')
    .option('--gzip', 'compress events (events.jsonl.gz)')
    .option(
      '--corpus <dir>',
      'draw real prompt text from prompts.jsonl files for populations that ask for it',
    )
    .option('--labels <file>', 'with --out -, also write labels to this file')
    .option('--quiet', 'no summary table')
    .action(async (flags: SimulateFlags) => {
      const loaded = loadScenario(flags.scenario);
      if (!loaded.ok) {
        process.stderr.write(`hydrawatch simulate: ${loaded.reason}\n`);
        process.exitCode = 2;
        return;
      }
      let corpus: Awaited<ReturnType<typeof loadCorpus>> | undefined;
      if (flags.corpus) {
        corpus = loadCorpus(flags.corpus);
        if (!corpus.ok) {
          process.stderr.write(`hydrawatch simulate: ${corpus.reason}\n`);
          process.exitCode = 2;
          return;
        }
      }
      const tty = process.stderr.isTTY === true;
      const result = await runSimulation(loaded.scenario, {
        scale: flags.scale,
        seed: flags.seed,
        out: flags.out,
        gzip: flags.gzip === true,
        corpus: corpus?.ok ? corpus.corpus : undefined,
        labelsPath: flags.labels,
        onProgress: tty
          ? (events, simTime) =>
              process.stderr.write(`\r  ${events.toLocaleString('en')} events, at ${simTime}   `)
          : undefined,
      });
      if (tty) process.stderr.write('\r\x1b[K');
      if (!flags.quiet) {
        // The table goes to stderr when events take stdout, so a pipe only ever sees JSONL.
        const table = `${formatSummary(result.summary)}\n${result.events.toLocaleString('en')} records in ${result.seconds.toFixed(1)} s\n`;
        (flags.out === '-' ? process.stderr : process.stdout).write(table);
      }
    });
}
