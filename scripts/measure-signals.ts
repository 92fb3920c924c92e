// Regenerates every quality figure of docs/signals.md: template grouping, reasoning elicitation and
// capability targeting, on generated prompts, simulator prompts and (when present) ../shared/corpora.
// Run: npx tsx scripts/measure-signals.ts [corpora dir]
// Template grouping is reported on several generator seeds and on two held-out sets written apart
// from the generator (bench/data, see scripts/make-template-*.ts): one seed is not evidence.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pairwisePrecisionRecall as pairwise } from '../src/eval/metrics.ts';
import { computeSignals, TemplateIndex, topCapability } from '../src/signals/index.ts';
import { type SamplePrompt, samplePrompts } from '../src/signals/sample-prompts.ts';
import { promptSamples } from '../src/simulate/prompts/index.ts';

interface Labelled {
  text: string;
  templateKey: string;
  elicitation: boolean;
  language: string;
  group: string;
  system?: string;
}

const FLAG = 0.5;
/** Held out: the simulator seed looked at while writing cues was 7; figures use other seeds. */
const SIM_SEED = 2024;
const GEN_SEED = 99;
/** Generator seeds for template grouping: its recall moves by several points from seed to seed. */
const GEN_SEEDS = [99, 5, 17, 123, 1, 2, 3, 42];
/**
 * Held-out template sets: `heldout` was looked at while hw3 was built (a development set),
 * `final` was not read until hw3 was settled.
 */
const HELD_OUT = [
  { name: 'held-out development set (bench/data/template-heldout.jsonl)', file: 'template-heldout.jsonl' },
  { name: 'held-out final set (bench/data/template-final.jsonl)', file: 'template-final.jsonl' },
];
/**
 * Hand-written elicitation sets, phrased apart from the cue table and the simulator's grammars
 * (2026-12-07). Each was written before the cues were widened on it: `dev-1` (then widened),
 * `dev-2` (scored 22/41 as written, then widened), `dev-3` (13/35, then widened), `final` (14/33)
 * and `final-2` (12/29), each scored once as written and then used for a last widening, and
 * `final-3`, written after that and never used to change a cue: its figure is the one to quote.
 */
const ELICITATION_HELD_OUT = ['dev-1', 'dev-2', 'dev-3', 'final', 'final-2', 'final-3'].map((set) => ({
  name: `hand-written ${set} set (bench/data/elicitation-${set}.jsonl)`,
  file: `elicitation-${set}.jsonl`,
}));
const corporaDir = resolve(process.argv[2] ?? join(import.meta.dirname, '../../shared/corpora'));
const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const out = (line: string) => process.stdout.write(`${line}\n`);

/** Fraction of all pairs that share an id (ids that are null never pair). */
function sharedPairs(ids: readonly (string | null)[]): number {
  const counts = new Map<string, number>();
  for (const id of ids) if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
  let shared = 0;
  for (const c of counts.values()) shared += (c * (c - 1)) / 2;
  return shared / ((ids.length * (ids.length - 1)) / 2);
}

function cluster(items: readonly { text: string; system?: string }[]): {
  ids: (string | null)[];
  clusters: (string | null)[];
} {
  const index = new TemplateIndex();
  const ids: (string | null)[] = [];
  const clusters: (string | null)[] = [];
  for (const item of items) {
    const { template } = computeSignals({
      prompt: item.text,
      ...(item.system ? { system: item.system } : {}),
    });
    ids.push(template.templateId);
    clusters.push(index.assign(template)?.clusterId ?? null);
  }
  return { ids, clusters };
}

function templateFigures(name: string, items: readonly Labelled[]): void {
  const { ids, clusters } = cluster(items);
  const keys = items.map((s) => s.templateKey);
  const c = pairwise(
    keys,
    clusters.map((x, i) => x ?? `none-${i}`),
  );
  const e = pairwise(
    keys,
    ids.map((x, i) => x ?? `none-${i}`),
  );
  out(
    `  ${name}: ${items.length} prompts, ${new Set(keys).size} templates -> TemplateIndex clusters: pairwise precision ${c.precision.toFixed(4)}, recall ${c.recall.toFixed(4)}; exact templateId alone: precision ${e.precision.toFixed(4)}, recall ${e.recall.toFixed(4)}`,
  );
}

