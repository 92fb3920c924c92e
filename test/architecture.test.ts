// Imports flow one way (STYLE.md): contract ← ingest, signals ← engine ← report, cli. Tests
// may reach across layers to build their fixtures; production code may not.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', 'src');

const ALLOWED: Record<string, readonly string[]> = {
  contract: [],
  ingest: ['contract'],
  signals: ['contract'],
  simulate: ['contract'],
  eval: ['contract', 'ingest'],
  engine: ['contract', 'ingest', 'signals'],
  report: ['contract', 'ingest', 'signals', 'engine'],
  baselines: ['contract', 'ingest', 'eval', 'engine'],
  cli: ['contract', 'ingest', 'signals', 'engine', 'report', 'simulate', 'eval', 'baselines'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('architecture', () => {
  it('every layer imports only the layers beneath it, and nothing imports the CLI', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(src)) {
      if (file.endsWith('.test.ts') || file.includes('test-support') || file.endsWith('-fixture.ts'))
        continue;
      const layer = relative(src, file).split('/')[0]!;
      const allowed = ALLOWED[layer];
      expect(allowed, `unknown layer ${layer}: add it to ALLOWED`).toBeDefined();
      for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const target = relative(src, resolve(dirname(file), m[1]!)).split('/')[0]!;
        if (target !== layer && !allowed!.includes(target))
          violations.push(`${relative(src, file)} imports ${target}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
