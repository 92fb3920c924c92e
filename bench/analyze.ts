// Scaling benchmark of `analyze`: simulates seed-2026 at several sizes into gzip files under
// /tmp, then times `analyze` on each and `validate` on the same file for the floor (read and
// parse only), printing events/s, peak memory and time per stage. Files are deleted after.
// Usage: npx tsx bench/analyze.ts [--scales 0.015,0.06] [--seed 11] [--json out.json]
//        npx tsx bench/analyze.ts --file events.jsonl.gz --scale 1 [--json out.json]
// With --file, an events file simulated beforehand at --scale is measured instead (it is kept):
// at full scale the simulation takes longer than the analysis, and the file can be reused.
// --keep DIR keeps the analysis output there (accounts.jsonl, campaigns.json) for `eval`;
// --note TEXT is saved with --json and printed under the table (say what else ran beside it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machineLine } from './machine.ts';
import type { ScalingRow } from './scaling-row.ts';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '0.015,0.06' },
    seed: { type: 'string', default: '11' },
    json: { type: 'string' },
    file: { type: 'string' },
    scale: { type: 'string' },
    keep: { type: 'string' },
    note: { type: 'string' },
  },
});
const bin = join(import.meta.dirname, '..', 'bin', 'hydrawatch.mjs');

function timed(command: string): { stdout: string; peakRssMb: number; seconds: number } {
  const timeFile = join(tmpdir(), `hw-bench-time-${process.pid}`);
  const started = performance.now();
  const run = spawnSync('bash', ['-c', `/usr/bin/time -f %M -o ${timeFile} ${command}`], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`failed: ${command}\n${run.stderr}`);
  const peakRssMb = Math.round(Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) / 1024);
  rmSync(timeFile, { force: true });
  return { stdout: run.stdout, peakRssMb, seconds };
}

if (values.file !== undefined && values.scale === undefined) {
  process.stderr.write('bench: --file needs --scale, the scale the file was simulated at\n');
  process.exit(2);
}
const runs =
  values.file === undefined
    ? values.scales.split(',').map((scale) => ({ scale: Number(scale), file: null }))
    : [{ scale: Number(values.scale), file: values.file }];

const rows: ScalingRow[] = [];
process.stdout.write(`${machineLine()}\n`);
for (const { scale, file } of runs) {
  const dir = mkdtempSync(join(tmpdir(), 'hw-bench-analyze-'));
  const sim = join(dir, 'sim');
  if (file === null) {
    timed(
      `node ${bin} simulate --scenario seed-2026 --scale ${scale} --seed ${values.seed} --gzip --quiet --out ${sim}`,
    );
  }
  const events = file ?? join(sim, 'events.jsonl.gz');
  const floor = timed(`node ${bin} validate ${events} --json --rejects ${join(dir, 'rejects.jsonl')}`);
  const floorRecords = (JSON.parse(floor.stdout) as { records: number }).records;
  const out = values.keep ?? dir;
  const analyzed = timed(`node ${bin} analyze ${events} --no-report --out ${out}`);
  const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  const row: ScalingRow = {
    scale,
    records: run.records,
    accounts: run.accounts,
    templates: run.templates,
    seconds: run.seconds,
    eventsPerSecond: Math.round(run.recordsPerSecond),
    engineSeconds: run.engineSeconds,
    readerSeconds: run.seconds - run.engineSeconds,
    peakRssMb: analyzed.peakRssMb,
    floorEventsPerSecond: Math.round(floorRecords / floor.seconds),
  };
  rows.push(row);
  process.stdout.write(
    `scale ${scale}: ${row.records.toLocaleString('en-US')} events, ${row.accounts.toLocaleString('en-US')} accounts, ${row.templates.toLocaleString('en-US')} templates: ${row.seconds.toFixed(1)} s, ${row.eventsPerSecond.toLocaleString('en-US')} events/s (engine ${row.engineSeconds.toFixed(1)} s, waiting on readers ${row.readerSeconds.toFixed(1)} s), peak RSS ${row.peakRssMb} MB; read+parse floor (validate, same stream) ${row.floorEventsPerSecond.toLocaleString('en-US')} events/s\n`,
  );
}
if (values.json) {
  const command = `npx tsx bench/analyze.ts ${process.argv.slice(2).join(' ')}`;
  const saved = {
    machine: machineLine(),
    date: new Date().toISOString(),
    command,
    ...(values.note ? { note: values.note } : {}),
    rows,
  };
  writeFileSync(values.json, `${JSON.stringify(saved, null, 2)}\n`);
}
