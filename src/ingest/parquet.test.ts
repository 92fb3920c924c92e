// Parquet input: files written with hyparquet-writer into a temp dir, read back through the
// reader, must give the same canonical records a JSONL file would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import type { TrafficRecord } from '../contract/events.ts';
import { parquetRowToObject } from './parquet.ts';
import { newReadStats, type ReadStats, type Reject, readRecords } from './read.ts';

const dir = mkdtempSync(join(tmpdir(), 'hydrawatch-parquet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(
  path: string,
): Promise<{ records: TrafficRecord[]; stats: ReadStats; rejects: Reject[] }> {
  const stats = newReadStats();
  const rejects: Reject[] = [];
  const records: TrafficRecord[] = [];
  for await (const batch of readRecords([path], { onReject: (r) => rejects.push(r) }, stats))
    records.push(...batch);
  return { records, stats, rejects };
}

const CANONICAL: TrafficRecord[] = [
  {
    type: 'request',
    time: '2025-06-03T14:21:07.412Z',
    request_id: 'r1',
    account_id: 'acct_1',
    client_ip: '203.0.113.7',
    client_asn: 64500,
    model: 'gpt-4o',
    params: { max_tokens: 512, temperature: 0.5 },
    usage: { input_tokens: 812, output_tokens: 233 },
    prompt: 'Explain entropy.',
    has_image: false,
  },
  {
    type: 'request',
    time: '2025-06-03T14:21:08.000Z',
    request_id: 'r2',
    account_id: 'acct_2',
    client_asn: 4200000000,
    model: 'claude-sonnet-4',
    params: { max_tokens: 1024 },
    usage: { input_tokens: 10, output_tokens: 0 },
    has_image: true,
  },
  { type: 'account', time: '2025-06-01T00:00:00.000Z', account_id: 'acct_1', email_domain: 'example.edu' },
];

describe('parquet input', () => {
  it('reads struct params and flattened usage columns into the canonical records', async () => {
    const path = join(dir, 'structs.parquet');
    parquetWriteFile({
      filename: path,
      columnData: [
        { name: 'type', data: ['request', 'request', 'account', 'request', 'request'], type: 'STRING' },
        {
          name: 'time',
          data: [
            '2025-06-03T14:21:07.412Z',
            '2025-06-03T14:21:08.000Z',
            '2025-06-01T00:00:00.000Z',
            '2025-06-03T14:21:09.000Z',
            '2025-06-03T14:21:07.412Z',
          ],
          type: 'STRING',
        },
        { name: 'request_id', data: ['r1', 'r2', null, 'r3', 'r1'], type: 'STRING' },
        { name: 'account_id', data: ['acct_1', 'acct_2', 'acct_1', 'acct_3', 'acct_1'], type: 'STRING' },
        { name: 'client_ip', data: ['203.0.113.7', null, null, null, '203.0.113.7'], type: 'STRING' },
        // INT64 arrives as bigint and must come out as a plain number.
        { name: 'client_asn', data: [64500n, 4200000000n, null, null, 64500n], type: 'INT64' },
        { name: 'model', data: ['gpt-4o', 'claude-sonnet-4', null, 'gpt-4o', 'gpt-4o'], type: 'STRING' },
        {
          name: 'params',
          data: [
            { max_tokens: 512, temperature: 0.5 },
            { max_tokens: 1024, temperature: null },
            null,
            null,
            { max_tokens: 512, temperature: 0.5 },
          ],
        },
        { name: 'usage.input_tokens', data: [812, 10, null, -3, 812], type: 'INT32' },
        { name: 'usage_output_tokens', data: [233, 0, null, 1, 233], type: 'INT32' },
        { name: 'prompt', data: ['Explain entropy.', null, null, null, 'Explain entropy.'], type: 'STRING' },
        { name: 'has_image', data: [false, true, null, false, false], type: 'BOOLEAN' },
        { name: 'email_domain', data: [null, null, 'example.edu', null, null], type: 'STRING' },
      ],
    });
    const { records, stats, rejects } = await readAll(path);
    expect(records).toEqual(CANONICAL);
    expect(stats.sources[0]).toMatchObject({ container: 'parquet', format: 'canonical', lines: 5 });
    expect(stats.duplicates).toBe(1);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[4, 'request: usage.input_tokens must be >= 0']]);
    expect(stats.linesIn).toBe(stats.records + stats.duplicates + stats.rejected + stats.blank);
  });

  it('reads TIMESTAMP columns and dotted params columns', async () => {
    const path = join(dir, 'flat.parquet');
    parquetWriteFile({
      filename: path,
      columnData: [
        { name: 'type', data: ['request'], type: 'STRING' },
        { name: 'time', data: [new Date('2025-06-03T14:21:07.412Z')], type: 'TIMESTAMP' },
        { name: 'request_id', data: ['t1'], type: 'STRING' },
        { name: 'account_id', data: ['acct_9'], type: 'STRING' },
        { name: 'model', data: ['o3'], type: 'STRING' },
        { name: 'params.max_tokens', data: [4000], type: 'INT32' },
        { name: 'params.reasoning_effort', data: ['high'], type: 'STRING' },
        { name: 'params_stream', data: [true], type: 'BOOLEAN' },
      ],
    });
    const { records } = await readAll(path);
    expect(records).toEqual([
      {
        type: 'request',
        time: '2025-06-03T14:21:07.412Z',
        request_id: 't1',
        account_id: 'acct_9',
        model: 'o3',
        params: { max_tokens: 4000, reasoning_effort: 'high', stream: true },
      },
    ]);
  });

  it('drops nulls and nests flattened columns row by row', () => {
    expect(parquetRowToObject({ a: null, 'usage.cached_tokens': 5n, params_n: 2, b: undefined })).toEqual({
      usage: { cached_tokens: 5 },
      params: { n: 2 },
    });
  });
});
