// Regenerates docs/RESULTS.md: simulates a tuning seed and an evaluation seed of seed-2026,
// runs the detector and the baselines (tuned on the tuning seed) on the evaluation seed,
// scores all of them with the same eval, and adds the scaling benchmark. Every figure in the
// file comes from this run. Generated data stays under the system temp folder.
// Usage: npx tsx scripts/results.ts [--scale 0.02] [--tune-seed 101] [--eval-seed 202]
//          [--scaling-scales 0.015,0.06] [--scaling-saved docs/scaling-full-scale.json]
//          [--out docs/RESULTS.md]
// --scaling-saved adds rows that bench/analyze.ts saved with --json from an earlier, longer run
// (the full scale takes hours on this machine), cited with the command and date of that run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { machineLine } from '../bench/machine.ts';
import type { ScalingRow } from '../bench/scaling-row.ts';
import type { BaselineSetting } from '../src/baselines/index.ts';
import {
  describeBaseline,
  profileTraffic,
  runBaseline,
  tuneBaseline,
  writeVerdicts,
} from '../src/baselines/index.ts';
import type { AccountVerdict } from '../src/contract/outputs.ts';
import { analyze } from '../src/engine/analyze.ts';
import {
  ablateFields,
  type EvalReport,
  FIELD_ABLATIONS,
  readLabels,
  recallAtFalsePositiveRate,
  scoredAccounts,
  scoreRun,
} from '../src/eval/index.ts';
import { runSimulation } from '../src/simulate/run.ts';
import { loadScenario } from '../src/simulate/scenario.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '0.02' },
    'tune-seed': { type: 'string', default: '101' },
    'eval-seed': { type: 'string', default: '202' },
    'max-fpr': { type: 'string', default: '0.001' },
    'scaling-scales': { type: 'string', default: '0.015,0.06' },
    'scaling-saved': { type: 'string' },
    out: { type: 'string', default: join(import.meta.dirname, '..', 'docs', 'RESULTS.md') },
  },
});
const scale = Number(values.scale);
const maxFpr = Number(values['max-fpr']);
const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'hydrawatch-results-'));
const log = (line: string) => process.stderr.write(`${line}\n`);

const scenario = loadScenario('seed-2026');
if (!scenario.ok) throw new Error(scenario.reason);

async function simulateSeed(seed: number) {
  const out = join(work, `seed-${seed}`);
  log(`simulating seed-2026 at scale ${scale}, seed ${seed}`);
  if (!scenario.ok) throw new Error(scenario.reason);
  await runSimulation(scenario.scenario, { scale, seed, out, gzip: true });
  return { events: join(out, 'events.jsonl.gz'), labels: join(out, 'labels.jsonl') };
}

