// The README's commands, run as a user runs them: through bin/hydrawatch.mjs.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'hydrawatch.mjs');
const cli = (args: string[], input?: string) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', input, timeout: 120_000 });

/** A fresh folder for one test, removed when the file's tests are done. */
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hw-cli-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('hydrawatch CLI', () => {
  it('has --help on every subcommand', () => {
    const top = cli(['--help']);
    expect(top.status).toBe(0);
    const commands = ['demo', 'analyze', 'validate', 'simulate', 'eval', 'signals'];
    for (const c of commands) expect(top.stdout).toContain(c);
    for (const c of commands) {
      const help = cli([c, '--help']);
      expect(help.status, c).toBe(0);
      expect(help.stdout, c).toContain(`Usage: hydrawatch ${c}`);
    }
  });

  it('validates the shipped sample as the README shows, from a file and from stdin', () => {
    const dir = tempDir();
    const fromFile = cli(['validate', 'examples/sample.jsonl', '--json', '--rejects', join(dir, 'r.jsonl')]);
    expect(fromFile.status).toBe(0);
    const report = JSON.parse(fromFile.stdout);
    expect(report).toMatchObject({ records: 5, rejected: 0, accounts: 2 });
    const sample = readFileSync(join(root, 'examples', 'sample.jsonl'), 'utf8');
    const fromStdin = cli(['validate', '-', '--json', '--rejects', join(dir, 'r2.jsonl')], sample);
    expect(JSON.parse(fromStdin.stdout).records).toBe(5);
  });

  it('names every input format the README mentions', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const help = cli(['validate', '--help']).stdout.replace(/\s+/g, ' ');
    for (const m of readme.matchAll(/--format (\w+)/g)) expect(help).toContain(m[1]);
  });

  it('pipes the simulator into analyze and scores the result with eval', () => {
    const dir = tempDir();
    const labels = join(dir, 'labels.jsonl');
    const traffic = execFileSync(
      process.execPath,
      [
        bin,
        'simulate',
        '--scenario',
        'tiny',
        '--scale',
        '0.2',
        '--seed',
        '5',
        '--out',
        '-',
        '--labels',
        labels,
        '--quiet',
      ],
      { cwd: root, maxBuffer: 1 << 28 },
    ).toString();
    const out = join(dir, 'out');
    const analyzed = cli(['analyze', '-', '--out', out], traffic);
    expect(analyzed.status, analyzed.stderr).toBe(0);
    expect(analyzed.stdout).toContain('accounts flagged');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<html');
    const scored = cli([
      'eval',
      '--labels',
      labels,
      '--accounts',
      join(out, 'accounts.jsonl'),
      '--format',
      'json',
    ]);
    expect(scored.status, scored.stderr).toBe(0);
    const report = JSON.parse(scored.stdout);
    // Plumbing, not detection quality: that is measured at scale by eval (docs/engine.md).
    expect(report.accounts.recall).toBeGreaterThan(0.3);
    expect(report.accounts.falsePositiveRate).toBeLessThan(0.05);
  });
});
