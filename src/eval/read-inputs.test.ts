import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, readCampaigns, readLabels, readVerdicts } from './read-inputs.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hydrawatch-eval-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = async (name: string, content: string | Buffer): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
};

describe('readLabels', () => {
  it('keeps good lines and names file:line and why for each bad one', async () => {
    const path = await file(
      'labels.jsonl',
      [
        '{"account_id":"a1","label":"attack","archetype":"hydra","operator":"op1"}',
        '{"account_id":"a2","label":"attack","archetype":"hydra"',
        '',
        '{"account_id":"b1","label":"maybe","archetype":"casual"}',
        '{"account_id":"a3","label":"attack","archetype":"hydra"}',
        '{"account_id":"a1","label":"benign","archetype":"casual"}',
        '[1,2]',
        '{"account_id":"b2","label":"benign","archetype":"casual"}',
      ].join('\n'),
    );
    const read = await readLabels(path);
    if (!read.ok) throw new Error(read.reason);
    expect(read.value.records.map((r) => r.account_id)).toEqual(['a1', 'b2']);
    expect(read.value.rejected).toBe(5);
    const problems = read.value.problems.map(formatProblem);
    expect(problems[0]).toMatch(new RegExp(`^${path}:2: not valid JSON`));
    expect(problems[1]).toBe(`${path}:4: label must be "attack" or "benign", got "maybe"`);
    expect(problems[2]).toBe(`${path}:5: attack label needs operator or campaign_id`);
    expect(problems[3]).toBe(`${path}:6: account_id "a1" repeats line 1; kept the first`);
    expect(problems[4]).toBe(`${path}:7: expected a JSON object, got an array`);
  });

  it('reads gzip by its magic bytes, whatever the name', async () => {
    const path = await file(
      'labels.txt',
      gzipSync('{"account_id":"b1","label":"benign","archetype":"casual"}\n'),
    );
    const read = await readLabels(path);
    expect(read.ok && read.value.records.length).toBe(1);
  });

  it('fails with a reason naming a missing file', async () => {
    expect(await readLabels(join(dir, 'nope.jsonl'))).toEqual({
      ok: false,
      reason: `${join(dir, 'nope.jsonl')}: no such file`,
    });
  });
});

describe('readVerdicts', () => {
  it('rejects out-of-range scores and unparseable flag times', async () => {
    const base = { flagged: true, campaign_id: null, reasons: [] };
    const path = await file(
      'accounts.jsonl',
      [
        JSON.stringify({ ...base, account_id: 'a1', score: 0.9, first_flagged_at: '2026-02-01T00:00:00Z' }),
        JSON.stringify({ ...base, account_id: 'a2', score: 1.5, first_flagged_at: null }),
        JSON.stringify({ ...base, account_id: 'a3', score: 0.5, first_flagged_at: 'soon' }),
        JSON.stringify({ account_id: 'a4', flagged: true }),
      ].join('\n'),
    );
    const read = await readVerdicts(path);
    if (!read.ok) throw new Error(read.reason);
    expect(read.value.records.map((r) => r.account_id)).toEqual(['a1']);
    expect(read.value.problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(read.value.problems[0]!.reason).toBe('score must be <= 1');
    expect(read.value.problems[2]!.reason).toMatch(/missing required field/);
  });
});

describe('readCampaigns', () => {
  const campaign = {
    campaign_id: 'C1',
    score: 0.8,
    accounts: ['a1'],
    first_seen: '2026-02-01T00:00:00Z',
    last_seen: '2026-02-01T01:00:00Z',
    requests: 3,
    evidence: [],
  };

  it('checks each campaign and names bad ones by position', async () => {
    const path = await file(
      'campaigns.json',
      JSON.stringify([campaign, { ...campaign, campaign_id: 'C2', requests: -1 }, campaign]),
    );
    const read = await readCampaigns(path);
    if (!read.ok) throw new Error(read.reason);
    expect(read.value.records).toHaveLength(1);
    expect(read.value.problems.map(formatProblem)).toEqual([
      `${path}: item 1: requests must be >= 0`,
      `${path}: item 2: campaign_id "C1" repeats; kept the first`,
    ]);
  });

  it('fails on a file that is not a JSON array', async () => {
    const read = await readCampaigns(await file('bad-campaigns.json', '{"campaign_id":'));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason).toMatch(/bad-campaigns.json: not valid JSON/);
    const object = await readCampaigns(await file('object-campaigns.json', '{}'));
    expect(!object.ok && object.reason).toMatch(/expected a JSON array/);
  });
});
