// Writes a variant of a scenario in which the attacks change one thing, to measure a detector on
// operators that do not behave as the built-in scenario's do (docs/engine.md, "Variants").
// Run: npx tsx scripts/scenario-variant.ts --variant static-exits --out /tmp/static-exits.json
//      [--scenario seed-2026]
// Variants:
//   static-exits    every attack population keeps one residential exit per account (ipMode home,
//                   "static" or "ISP" proxies): no address changes to see.
//   corpus-attacks  attack populations draw 80% of their first turns from the `distill` class of
//                   a `--corpus` directory (simulate with `--corpus DIR`), not from our templates.
//   own-cards       every attack account pays with a card of its own (one virtual card per
//                   account, as card-issuing services sell them): no payment instrument shared.
// Several variants combine with commas, e.g. --variant static-exits,own-cards.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkScenario, loadScenario, type Scenario } from '../src/simulate/scenario.ts';

const VARIANTS: Record<string, (population: Scenario['populations'][number]) => void> = {
  'static-exits': (p) => {
    p.infra.ipMode = 'home';
  },
  'corpus-attacks': (p) => {
    p.prompts.corpus = { classes: ['distill'], share: 0.8 };
  },
  'own-cards': (p) => {
    if (p.grouping) p.grouping.payment = 'account';
  },
};

const { values } = parseArgs({
  options: {
    variant: { type: 'string' },
    scenario: { type: 'string', default: 'seed-2026' },
    out: { type: 'string' },
  },
});
const names = values.variant === undefined ? [] : values.variant.split(',');
const changes = names.map((name) => VARIANTS[name]);
if (names.length === 0 || changes.includes(undefined) || values.out === undefined) {
  process.stderr.write(
    `usage: npx tsx scripts/scenario-variant.ts --variant ${Object.keys(VARIANTS).join('|')}[,…] --out FILE [--scenario NAME|FILE]\n`,
  );
  process.exit(2);
}
const loaded = loadScenario(values.scenario);
if (!loaded.ok) {
  process.stderr.write(`scenario-variant: ${loaded.reason}\n`);
  process.exit(2);
}
const scenario = structuredClone(loaded.scenario);
let changed = 0;
for (const population of scenario.populations) {
  if (population.label !== 'attack') continue;
  for (const change of changes) change?.(population);
  changed++;
}
scenario.name = `${scenario.name}-${names.join('-')}`;
const checked = checkScenario(scenario);
if (!checked.ok) {
  process.stderr.write(`scenario-variant: the variant is not a valid scenario: ${checked.reason}\n`);
  process.exit(1);
}
writeFileSync(values.out, `${JSON.stringify(scenario, null, 2)}\n`);
process.stdout.write(`${values.out}: ${scenario.name}, ${changed} attack populations changed\n`);