function elicitationFigures(name: string, items: readonly Labelled[]): void {
  const rows = new Map<string, { n: number; flagged: number; elicitation: boolean }>();
  for (const s of items) {
    const flagged =
      computeSignals({ prompt: s.text, ...(s.system ? { system: s.system } : {}) }).elicitation.score >= FLAG;
    for (const key of [
      `${s.elicitation ? 'elicitation' : 'other'} ${s.language}`,
      `  ${s.group}/${s.language}`,
    ]) {
      const row = rows.get(key) ?? { n: 0, flagged: 0, elicitation: s.elicitation };
      row.n++;
      if (flagged) row.flagged++;
      rows.set(key, row);
    }
  }
  out(`  ${name}: share flagged (score >= ${FLAG})`);
  for (const [key, row] of [...rows].sort((a, b) => a[0].localeCompare(b[0]))) {
    out(`    ${key}: ${pct(row.flagged / row.n)} of ${row.n}${row.elicitation ? ' (elicitation)' : ''}`);
  }
}

interface CorpusPrompt {
  text: string;
  class: string;
  task: string;
  source: string;
}

function readCorpora(): CorpusPrompt[] | null {
  if (!existsSync(corporaDir)) return null;
  const prompts: CorpusPrompt[] = [];
  for (const name of readdirSync(corporaDir).sort()) {
    const file = join(corporaDir, name, 'prompts.jsonl');
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim().length > 0) prompts.push({ ...(JSON.parse(line) as CorpusPrompt), source: name });
    }
  }
  return prompts;
}

/** Corpora whose whole content is one task, and the class that task maps to. */
const CAPABILITY_CORPORA: Record<string, 'coding' | 'math' | 'tool_use' | 'general'> = {
  codealpaca: 'coding',
  'gpteacher-codegen': 'coding',
  humaneval: 'coding',
  gsm8k: 'math',
  'math-test': 'math',
  'gpteacher-toolformer': 'tool_use',
  alpaca: 'general',
  lima: 'general',
  'oasst-prompts': 'general',
};

function capabilityClass(text: string): string {
  const top = topCapability(computeSignals({ prompt: text }).capability);
  if (top === 'coding' || top === 'tool_use') return top;
  if (top === 'math_reasoning') return 'math';
  return 'general';
}

function capabilityFigures(prompts: readonly CorpusPrompt[]): void {
  const classes = ['coding', 'math', 'tool_use', 'general'];
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const p of prompts) {
    const truth = CAPABILITY_CORPORA[p.source];
    if (!truth) continue;
    const predicted = capabilityClass(p.text);
    if (predicted === truth) add(tp, truth);
    else {
      add(fp, predicted);
      add(fn, truth);
    }
  }
  let sum = 0;
  for (const c of classes) {
    const t = tp.get(c) ?? 0;
    const precision = t / (t + (fp.get(c) ?? 0) || 1);
    const recall = t / (t + (fn.get(c) ?? 0) || 1);
    const f1 = (2 * precision * recall) / (precision + recall || 1);
    sum += f1;
    out(`    ${c}: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${f1.toFixed(3)}`);
  }
  out(
    `  capability macro-F1 (4 classes: coding, math, tool_use, general): ${(sum / classes.length).toFixed(3)}`,
  );
}

function toLabelled(samples: readonly SamplePrompt[]): Labelled[] {
  return samples.map((s) => ({ ...s, group: s.templateKey.split('/')[1] ?? '' }));
}

const generated: Labelled[] = toLabelled(samplePrompts(GEN_SEED, 3000));
const simulated: Labelled[] = [...promptSamples(SIM_SEED, 6000)].map((s) => ({
  text: s.text,
  templateKey: `${s.language}/${s.templateKey}`,
  elicitation: s.elicitation,
  language: s.language,
  group: s.family,
  ...(s.system ? { system: s.system } : {}),
}));

