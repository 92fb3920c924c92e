import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport } from './format-report.ts';
import { scoreRun } from './score-run.ts';
import { handEvents, handLabels, handVerdicts } from './test-support/hand-made.ts';

let dir: string;
const jsonl = (records: readonly object[]): string => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hydrawatch-eval-run-'));
  await writeFile(join(dir, 'labels.jsonl'), jsonl(handLabels));
  await writeFile(join(dir, 'accounts.jsonl'), jsonl(handVerdicts));
  await writeFile(join(dir, 'events.jsonl.gz'), gzipSync(`${jsonl(handEvents)}{"type":"request"\n`));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('scoreRun', () => {
  it('scores the hand-made run from files, events gzipped, with the hand-computed figures', async () => {
    const run = await scoreRun({
      labelsPath: join(dir, 'labels.jsonl'),
      accountsPath: join(dir, 'accounts.jsonl'),
      eventsPath: join(dir, 'events.jsonl.gz'),
    });
    if (!run.ok) throw new Error(run.reason);
    const report = run.value;
    expect(report.accounts.precision).toBeCloseTo(5 / 6, 12);
    expect(report.accounts.recall).toBeCloseTo(5 / 7, 12);
    expect(report.accounts.falsePositiveRate).toBe(0.5);
    expect(report.grouping).toMatchObject({ accounts: 5, purity: 1, adjustedRandIndex: 1 });
    expect(report.timeToDetect.seconds).toEqual({ n: 2, median: 4050, p90: 5130, max: 5400 });
    expect(report.respawn.requestsBeforeFlag).toEqual({ n: 3, median: 2, p90: 2.8, max: 3 });
    expect(report.inputs.events).toMatchObject({ records: handEvents.length, requests: 17, rejected: 1 });
    expect(report.problems).toEqual([
      {
        file: join(dir, 'events.jsonl.gz'),
        line: handEvents.length + 1,
        reason: expect.stringMatching(/not valid JSON/),
      },
    ]);
    const text = formatReport(report);
    expect(text).toContain('precision 83.33%   recall 71.43%   false-positive rate 50.00%');
    expect(text).toContain('requests before flagged: median 2, p90 2.8, max 3 (n=3)');
    expect(text).toMatch(/K1\s+op1\s+5\s+3\s+2026-02-01T00:05:00.000Z\s+2026-02-01T00:50:00.000Z\s+45.0 min/);
  });

  it('falls back to first_seen on verdicts for time to detect, and says n/a for respawns', async () => {
    const withFirstSeen = handVerdicts.map((v) =>
      v.account_id === 'k1' ? { ...v, first_seen: '2026-02-01T00:05:00.000Z' } : v,
    );
    await writeFile(join(dir, 'accounts-first-seen.jsonl'), jsonl(withFirstSeen));
    const run = await scoreRun({
      labelsPath: join(dir, 'labels.jsonl'),
      accountsPath: join(dir, 'accounts-first-seen.jsonl'),
    });
    if (!run.ok) throw new Error(run.reason);
    expect(run.value.timeToDetect.source).toBe('verdict first_seen');
    expect(run.value.timeToDetect.campaigns[0]!.secondsToDetect).toBe(2700);
    expect(run.value.timeToDetect.campaigns[1]!.secondsToDetect).toBeNull();
    expect(run.value.respawn.available).toBe(false);
    expect(formatReport(run.value)).toContain('Respawned accounts: n/a');
  });

  it('reports n/a for time to detect with neither events nor first_seen', async () => {
    const run = await scoreRun({
      labelsPath: join(dir, 'labels.jsonl'),
      accountsPath: join(dir, 'accounts.jsonl'),
    });
    if (!run.ok) throw new Error(run.reason);
    expect(run.value.timeToDetect.source).toBeNull();
    expect(formatReport(run.value)).toContain('Time to detect: n/a');
  });

  it('fails with a reason on unreadable inputs or labels without a usable line', async () => {
    const missing = await scoreRun({
      labelsPath: join(dir, 'labels.jsonl'),
      accountsPath: join(dir, 'none.jsonl'),
    });
    expect(missing).toEqual({ ok: false, reason: `${join(dir, 'none.jsonl')}: no such file` });
    await writeFile(join(dir, 'empty-labels.jsonl'), 'garbage\n');
    const empty = await scoreRun({
      labelsPath: join(dir, 'empty-labels.jsonl'),
      accountsPath: join(dir, 'accounts.jsonl'),
    });
    expect(!empty.ok && empty.reason).toMatch(/no usable label lines \(1 rejected\)/);
    const noEvents = await scoreRun({
      labelsPath: join(dir, 'labels.jsonl'),
      accountsPath: join(dir, 'accounts.jsonl'),
      eventsPath: join(dir, 'no-events.jsonl'),
    });
    expect(!noEvents.ok && noEvents.reason).toMatch(/no-events.jsonl: no such file/);
  });
});
