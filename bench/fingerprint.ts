// Cost of the template fingerprint alone: sketchText (masking, tokenising, sketches, id) on the
// 600-character prompts of bench/signals.ts, and TemplateIndex.assign on simulator and generated
// streams, by CPU time. With `--against <git revision>` the same work runs on that revision's
// fingerprint in alternating short rounds and the median of the paired ratios is printed: on a
// machine shared with other jobs, rates measured minutes apart differ by more than a change costs.
// Run: npx tsx bench/fingerprint.ts [--against <git revision>]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TemplateSketch } from '../src/signals/fingerprint.ts';
import { samplePrompts } from '../src/signals/sample-prompts.ts';
import { promptSamples } from '../src/simulate/prompts/index.ts';
import { machineLine } from './machine.ts';
import { fixedLengthPrompts } from './prompts.ts';

const LENGTH = 600;
const PROMPTS = 5_000;
const ROUND = 1_000;
const PAIRS = 120;
const ASSIGNS = 20_000;

interface Fingerprint {
  sketchText: (text: string) => TemplateSketch | null;
  TemplateIndex: new () => { assign(input: TemplateSketch): unknown };
}

const FILES = ['fingerprint.ts', 'template-index.ts', 'hash.ts', 'skeleton.ts'];

/**
 * The fingerprint modules of a git revision (or of the working tree, when null), copied to a
 * folder and imported from there: both versions are then loaded and compiled the same way.
 */
async function fingerprintAt(revision: string | null, dir: string): Promise<Fingerprint> {
  for (const file of FILES) {
    const source =
      revision === null
        ? readFileSync(join(import.meta.dirname, '../src/signals', file), 'utf8')
        : execFileSync('git', ['show', `${revision}:src/signals/${file}`], { encoding: 'utf8' });
    writeFileSync(join(dir, file), source);
  }
  const fingerprint = (await import(join(dir, 'fingerprint.ts'))) as Pick<Fingerprint, 'sketchText'>;
  const index = (await import(join(dir, 'template-index.ts'))) as Pick<Fingerprint, 'TemplateIndex'>;
  return { sketchText: fingerprint.sketchText, TemplateIndex: index.TemplateIndex };
}

let sink = 0;
/** µs of CPU time per prompt for sketchText over texts[from, from + ROUND). */
function sketchRound(fp: Fingerprint, texts: readonly string[], from: number): number {
  const start = process.cpuUsage();
  for (let i = from; i < from + ROUND; i++) sink += fp.sketchText(texts[i] as string)?.tokens ?? 0;
  const used = process.cpuUsage(start);
  return (used.user + used.system) / ROUND;
}

/** µs of CPU time per assign call, all inputs into a fresh index. */
function assignRound(fp: Fingerprint, inputs: readonly TemplateSketch[]): number {
  const start = process.cpuUsage();
  const index = new fp.TemplateIndex();
  for (const input of inputs) if (index.assign(input)) sink++;
  const used = process.cpuUsage(start);
  return (used.user + used.system) / inputs.length;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const out = (line: string) => process.stdout.write(`${line}\n`);

/** Median µs of `run` on the current code and, when given, the ratio to `other` in alternating pairs. */
function compare(
  name: string,
  run: (fp: Fingerprint, i: number) => number,
  pairs: number,
  current: Fingerprint,
  other?: Fingerprint,
) {
  for (let i = 0; i < 3; i++) {
    run(current, i);
    if (other) run(other, i);
  }
  const mine: number[] = [];
  const theirs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    if (!other) {
      mine.push(run(current, i));
      continue;
    }
    // Alternate which goes first, so neither always runs right after the other's garbage.
    const before = i % 2 === 0 ? run(other, i) : 0;
    const a = run(current, i);
    const b = i % 2 === 0 ? before : run(other, i);
    mine.push(a);
    theirs.push(b);
    ratios.push(a / b);
  }
  const against = other
    ? `; against it: median ${median(theirs).toFixed(2)}, paired ratio ${median(ratios).toFixed(3)}`
    : '';
  out(`  ${name}: µs per call (CPU time) median ${median(mine).toFixed(2)}${against}`);
}

const at = process.argv.indexOf('--against');
const revision = at === -1 ? null : (process.argv[at + 1] ?? 'HEAD');
const dir = mkdtempSync(join(tmpdir(), 'hw-fingerprint-'));
try {
  const current = await fingerprintAt(null, mkdtempSync(join(dir, 'current-')));
  const other = revision ? await fingerprintAt(revision, mkdtempSync(join(dir, 'other-'))) : undefined;
  const texts = fixedLengthPrompts(PROMPTS, LENGTH);
  out(`sketchText and TemplateIndex.assign, one core${revision ? `, against ${revision}` : ''}`);
  out(machineLine());
  compare(
    `sketchText, ${LENGTH}-character prompts`,
    (fp, i) => sketchRound(fp, texts, (i % 5) * ROUND),
    PAIRS,
    current,
    other,
  );
  const streams = [
    { name: 'simulator prompts (seed 5)', texts: [...promptSamples(5, ASSIGNS)].map((s) => s.text) },
    { name: 'generated templates (seed 42)', texts: samplePrompts(42, ASSIGNS).map((s) => s.text) },
  ];
  for (const stream of streams) {
    // Each version assigns its own fingerprints: their sketches are not comparable.
    const mine = stream.texts
      .map((t) => current.sketchText(t))
      .filter((x): x is TemplateSketch => x !== null);
    const theirs = other
      ? stream.texts.map((t) => other.sketchText(t)).filter((x): x is TemplateSketch => x !== null)
      : mine;
    compare(
      `TemplateIndex.assign, ${stream.name}`,
      (fp) => assignRound(fp, fp === other ? theirs : mine),
      20,
      current,
      other,
    );
  }
  if (sink < 0) out('');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
