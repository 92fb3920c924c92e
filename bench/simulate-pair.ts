// Paired benchmark: loads two compiled builds (each a dist/ folder) into one process and
// alternates null-sink runs of the same scenario, printing each pair's events per CPU-second and
// the median ratio. On a shared machine single runs swing by ±30 %; pairs share the load.
// Usage: node --expose-gc --import tsx bench/simulate-pair.ts --a DIST --b DIST [--scale F] [--rounds N]
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { runSimulation } from '../src/simulate/run.ts';
import type { loadScenario } from '../src/simulate/scenario.ts';
import { machineLine } from './machine.ts';

const { values } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string' },
    scale: { type: 'string', default: '0.003' },
    seed: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '30' },
  },
});
if (!values.a || !values.b) {
  process.stderr.write('bench: --a and --b name two dist/ folders\n');
  process.exit(2);
}

interface Build {
  run: typeof runSimulation;
  scenario: Parameters<typeof runSimulation>[0];
}

async function load(dist: string): Promise<Build> {
  const url = (file: string) => pathToFileURL(join(resolve(dist), 'simulate', file)).href;
  const run = (await import(url('run.js'))) as { runSimulation: typeof runSimulation };
  const scenarios = (await import(url('scenario.js'))) as { loadScenario: typeof loadScenario };
  const loaded = scenarios.loadScenario('seed-2026');
  if (!loaded.ok) throw new Error(loaded.reason);
  return { run: run.runSimulation, scenario: loaded.scenario };
}

const builds = [await load(values.a), await load(values.b)] as const;
const labelsPath = join(tmpdir(), `hydrawatch-pair-labels-${process.pid}.jsonl`);
const gc = (globalThis as { gc?: () => void }).gc;

async function once(build: Build): Promise<{ rate: number; bytes: number }> {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  gc?.();
  const before = process.cpuUsage();
  const result = await build.run(build.scenario, {
    scale: Number(values.scale),
    seed: Number(values.seed),
    out: '-',
    stdout: sink,
    labelsPath,
  });
  const cpu = process.cpuUsage(before);
  return { rate: result.events / ((cpu.user + cpu.system) / 1e6), bytes };
}

process.stdout.write(
  `${machineLine()}\nA ${values.a}\nB ${values.b}\nscale ${values.scale}, seed ${values.seed}\n`,
);
const ratios: number[] = [];
for (let i = 0; i < Number(values.rounds); i++) {
  // Alternating which goes first keeps a warming or cooling machine from favouring one build.
  const first = i % 2;
  const rates: number[] = [0, 0];
  const sizes: number[] = [0, 0];
  for (const j of [first, 1 - first]) {
    const { rate, bytes } = await once(builds[j] as Build);
    rates[j] = rate;
    sizes[j] = bytes;
  }
  const [a, b] = rates as [number, number];
  ratios.push(b / a);
  const same = sizes[0] === sizes[1] ? '' : `  output sizes differ: ${sizes[0]} vs ${sizes[1]}`;
  process.stdout.write(`A ${Math.round(a)}  B ${Math.round(b)}  B/A ${(b / a).toFixed(3)}${same}\n`);
}
rmSync(labelsPath, { force: true });
ratios.sort((x, y) => x - y);
const median = ratios[Math.floor(ratios.length / 2)] as number;
process.stdout.write(`median B/A over ${ratios.length} pairs: ${median.toFixed(3)}\n`);
