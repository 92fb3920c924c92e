// Benchmark: generates a scenario (default seed-2026 at scale 1) into a null sink on one core,
// printing events/s and peak resident memory with the machine it ran on.
// Usage: npx tsx bench/simulate.ts [--scale F] [--scenario NAME] [--gzip]  (gzip writes to /tmp, then deletes)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { runSimulation } from '../src/simulate/run.ts';
import { loadScenario } from '../src/simulate/scenario.ts';
import { machineLine } from './machine.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    scenario: { type: 'string', default: 'seed-2026' },
    seed: { type: 'string', default: '1' },
    gzip: { type: 'boolean', default: false },
  },
});

const loaded = loadScenario(values.scenario);
if (!loaded.ok) {
  process.stderr.write(`bench: ${loaded.reason}\n`);
  process.exit(2);
}
const scale = Number(values.scale);
const seed = Number(values.seed);
let bytes = 0;
// Counting the bytes keeps the serialisation honest: nothing is optimised away.
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    bytes += chunk.length;
    done();
  },
});
const dir = values.gzip ? mkdtempSync(join(tmpdir(), 'hydrawatch-bench-')) : null;
const cpuBefore = process.cpuUsage();
const result = await runSimulation(loaded.scenario, {
  scale,
  seed,
  out: dir ?? '-',
  gzip: values.gzip,
  stdout: sink,
  labelsPath: dir ? undefined : join(tmpdir(), `hydrawatch-bench-labels-${process.pid}.jsonl`),
});
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
if (dir) bytes = statSync(join(dir, 'events.jsonl.gz')).size;
const peakMb = process.resourceUsage().maxRSS / 1024;
const s = result.summary;
const lines = [
  machineLine(),
  `scenario ${values.scenario}, scale ${scale}, seed ${seed}${values.gzip ? ', gzip' : ', null sink'}`,
  `records: ${result.events.toLocaleString('en')} (requests ${s.requests.toLocaleString('en')}, accounts ${s.accounts.toLocaleString('en')}, attack accounts ${s.attack_accounts.toLocaleString('en')})`,
  `attack requests: ${s.attack_requests.toLocaleString('en')}, benign requests: ${s.benign_requests.toLocaleString('en')}`,
  `bytes: ${(bytes / 1e9).toFixed(2)} GB${values.gzip ? ' gzip' : ' JSONL'}`,
  `time: ${result.seconds.toFixed(1)} s, ${Math.round(result.events / result.seconds).toLocaleString('en')} events/s`,
  // Other jobs share this machine's two cores: CPU time shows what one core does when it is ours.
  `cpu: ${cpuSeconds.toFixed(1)} s, ${Math.round(result.events / cpuSeconds).toLocaleString('en')} events per CPU-second`,
  `benign/attack requests: ${(s.benign_requests / Math.max(1, s.attack_requests)).toFixed(2)}`,
  `peak RSS: ${peakMb.toFixed(0)} MB`,
];
process.stdout.write(`${lines.join('\n')}\n`);
if (dir) rmSync(dir, { recursive: true, force: true });
else rmSync(join(tmpdir(), `hydrawatch-bench-labels-${process.pid}.jsonl`), { force: true });
