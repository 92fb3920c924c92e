import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvalReport } from '../eval/score-run.ts';
import { handEvents, handLabels, handVerdicts } from '../eval/test-support/hand-made.ts';
import { evalCommand } from './eval.ts';

let dir: string;
const path = (name: string): string => join(dir, name);
const jsonl = (records: readonly object[]): string => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hydrawatch-eval-cli-'));
  await writeFile(path('labels.jsonl'), jsonl(handLabels));
  await writeFile(path('accounts.jsonl'), jsonl(handVerdicts));
  await writeFile(path('events.jsonl.gz'), gzipSync(jsonl(handEvents)));
  await writeFile(
    path('campaigns.json'),
    JSON.stringify([
      {
        campaign_id: 'C1',
        score: 0.9,
        accounts: ['k1', 'k3', 'k5'],
        first_seen: '2026-02-01T00:05:00Z',
        last_seen: '2026-02-01T02:20:00Z',
        requests: 9,
        evidence: ['shared template'],
      },
    ]),
  );
  await writeFile(
    path('bad-accounts.jsonl'),
    `${jsonl(handVerdicts.slice(0, 1))}{"account_id":"k2","flagged":"yes"}\n`,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const out = { stdout: '', stderr: '', code: -1 };
  const command = evalCommand({
    stdout: (text) => {
      out.stdout += text;
    },
    stderr: (text) => {
      out.stderr += text;
    },
    exit: (code) => {
      out.code = code;
    },
  })
    .exitOverride()
    .configureOutput({ writeErr: (text) => (out.stderr += text), writeOut: (text) => (out.stdout += text) });
  await command.parseAsync(args, { from: 'user' });
  return out;
}

describe('hydrawatch eval', () => {
  it('prints the table and writes the same report as JSON', async () => {
    const result = await run(
      '--labels',
      path('labels.jsonl'),
      '--accounts',
      path('accounts.jsonl'),
      '--campaigns',
      path('campaigns.json'),
      '--events',
      path('events.jsonl.gz'),
      '--json',
      path('report.json'),
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('precision 83.33%   recall 71.43%');
    expect(result.stdout).toMatch(/hydra\s+attack\s+5\s+3\s+0\s+60.00% recall/);
    expect(result.stdout).toMatch(/casual\s+benign\s+2\s+1\s+0\s+50.00% FP rate/);
    expect(result.stdout).toContain('campaigns.json: 1 campaigns, 1 mostly attack');
    const report = JSON.parse(await readFile(path('report.json'), 'utf8')) as EvalReport;
    expect(report.respawn.requestsBeforeFlag).toEqual({ n: 3, median: 2, p90: 2.8, max: 3 });
    expect(report.timeToDetect.seconds.median).toBe(4050);
    expect(report.grouping.adjustedRandIndex).toBe(1);
  });

  it('prints JSON to stdout with --format json', async () => {
    const result = await run(
      '--labels',
      path('labels.jsonl'),
      '--accounts',
      path('accounts.jsonl'),
      '--format',
      'json',
    );
    const report = JSON.parse(result.stdout) as EvalReport;
    expect(report.version).toBe('1.1.0');
    expect(report.accounts.falsePositiveRate).toBe(0.5);
    expect(report.ranking.atFalsePositiveRate.map((p) => p.budget)).toEqual([0, 0.001, 0.01]);
    expect(report.ranking.auc).toBeGreaterThanOrEqual(0);
    expect(report.ranking.auc).toBeLessThanOrEqual(1);
    expect(report.timeToDetect.source).toBeNull();
  });

  it('skips bad lines naming file:line and why, and fails on them only with --strict', async () => {
    const args = ['--labels', path('labels.jsonl'), '--accounts', path('bad-accounts.jsonl')];
    const lenient = await run(...args);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain(`skipped 1 bad input lines; first: ${path('bad-accounts.jsonl')}:2: `);
    expect(lenient.stdout).toContain(`${path('bad-accounts.jsonl')}:2: `);
    expect(lenient.stdout).toContain('8 labelled accounts without a verdict');
    expect((await run(...args, '--strict')).code).toBe(1);
  });

  it('stops with one clear line when an input cannot be read', async () => {
    const result = await run('--labels', path('missing.jsonl'), '--accounts', path('accounts.jsonl'));
    expect(result).toEqual({
      stdout: '',
      stderr: `hydrawatch eval: ${path('missing.jsonl')}: no such file\n`,
      code: 1,
    });
  });

  it('refuses a threshold outside 0..1 and a missing required option', async () => {
    await expect(run('--labels', 'l', '--accounts', 'a', '--threshold', '2')).rejects.toThrow(/within 0..1/);
    await expect(run('--labels', 'l')).rejects.toThrow(/--accounts/);
  });

  it('is documented option for option in docs/eval.md', async () => {
    const doc = await readFile(new URL('../../docs/eval.md', import.meta.url), 'utf8');
    const documented = [...doc.matchAll(/^\| `(--[a-z-]+)/gm)].map((m) => m[1]);
    const actual = evalCommand()
      .options.map((o) => o.long)
      .filter((flag) => flag !== '--help');
    expect(documented.sort()).toEqual(actual.sort());
  });
});
