// Throughput of computeSignals (all features) on 600-character prompts, one core: prints the
// figures and the machine. Run: npx tsx bench/signals.ts
import { cpus } from 'node:os';
import { computeSignals } from '../src/signals/index.ts';
import { samplePrompts } from '../src/signals/sample-prompts.ts';

const LENGTH = 600;
const PROMPTS = 5_000;
const ROUNDS = 8;

/** Prompts of exactly LENGTH characters, padded with more generated text so every run is the same. */
function prompts(): string[] {
  const pool = samplePrompts(42, PROMPTS * 3).map((s) => s.text);
  const out: string[] = [];
  for (let i = 0; out.length < PROMPTS; i++) {
    let text = pool[i % pool.length] as string;
    for (let j = 1; text.length < LENGTH; j++) text += `\n${pool[(i + j * 7) % pool.length]}`;
    out.push(text.slice(0, LENGTH));
  }
  return out;
}

const texts = prompts();
const requests = texts.map((prompt, i) => ({
  model: 'claude-sonnet-4-5',
  prompt,
  params: { max_tokens: i % 3 === 0 ? 64_000 : 1_024, n: 1 + (i % 2) },
}));
let sink = 0;
for (const r of requests.slice(0, 1_000)) sink += computeSignals(r).elicitation.score;
const rates: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const start = process.hrtime.bigint();
  for (const r of requests) sink += computeSignals(r).elicitation.score;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  rates.push(requests.length / seconds);
}
rates.sort((a, b) => a - b);
const median = rates[Math.floor(rates.length / 2)] as number;
const cpu = cpus()[0]?.model ?? 'unknown cpu';
process.stdout.write(
  `computeSignals, all features, ${LENGTH}-character prompts, one core\n` +
    `machine: ${cpu}, ${cpus().length} cores, Node ${process.version}\n` +
    `prompts/s: median ${Math.round(median).toLocaleString('en-US')}, min ${Math.round(rates[0] as number).toLocaleString('en-US')}, max ${Math.round(rates[rates.length - 1] as number).toLocaleString('en-US')} (${ROUNDS} rounds of ${PROMPTS.toLocaleString('en-US')})\n` +
    `per prompt: ${(1e6 / median).toFixed(1)} µs${sink < 0 ? ' ' : ''}\n`,
);
