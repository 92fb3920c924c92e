// Reads real prompt text for --corpus: every prompts.jsonl under a folder (or one file),
// shaped {"text","source","class","task"}, grouped by class. Bounded by the corpus, not the run.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusTexts } from './actor.ts';

export type CorpusResult = { ok: true; corpus: CorpusTexts; files: number } | { ok: false; reason: string };

function corpusFiles(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  const direct = join(path, 'prompts.jsonl');
  if (existsSync(direct)) return [direct];
  return readdirSync(path)
    .sort()
    .map((name) => join(path, name, 'prompts.jsonl'))
    .filter((file) => existsSync(file));
}

export function loadCorpus(path: string): CorpusResult {
  if (!existsSync(path)) return { ok: false, reason: `corpus ${path} does not exist` };
  const files = corpusFiles(path);
  if (files.length === 0) return { ok: false, reason: `no prompts.jsonl under ${path}` };
  const byClass = new Map<string, string[]>();
  for (const file of files) {
    for (const [i, line] of readFileSync(file, 'utf8').split('\n').entries()) {
      if (line.trim() === '') continue;
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch {
        return { ok: false, reason: `${file}:${i + 1}: not valid JSON` };
      }
      const { text, class: cls } = row as { text?: unknown; class?: unknown };
      if (typeof text !== 'string' || typeof cls !== 'string' || text.length === 0) continue;
      const list = byClass.get(cls) ?? [];
      list.push(text);
      byClass.set(cls, list);
    }
  }
  return { ok: true, corpus: byClass, files: files.length };
}