async function score(name: string, verdicts: readonly AccountVerdict[], events: string, labels: string) {
  const accountsPath = join(work, `${name}.accounts.jsonl`);
  await writeVerdicts(accountsPath, verdicts);
  const report = await scoreRun({ labelsPath: labels, accountsPath, eventsPath: events });
  if (!report.ok) throw new Error(`scoring ${name}: ${report.reason}`);
  return report.value;
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(x > 0 && x < 0.01 ? 2 : 1)}%`);
const hours = (s: number | null) =>
  s === null ? 'n/a' : s < 3600 ? `${(s / 60).toFixed(0)} min` : `${(s / 3600).toFixed(1)} h`;
const num = (x: number | null) =>
  x === null ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: 1 });

const tune = await simulateSeed(Number(values['tune-seed']));
const evaluation = await simulateSeed(Number(values['eval-seed']));
const evalLabels = await readLabels(evaluation.labels);
const tuneLabels = await readLabels(tune.labels);
if (!evalLabels.ok || !tuneLabels.ok) throw new Error('labels unreadable');

log('analyzing the evaluation seed with the detector');
const detector = await analyze([evaluation.events]);
const methods: { name: string; setting: string; verdicts: AccountVerdict[] }[] = [
  { name: 'Hydrawatch', setting: 'defaults', verdicts: detector.accounts },
];

log('profiling both seeds for the baselines');
const tuneProfile = await profileTraffic([tune.events]);
const evalProfile = await profileTraffic([evaluation.events]);
for (const method of ['rate-limit', 'anomaly'] as const) {
  const tuned = tuneBaseline(method, tuneProfile, tuneLabels.value.records, { maxFalsePositiveRate: maxFpr });
  const best: BaselineSetting | null = tuned.best;
  if (!best) {
    methods.push({
      name: method,
      setting: `no setting within ${pct(maxFpr)} on the tuning seed`,
      verdicts: [],
    });
    continue;
  }
  methods.push({ name: method, setting: describeBaseline(best), verdicts: runBaseline(evalProfile, best) });
}

const reports: { name: string; setting: string; report: EvalReport; verdicts: AccountVerdict[] }[] = [];
for (const m of methods) {
  log(`scoring ${m.name}`);
  reports.push({ ...m, report: await score(m.name, m.verdicts, evaluation.events, evaluation.labels) });
}

// At the detector's own benign false-positive rate, what recall does each method's score reach?
const detectorFpr = reports[0]!.report.accounts.falsePositiveRate ?? 0;
const budget = Math.max(detectorFpr, 1 / Math.max(1, reports[0]!.report.accounts.benign));
const sameFpr = reports.map((r) => ({
  name: r.name,
  point: recallAtFalsePositiveRate(scoredAccounts(evalLabels.value.records, r.verdicts), budget),
}));

// The same evaluation traffic with groups of optional fields removed: providers log different
// things, and the detector must not depend on one optional field to work at all.
const ablations: { name: string; report: EvalReport }[] = [];
for (const [i, ablation] of FIELD_ABLATIONS.entries()) {
  log(`analyzing the evaluation seed with ${ablation.name}`);
  const events = join(work, `ablation-${i}.jsonl.gz`);
  await ablateFields(evaluation.events, events, ablation);
  const run = await analyze([events]);
  ablations.push({
    name: ablation.name,
    report: await score(`ablation-${i}`, run.accounts, events, evaluation.labels),
  });
}

log('running the scaling benchmark');
const scalingJson = join(work, 'scaling.json');
const bench = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    join(root, 'bench', 'analyze.ts'),
    '--scales',
    values['scaling-scales'],
    '--json',
    scalingJson,
  ],
  { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
);
if (bench.status !== 0) throw new Error('scaling benchmark failed');
interface SavedScaling {
  machine: string;
  date?: string;
  command?: string;
  note?: string;
  rows: ScalingRow[];
}
const scaling = JSON.parse(readFileSync(scalingJson, 'utf8')) as SavedScaling;
const saved = (values['scaling-saved'] ?? '')
  .split(',')
  .filter((path) => path.length > 0)
  .map((path) => ({ path, ...(JSON.parse(readFileSync(path, 'utf8')) as SavedScaling) }));
const scalingRows = [...scaling.rows, ...saved.flatMap((s) => s.rows)].sort((a, b) => a.scale - b.scale);

const archetypes = reports[0]!.report.accounts.archetypes;
const lines: string[] = [
  '# Results',
  '',
  `Generated by \`npm run results -- --scale ${scale}\` (scripts/results.ts) on ${new Date().toISOString().slice(0, 10)}; every figure below comes from that run.`,
  `${machineLine()}.`,
  '',
  `Traffic: the built-in \`seed-2026\` scenario at scale ${scale}. Baselines were tuned on seed ${values['tune-seed']} (best recall with at most ${pct(maxFpr)} benign false positives) and everything is scored on seed ${values['eval-seed']}, which no tuning used.`,
  '',
  '## Per archetype',
  '',
  `Attack rows give recall, benign rows the false-positive rate (accounts flagged).`,
  '',
  `| archetype | label | accounts | ${reports.map((r) => r.name).join(' | ')} |`,
  `|---|---|---:|${reports.map(() => '---:').join('|')}|`,
];
for (const a of archetypes) {
  const cells = reports.map((r) => {
    const row = r.report.accounts.archetypes.find((x) => x.archetype === a.archetype);
    return row ? `${pct(row.rate)} (${row.flagged})` : 'n/a';
  });
  lines.push(`| ${a.archetype} | ${a.label} | ${a.accounts} | ${cells.join(' | ')} |`);
}
lines.push(
  `| **all attack** | attack | ${reports[0]!.report.accounts.attack} | ${reports.map((r) => `**${pct(r.report.accounts.recall)}**`).join(' | ')} |`,
  `| **all benign** | benign | ${reports[0]!.report.accounts.benign} | ${reports.map((r) => `**${pct(r.report.accounts.falsePositiveRate)}**`).join(' | ')} |`,
  '',
  `Settings: ${reports.map((r) => `${r.name}: ${r.setting}`).join('; ')}.`,
  '',
  '## At the same benign false-positive rate',
  '',
  `Each method's own score swept on the evaluation seed (an advantage the baselines would not have in production) to the detector's benign false-positive rate, ${pct(budget)}:`,
  '',
  '| method | recall | false-positive rate | threshold |',
  '|---|---:|---:|---:|',
  ...sameFpr.map(
    (s) =>
      `| ${s.name} | ${pct(s.point.recall)} | ${pct(s.point.falsePositiveRate)} | ${Number.isFinite(s.point.threshold) ? s.point.threshold.toFixed(3) : 'flags nothing'} |`,
  ),
  '',
  '## Time to detect and respawns',
  '',
  '| method | campaigns detected | time to detect (median / max) | respawned accounts: requests before flagged (median / p90) | operator purity | adjusted Rand index |',
  '|---|---:|---:|---:|---:|---:|',
  ...reports.map((r) => {
    const t = r.report.timeToDetect;
    const s = r.report.respawn.requestsBeforeFlag;
    const g = r.report.grouping;
    return `| ${r.name} | ${t.detected} of ${t.detected + t.undetected} | ${hours(t.seconds.median)} / ${hours(t.seconds.max)} | ${num(s.median)} / ${num(s.p90)} | ${g.purity === null ? 'n/a' : g.purity.toFixed(3)} | ${g.adjustedRandIndex === null ? 'n/a' : g.adjustedRandIndex.toFixed(3)} |`;
  }),
  '',
  '## When optional fields are missing',
  '',
  'The detector on the same evaluation traffic with groups of optional fields taken out (`FIELD_ABLATIONS` in src/eval/field-ablation.ts): what it leans on.',
  '',
  '| traffic | attack recall | benign false-positive rate | worst benign archetype | operator purity | time to detect (median) |',
  '|---|---:|---:|---|---:|---:|',
  ...[{ name: 'every field (as above)', report: reports[0]!.report }, ...ablations].map(
    ({ name, report }) => {
      const benign = report.accounts.archetypes.filter((a) => a.label === 'benign');
      const worst = benign.reduce((w, a) => ((a.rate ?? 0) > (w?.rate ?? -1) ? a : w), benign[0]);
      const worstCell = worst ? `${worst.archetype} ${pct(worst.rate)}` : 'n/a';
      const purity = report.grouping.purity === null ? 'n/a' : report.grouping.purity.toFixed(3);
      return `| ${name} | ${pct(report.accounts.recall)} | ${pct(report.accounts.falsePositiveRate)} | ${worstCell} | ${purity} | ${hours(report.timeToDetect.seconds.median)} |`;
    },
  ),
  '',
  '## Scaling',
  '',
  '`npx tsx bench/analyze.ts --scales ' +
    values['scaling-scales'] +
    '`: seed-2026 simulated to gzip under /tmp, then `analyze` on it; the floor is `validate` (read, parse and check only) on the same file.',
  '',
  '| scale | events | accounts | templates | analyze events/s | engine s | readers s | peak RSS MB | read+parse floor events/s |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...scalingRows.map(
    (r) =>
      `| ${r.scale} | ${r.records.toLocaleString('en-US')} | ${r.accounts.toLocaleString('en-US')} | ${r.templates.toLocaleString('en-US')} | ${r.eventsPerSecond.toLocaleString('en-US')} | ${r.engineSeconds.toFixed(1)} | ${r.readerSeconds.toFixed(1)} | ${r.peakRssMb} | ${r.floorEventsPerSecond.toLocaleString('en-US')} |`,
  ),
  '',
  ...saved.map(
    (s) =>
      `Rows at scale ${s.rows.map((r) => r.scale).join(', ')}: saved in \`${relative(root, s.path)}\` by \`${s.command ?? 'bench/analyze.ts'}\`${s.date ? ` on ${s.date.slice(0, 10)}` : ''} (${s.machine}).${s.note ? ` ${s.note}` : ''}`,
  ),
  ...(saved.length > 0 ? [''] : []),
  'Where the time goes: *engine s* is main-thread time spent in the engine (account state, template index, linking); *readers s* is the rest of the run, when the main thread waited on the reader workers (parse, contract check, per-request signals), which work in parallel with it. The floor shows how fast the same file is merely read, parsed and checked.',
  '',
);
writeFileSync(values.out, `${lines.join('\n')}\n`);
rmSync(work, { recursive: true, force: true });
log(`wrote ${values.out}`);
