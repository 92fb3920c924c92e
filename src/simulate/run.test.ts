import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { LabelRecord } from '../contract/outputs.ts';
import { compileChecker } from '../contract/validate.ts';
import { loadCorpus } from './corpus.ts';
import { runSimulation } from './run.ts';
import { loadScenario, type Scenario } from './scenario.ts';

const dir = mkdtempSync(join(tmpdir(), 'hydrawatch-sim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tiny(): Scenario {
  const loaded = loadScenario('tiny');
  if (!loaded.ok) throw new Error(loaded.reason);
  return loaded.scenario;
}

describe('runSimulation', () => {
  it('writes events, labels and a summary; gzip and stdout carry the same bytes', async () => {
    const plain = await runSimulation(tiny(), { scale: 0.3, seed: 4, out: join(dir, 'plain') });
    await runSimulation(tiny(), { scale: 0.3, seed: 4, out: join(dir, 'gz'), gzip: true });
    const events = readFileSync(join(dir, 'plain', 'events.jsonl'));
    expect(gunzipSync(readFileSync(join(dir, 'gz', 'events.jsonl.gz'))).equals(events)).toBe(true);

    const stdout = new PassThrough();
    const parts: Buffer[] = [];
    stdout.on('data', (b: Buffer) => parts.push(b));
    await runSimulation(tiny(), {
      scale: 0.3,
      seed: 4,
      out: '-',
      stdout,
      labelsPath: join(dir, 'labels-stdout.jsonl'),
    });
    expect(Buffer.concat(parts).equals(events)).toBe(true);

    const checkLabel = compileChecker<LabelRecord>(LabelRecord);
    const labels = readFileSync(join(dir, 'plain', 'labels.jsonl'), 'utf8')
      .trim()
      .split('\n');
    for (const line of labels) expect(checkLabel(JSON.parse(line)).ok).toBe(true);
    expect(readFileSync(join(dir, 'labels-stdout.jsonl'), 'utf8')).toBe(labels.join('\n').concat('\n'));
    const summary = JSON.parse(readFileSync(join(dir, 'plain', 'summary.json'), 'utf8'));
    expect(summary.accounts).toBe(labels.length);
    expect(summary.records).toBe(plain.events);
    expect(events.toString('utf8').split('\n').length - 1).toBe(plain.events);
  });
});

describe('--corpus', () => {
  it('reads prompts.jsonl by class and uses them for populations that ask', async () => {
    const corpusDir = join(dir, 'corpus', 'mine');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(corpusDir, { recursive: true });
    // A hand-written row in the corpus format (not taken from any corpus).
    const rows = [
      JSON.stringify({
        text: 'Real benchmark question number one?',
        source: 't',
        class: 'benchmark',
        task: 'qa',
      }),
      'not json',
    ];
    writeFileSync(join(corpusDir, 'prompts.jsonl'), `${rows[0]}\n`);
    const loaded = loadCorpus(join(dir, 'corpus'));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.corpus.get('benchmark')).toEqual(['Real benchmark question number one?']);
    const stdout = new PassThrough();
    let text = '';
    stdout.on('data', (b: Buffer) => {
      text += b.toString();
    });
    await runSimulation(tiny(), { scale: 0.5, seed: 2, out: '-', stdout, corpus: loaded.corpus });
    expect(text).toContain('Real benchmark question number one?');
    writeFileSync(join(corpusDir, 'prompts.jsonl'), `${rows.join('\n')}\n`);
    const broken = loadCorpus(join(dir, 'corpus'));
    expect(broken.ok ? '' : broken.reason).toMatch(/prompts\.jsonl:2: not valid JSON/);
  });

  it('loads the shared corpora when present', (context) => {
    const shared = '/work/shared/corpora';
    const loaded = loadCorpus(shared);
    if (!loaded.ok) {
      context.skip(`shared corpora not available (${loaded.reason})`);
      return;
    }
    expect(loaded.files).toBeGreaterThan(3);
    expect(loaded.corpus.get('human')?.length ?? 0).toBeGreaterThan(100);
  });
});
