import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readVerdicts } from '../eval/index.ts';
import { baselineCommand } from './baseline.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hydrawatch-baseline-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const T0 = Date.UTC(2026, 0, 5);

/** Account "busy" makes 5 requests in a minute; "quiet" makes one. */
async function traffic(): Promise<string> {
  const lines = [
    { type: 'account', time: new Date(T0 - 86_400_000).toISOString(), account_id: 'busy' },
    ...[0, 1, 2, 3, 4].map((i) => ({
      type: 'request',
      time: new Date(T0 + i * 10_000).toISOString(),
      request_id: `r${i}`,
      account_id: 'busy',
      model: 'm',
    })),
    {
      type: 'request',
      time: new Date(T0 + 5_000).toISOString(),
      request_id: 'q1',
      account_id: 'quiet',
      model: 'm',
    },
  ];
  const path = join(dir, 'events.jsonl');
  await writeFile(path, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  return path;
}

async function run(args: string[]) {
  const out = { stdout: '', stderr: '' };
  const command = baselineCommand({ stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) })
    .exitOverride()
    .configureOutput({ writeErr: (t) => (out.stderr += t), writeOut: (t) => (out.stdout += t) });
  await command.parseAsync(args, { from: 'user' });
  return out;
}

describe('hydrawatch baseline', () => {
  it('writes accounts.jsonl per the output contract, flagging at the crossing request', async () => {
    const events = await traffic();
    const out = join(dir, 'out');
    const printed = await run([
      '--method',
      'rate-limit',
      '--setting',
      'hour=3,day=100,total=100',
      events,
      '--out',
      out,
      '--workers',
      '0',
    ]);
    expect(printed.stdout).toMatch(/flagged 1 of 2 accounts/);
    const verdicts = await readVerdicts(join(out, 'accounts.jsonl'));
    if (!verdicts.ok) throw new Error(verdicts.reason);
    expect(verdicts.value.rejected).toBe(0);
    const busy = verdicts.value.records.find((v) => v.account_id === 'busy');
    expect(busy).toMatchObject({ flagged: true, first_flagged_at: new Date(T0 + 30_000).toISOString() });
    const written = JSON.parse(await readFile(join(out, 'baseline.json'), 'utf8'));
    expect(written).toMatchObject({ method: 'rate-limit', setting: { requestsPerHour: 3 } });
  });

  it('runs the anomaly baseline with its default setting', async () => {
    const events = await traffic();
    const out = join(dir, 'anomaly');
    await run(['--method', 'anomaly', events, '--out', out, '--workers', '0']);
    const verdicts = await readVerdicts(join(out, 'accounts.jsonl'));
    if (!verdicts.ok) throw new Error(verdicts.reason);
    expect(verdicts.value.records.map((v) => v.account_id).sort()).toEqual(['busy', 'quiet']);
  });

  it('rejects an unknown setting in one line', async () => {
    const events = await traffic();
    const printed = await run([
      '--method',
      'rate-limit',
      '--setting',
      'tier-9',
      events,
      '--out',
      join(dir, 'x'),
    ]);
    expect(printed.stderr).toMatch(/^hydrawatch baseline: unknown rate-limit setting "tier-9"/);
  });

  it('explains itself with --help', async () => {
    await expect(run(['--help'])).rejects.toThrow();
    const help = baselineCommand().helpInformation();
    expect(help).toMatch(/--method <name>/);
    expect(help).toMatch(/"rate-limit", "anomaly"/);
    expect(help).toMatch(/--tune-events/);
  });
});