out('Template grouping (pairwise over all prompt pairs; same template = same templateKey)');
for (const seed of GEN_SEEDS) {
  const prompts = seed === GEN_SEED ? generated : toLabelled(samplePrompts(seed, 3000));
  templateFigures(`generated (src/signals/sample-prompts.ts, seed ${seed})`, prompts);
}
templateFigures(`simulator (src/simulate promptSamples, seed ${SIM_SEED})`, simulated.slice(0, 3000));
for (const { name, file } of HELD_OUT) {
  const lines = readFileSync(join(import.meta.dirname, '../bench/data', file), 'utf8')
    .trim()
    .split('\n');
  const prompts = lines.map((line) => JSON.parse(line) as { text: string; templateKey: string });
  templateFigures(
    name,
    prompts.map((p) => ({ ...p, elicitation: false, language: '', group: '' })),
  );
}
out('Reasoning elicitation');
elicitationFigures(`generated (seed ${GEN_SEED})`, generated);
elicitationFigures(`simulator (seed ${SIM_SEED}, ${simulated.length} prompts)`, simulated);
for (const { name, file } of ELICITATION_HELD_OUT) {
  const lines = readFileSync(join(import.meta.dirname, '../bench/data', file), 'utf8')
    .trim()
    .split('\n');
  const prompts = lines.map(
    (line) => JSON.parse(line) as { text: string; kind: string; language: string; elicitation: boolean },
  );
  elicitationFigures(
    name,
    prompts.map((p) => ({ ...p, templateKey: '', group: p.kind })),
  );
}

const corpora = readCorpora();
if (!corpora) {
  out(`Corpora: ${corporaDir} not found; corpus figures skipped.`);
} else {
  const human = corpora.filter((p) => p.class === 'human');
  const { ids, clusters } = cluster(human);
  out(`Corpora (${corporaDir})`);
  out(
    `  template ids on ${human.length} human prompts (class human): pairs sharing a TemplateIndex cluster ${sharedPairs(clusters).toExponential(2)}, sharing an exact templateId ${sharedPairs(ids).toExponential(2)} (bar: < 1e-3)`,
  );
  // Distillation sets are harvested prompts: some were built from one template, so sharing is
  // expected here; the figure shows how much of each set the index would put together.
  out('  template clusters per distill corpus (class distill, each corpus clustered alone):');
  const distill = [...new Set(corpora.filter((p) => p.class === 'distill').map((p) => p.source))];
  for (const source of distill) {
    const prompts = corpora.filter((p) => p.source === source);
    const grouped = cluster(prompts);
    const sizes = new Map<string, number>();
    for (const id of grouped.clusters) if (id !== null) sizes.set(id, (sizes.get(id) ?? 0) + 1);
    const largest = Math.max(0, ...sizes.values());
    out(
      `    ${source}: ${prompts.length} prompts, ${sizes.size} clusters, largest ${largest} (${pct(largest / prompts.length)}); pairs sharing a cluster ${sharedPairs(grouped.clusters).toExponential(2)}, an exact templateId ${sharedPairs(grouped.ids).toExponential(2)}`,
    );
  }
  const bySource = new Map<string, { n: number; flagged: number; cls: string }>();
  for (const p of corpora) {
    const row = bySource.get(p.source) ?? { n: 0, flagged: 0, cls: p.class };
    row.n++;
    if (computeSignals({ prompt: p.text }).elicitation.score >= FLAG) row.flagged++;
    bySource.set(p.source, row);
  }
  const humanRows = [...bySource.values()].filter((r) => r.cls === 'human');
  const flaggedHuman = humanRows.reduce((a, r) => a + r.flagged, 0);
  out(
    `  elicitation flags on human prompts: ${pct(flaggedHuman / human.length)} (${flaggedHuman} of ${human.length}; bar: <= 2%)`,
  );
  for (const [source, row] of bySource)
    out(`    ${source} (${row.cls}): ${pct(row.flagged / row.n)} of ${row.n}`);
  capabilityFigures(corpora);
}
