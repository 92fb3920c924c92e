// Throughput of computeSignals (all features) on 600-character prompts, one core, and the cost of
// TemplateIndex.assign: prints the figures and the machine. Run: npx tsx bench/signals.ts
// Wall-clock rates suffer when other processes share the cores, so CPU-time rates are printed too.
import { computeSignals, TemplateIndex } from '../src/signals/index.ts';
import { samplePrompts } from '../src/signals/sample-prompts.ts';
import { promptSamples } from '../src/simulate/prompts/index.ts';
import { machineLine } from './machine.ts';
import { fixedLengthPrompts } from './prompts.ts';

const LENGTH = 600;
const PROMPTS = 5_000;
const ROUNDS = 8;
const ASSIGNS = 20_000;

interface Rates {
  wall: number[];
  cpu: number[];
}

/** Calls per second of `run` over `items`, by wall clock and by this process's CPU time. */
function measure<T>(items: readonly T[], run: (item: T) => void, rounds: number): Rates {
  const rates: Rates = { wall: [], cpu: [] };
  for (let round = 0; round < rounds; round++) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (const item of items) run(item);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    rates.wall.push(items.length / seconds);
    rates.cpu.push(items.length / ((cpu.user + cpu.system) / 1e6));
  }
  rates.wall.sort((a, b) => a - b);
  rates.cpu.sort((a, b) => a - b);
  return rates;
}

const median = (xs: readonly number[]) => xs[Math.floor(xs.length / 2)] as number;
const best = (xs: readonly number[]) => xs[xs.length - 1] as number;
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const out = (line: string) => process.stdout.write(`${line}\n`);

const requests = fixedLengthPrompts(PROMPTS, LENGTH).map((prompt, i) => ({
  model: 'claude-sonnet-4-5',
  prompt,
  params: { max_tokens: i % 3 === 0 ? 64_000 : 1_024, n: 1 + (i % 2) },
}));
let sink = 0;
for (const r of requests.slice(0, 1_000)) sink += computeSignals(r).elicitation.score;
const signals = measure(
  requests,
  (r) => {
    sink += computeSignals(r).elicitation.score;
  },
  ROUNDS,
);
out(`computeSignals, all features, ${LENGTH}-character prompts, one core`);
out(machineLine());
out(
  `prompts/s (wall): median ${n(median(signals.wall))}, best ${n(best(signals.wall))}, worst ${n(signals.wall[0] as number)} (${ROUNDS} rounds of ${n(PROMPTS)})`,
);
out(
  `prompts/s (CPU time): median ${n(median(signals.cpu))}, best ${n(best(signals.cpu))}; per prompt ${(1e6 / median(signals.cpu)).toFixed(1)} µs`,
);

/** Template inputs as the engine passes them: id, sketch and token count, no band keys. */
function templates(texts: readonly string[]) {
  return texts.map((prompt) => {
    const { templateId, sketch, tokens } = computeSignals({ prompt }).template;
    return { templateId, ...(sketch ? { sketch } : {}), ...(tokens === undefined ? {} : { tokens }) };
  });
}

const streams = [
  { name: 'generated templates (seed 42)', inputs: templates(samplePrompts(42, ASSIGNS).map((s) => s.text)) },
  {
    name: 'simulator prompts (seed 5)',
    inputs: templates([...promptSamples(5, ASSIGNS)].map((s) => s.text)),
  },
];
out(`TemplateIndex.assign, ${n(ASSIGNS)} calls into a fresh index per round`);
for (const { name, inputs } of streams) {
  let index = new TemplateIndex();
  const rates = measure(
    [0],
    () => {
      index = new TemplateIndex();
      for (const input of inputs) if (index.assign(input)?.created) sink++;
    },
    5,
  );
  const perCall = (rate: number) => (1e6 / (rate * inputs.length)).toFixed(2);
  out(
    `  ${name}: µs per call (CPU time) median ${perCall(median(rates.cpu))}, best ${perCall(best(rates.cpu))}; wall median ${perCall(median(rates.wall))}; ${n(index.size)} clusters${sink < 0 ? ' ' : ''}`,
  );
}
