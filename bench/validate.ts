// Benchmark of `validate`: writes a canonical JSONL file of at least --gb gigabytes with
// prompt text under /tmp, validates it, prints records/s, then deletes the file.
// Usage: npx tsx bench/validate.ts [--gb 1] [--keep]
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ValidationReport } from '../src/cli/validate.ts';
import { machineLine } from './machine.ts';

const { values } = parseArgs({
  options: { gb: { type: 'string', default: '1' }, keep: { type: 'boolean' } },
});
const targetBytes = Number(values.gb) * 1e9;
const path = join(tmpdir(), `hydrawatch-bench-validate-${process.pid}.jsonl`);

const WORDS =
  'the of model answer reason step data code function table value explain write list compare user system result test query plan tool file error output input number'.split(
    ' ',
  );

async function writeFile(): Promise<number> {
  const out = createWriteStream(path, { highWaterMark: 1 << 22 });
  let bytes = 0;
  let n = 0;
  let seed = 7;
  const rand = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const t0 = Date.UTC(2026, 1, 1);
  while (bytes < targetBytes) {
    const chunk: string[] = [];
    for (let i = 0; i < 5000; i++, n++) {
      const words: string[] = [];
      for (let w = 0; w < 90; w++) words.push(WORDS[Math.floor(rand() * WORDS.length)]!);
      const time = new Date(t0 + n * 37).toISOString();
      chunk.push(
        JSON.stringify({
          type: 'request',
          time,
          request_id: `req_${n.toString(36)}`,
          account_id: `acct_${Math.floor(rand() * 50000)}`,
          client_ip: `203.0.${Math.floor(rand() * 256)}.${Math.floor(rand() * 256)}`,
          client_network: 'residential',
          user_agent: 'openai-python/1.54.3',
          model: 'frontier-2',
          endpoint: 'chat',
          params: { max_tokens: 4096, temperature: 0.7 },
          usage: { input_tokens: 150, output_tokens: Math.floor(rand() * 2000) },
          status: 'ok',
          prompt: words.join(' '),
        }),
      );
    }
    const text = `${chunk.join('\n')}\n`;
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return n;
}

process.stdout.write(`${machineLine()}\nwriting ${values.gb} GB to ${path} ...\n`);
const lines = await writeFile();
const size = statSync(path).size;
// Time the product as a user runs it: the CLI in its own process, startup included.
const cli = join(import.meta.dirname, '..', 'bin', 'hydrawatch.mjs');
const rejects = join(tmpdir(), `hydrawatch-bench-rejects-${process.pid}.jsonl`);
const started = performance.now();
const run = spawnSync(process.execPath, [cli, 'validate', path, '--json', '--rejects', rejects], {
  encoding: 'utf8',
  maxBuffer: 1 << 26,
});
const seconds = (performance.now() - started) / 1000;
if (!values.keep) rmSync(path);
rmSync(rejects, { force: true });
if (run.status !== 0) throw new Error(`validate failed: ${run.stderr}`);
const report = JSON.parse(run.stdout) as ValidationReport;
process.stdout.write(
  `validate: ${report.records.toLocaleString('en-US')} of ${lines.toLocaleString('en-US')} records, ${(size / 1e9).toFixed(2)} GB in ${seconds.toFixed(1)} s = ${Math.round(report.records / seconds).toLocaleString('en-US')} records/s, ${(size / 1e6 / seconds).toFixed(0)} MB/s (${existsSync(join(import.meta.dirname, '..', 'dist', '.built')) ? 'compiled build' : 'from source via tsx'})\n`,
);
