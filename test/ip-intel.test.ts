// `analyze --ip-intel` end to end, through bin/hydrawatch.mjs: simulated traffic with
// client_asn and client_network stripped, enriched back from intel files that describe the
// scenario's networks, must give exactly the verdicts the full traffic gives.
import { execFile, spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestRecord } from '../src/contract/events.ts';
import { requestFacts } from '../src/engine/facts.ts';
import { NetworkEnricher } from '../src/engine/network-enrichment.ts';
import { ablateFields } from '../src/eval/field-ablation.ts';
import { loadIpIntel } from '../src/ingest/ip-intel/intel.ts';
import {
  scenarioAsnKinds,
  scenarioIp2asn,
  scenarioMmdb,
} from '../src/ingest/ip-intel/test-support/scenario-intel.ts';
import { loadScenario } from '../src/simulate/scenario.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'hydrawatch.mjs');
const run = promisify(execFile);
const cli = (args: string[]) => run(process.execPath, [bin, ...args], { cwd: root, maxBuffer: 1 << 26 });

const dir = mkdtempSync(join(tmpdir(), 'hw-ip-intel-e2e-'));
const full = join(dir, 'sim', 'events.jsonl');
const stripped = join(dir, 'stripped.jsonl.gz');
const tsv = join(dir, 'scenario-ip2asn.tsv');
const kinds = join(dir, 'scenario-kinds.csv');
const mmdb = join(dir, 'scenario-asn.mmdb');

const accounts = (out: string) =>
  readFileSync(join(out, 'accounts.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { account_id: string })
    .sort((a, b) => a.account_id.localeCompare(b.account_id));

async function* requests(path: string): AsyncGenerator<RequestRecord> {
  for await (const line of createInterface({ input: createReadStream(path) })) {
    const record = JSON.parse(line) as { type: string };
    if (record.type === 'request') yield record as RequestRecord;
  }
}

beforeAll(async () => {
  const loaded = loadScenario('seed-2026');
  if (!loaded.ok) throw new Error(loaded.reason);
  writeFileSync(tsv, scenarioIp2asn(loaded.scenario));
  writeFileSync(kinds, scenarioAsnKinds(loaded.scenario));
  writeFileSync(mmdb, scenarioMmdb(loaded.scenario));
  await cli([
    'simulate',
    '--scenario',
    'seed-2026',
    '--scale',
    '0.001',
    '--seed',
    '5',
    '--out',
    join(dir, 'sim'),
  ]);
  await ablateFields(full, stripped, {
    name: 'no network',
    dropRequestFields: ['client_network', 'client_asn'],
  });
}, 120_000);

// The simulated traffic and its stripped copy take tens of megabytes: leave nothing behind.
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('analyze --ip-intel', () => {
  it('gives back the stripped fields: the verdicts of the full traffic, from traffic without them', async () => {
    // The copy really lacks the fields, so whatever the verdicts rest on came from the intel.
    const strippedText = gunzipSync(readFileSync(stripped)).toString('utf8');
    expect(strippedText).toContain('"client_ip"');
    expect(strippedText).not.toMatch(/"client_(asn|network)"/);
    const [original, enriched] = await Promise.all([
      cli(['analyze', full, '--out', join(dir, 'full'), '--no-report']),
      cli([
        'analyze',
        stripped,
        '--ip-intel',
        tsv,
        '--ip-intel',
        kinds,
        '--out',
        join(dir, 'enriched'),
        '--no-report',
      ]),
    ]);
    expect(original.stdout).not.toContain('ip intel:');
    expect(enriched.stdout).toMatch(/ip intel: ([\d,]+) of \1 requests enriched/);
    expect(enriched.stdout).toContain(`ip2asn  ${tsv}`);
    const figures = JSON.parse(readFileSync(join(dir, 'enriched', 'run.json'), 'utf8'));
    const counts = figures.ipIntel.counts;
    expect(counts.requests).toBe(figures.requests);
    expect(counts).toMatchObject({ enriched: counts.requests, noMatch: 0, badAddress: 0, complete: 0 });
    expect(counts.networkStated).toBe(counts.requests);
    const want = accounts(join(dir, 'full'));
    expect(want.some((a) => (a as { flagged?: boolean }).flagged)).toBe(true);
    expect(accounts(join(dir, 'enriched'))).toEqual(want);
  }, 240_000);

  it('fills the same AS and kind from the mmdb as the input had, request by request', async () => {
    const original = new Map<string, [number | undefined, string | undefined]>();
    for await (const r of requests(full)) original.set(r.request_id, [r.client_asn, r.client_network]);
    const enricher = new NetworkEnricher(loadIpIntel([mmdb, kinds]));
    let compared = 0;
    for await (const r of requests(full)) {
      const facts = requestFacts({ ...r, client_asn: undefined, client_network: undefined, prompt: '' });
      enricher.enrich(facts);
      expect([facts.asn, facts.network]).toEqual(original.get(r.request_id));
      compared += 1;
    }
    expect(compared).toBeGreaterThan(10_000);
    expect(enricher.stats.noMatch).toBe(0);
  }, 120_000);

  it('stops before reading traffic when an intel file is unusable, naming file:line', () => {
    const bad = join(dir, 'bad.tsv');
    writeFileSync(bad, '# my ranges\nthis is not intel\n');
    const result = spawnSync(
      process.execPath,
      [bin, 'analyze', full, '--ip-intel', bad, '--out', join(dir, 'x')],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`hydrawatch analyze: --ip-intel ${bad}:2: unknown format`);
  });

  it('is in analyze --help', () => {
    const help = spawnSync(process.execPath, [bin, 'analyze', '--help'], { cwd: root, encoding: 'utf8' });
    expect(help.stdout).toContain('--ip-intel <file>');
  });
});
