// The writer both held-out template sets share (make-template-heldout.ts, make-template-final.ts):
// seeded draws of a family, one of its paraphrases, and a value for each slot, one JSON line each.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { random } from '../src/signals/sample-prompts.ts';

export interface TemplateFamily {
  name: string;
  language: 'en' | 'zh';
  paraphrases: readonly string[];
}

/** Writes `prompts` lines `{text, templateKey}` to bench/data/`fileName`, the same on every machine. */
export function writeTemplateSet(
  fileName: string,
  families: readonly TemplateFamily[],
  slots: Readonly<Record<string, readonly string[]>>,
  seed: number,
  prompts: number,
): void {
  const next = random(seed);
  const pick = <T>(pool: readonly T[]): T => pool[Math.floor(next() * pool.length)] as T;
  const lines: string[] = [];
  for (let i = 0; i < prompts; i++) {
    const family = pick(families);
    const text = pick(family.paraphrases).replace(/\{(\w+)\}/g, (_, slot: string) =>
      pick(slots[slot] ?? [slot]),
    );
    lines.push(JSON.stringify({ text, templateKey: `${family.language}/${family.name}` }));
  }
  const file = join(import.meta.dirname, '../bench/data', fileName);
  writeFileSync(file, `${lines.join('\n')}\n`);
  process.stdout.write(`wrote ${lines.length} prompts from ${families.length} families to ${file}\n`);
}
