// `hydrawatch demo`: the whole loop on built-in data — simulate a small seed-2026, analyze it,
// score the verdicts against the simulator's labels, and write the HTML report.
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { formatReport, scoreRun } from '../eval/index.ts';
import { runSimulation } from '../simulate/run.ts';
import { loadScenario } from '../simulate/scenario.ts';
import { runAnalyze } from './analyze.ts';

export interface DemoOptions {
  scale: string;
  seed: string;
  out: string;
}

export async function runDemo(options: DemoOptions): Promise<number> {
  const scale = Number(options.scale);
  const seed = Number(options.seed);
  if (!(scale > 0 && scale <= 1) || !Number.isInteger(seed)) {
    process.stderr.write('hydrawatch demo: --scale must be in (0, 1] and --seed a whole number\n');
    return 1;
  }
  const loaded = loadScenario('seed-2026');
  if (!loaded.ok) throw new Error(`built-in scenario seed-2026: ${loaded.reason}`);
  const out = resolve(options.out);
  const trafficDir = join(out, 'traffic');
  const analysisDir = join(out, 'analysis');
  process.stdout.write(`1/3 simulating seed-2026 at scale ${scale}, seed ${seed} -> ${trafficDir}\n`);
  const sim = await runSimulation(loaded.scenario, { scale, seed, out: trafficDir, gzip: true });
  process.stdout.write(`    ${sim.events.toLocaleString('en-US')} records in ${sim.seconds.toFixed(1)} s\n`);
  const events = join(trafficDir, 'events.jsonl.gz');
  process.stdout.write(`2/3 analyzing -> ${analysisDir}\n`);
  const code = await runAnalyze([events], { out: analysisDir, rejects: 'rejects.jsonl', report: true });
  if (code !== 0) return code;
  process.stdout.write('3/3 scoring the verdicts against the simulator labels\n');
  const scored = await scoreRun({
    labelsPath: join(trafficDir, 'labels.jsonl'),
    accountsPath: join(analysisDir, 'accounts.jsonl'),
    campaignsPath: join(analysisDir, 'campaigns.json'),
    eventsPath: events,
  });
  if (!scored.ok) throw new Error(`scoring the demo: ${scored.reason}`);
  process.stdout.write(`${formatReport(scored.value)}\n`);
  process.stdout.write(`\nreport: ${join(analysisDir, 'report.html')} (open it in a browser)\n`);
  return 0;
}

export function demoCommand(): Command {
  return new Command('demo')
    .description(
      'Simulate a small seed-2026, analyze it, score it and write the report: the whole loop in one command.',
    )
    .option('--scale <factor>', 'size of the simulated traffic relative to the public reports', '0.005')
    .option('--seed <n>', 'simulation seed', '2026')
    .option('--out <dir>', 'where to write traffic, verdicts and the report', 'hydrawatch-demo')
    .action(async (options: DemoOptions) => {
      process.exitCode = await runDemo(options);
    });
}
