import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { RequestRecord, TrafficRecord } from '../contract/events.ts';
import { MAX_LINE_BYTES } from './lines.ts';
import { newReadStats, type Reject, readRecords, StrictInputError } from './read.ts';

const dir = mkdtempSync(join(tmpdir(), 'hw-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

function file(content: string | Buffer, ext = 'jsonl'): string {
  const path = join(dir, `f${fileNo++}.${ext}`);
  writeFileSync(path, content);
  return path;
}

async function readAll(paths: string[], strict = false) {
  const stats = newReadStats();
  const rejects: Reject[] = [];
  const records: TrafficRecord[] = [];
  for await (const batch of readRecords(paths, { strict, onReject: (r) => rejects.push(r) }, stats)) {
    records.push(...batch);
  }
  return { stats, rejects, records };
}

const req = (id: string, time = '2026-02-01T00:00:00.000Z', extra: object = {}) =>
  JSON.stringify({ type: 'request', time, request_id: id, account_id: 'a1', model: 'm', ...extra });

describe('readRecords', () => {
  it('reads plain and gzip JSONL alike, with CRLF endings and no final newline', async () => {
    const text = `${req('r1')}\r\n${req('r2', '2026-01-31T00:00:00Z')}\n${req('r3')}`;
    const plain = await readAll([file(text)]);
    const gz = await readAll([file(gzipSync(text), 'jsonl.gz')]);
    expect(plain.records.map((r) => (r as RequestRecord).request_id)).toEqual(['r1', 'r2', 'r3']);
    expect(gz.records).toEqual(plain.records);
    expect(plain.stats.sources[0]).toMatchObject({ container: 'jsonl', format: 'canonical', lines: 3 });
  });

  it('counts a repeated request_id once, across files too', async () => {
    const a = file(`${req('r1')}\n${req('r1')}\n`);
    const b = file(`${req('r1')}\n${req('r2')}\n`);
    const { stats, records } = await readAll([a, b]);
    expect(records).toHaveLength(2);
    expect(stats.duplicates).toBe(2);
  });

  it('rejects every kind of bad line with source, line and reason, and keeps going', async () => {
    const lines = [
      req('ok1'),
      '{not json',
      req('bad-time', 'not-a-time'),
      req('neg', undefined, { usage: { output_tokens: -1 } }),
      JSON.stringify({ type: 'martian', time: '2026-02-01T00:00:00Z' }),
      req('x'.repeat(300)),
      '',
      req('ok2'),
    ];
    const path = file(`${lines.join('\n')}\n`);
    const { stats, rejects, records } = await readAll([path]);
    expect(records).toHaveLength(2);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [2, expect.stringMatching(/^not JSON: /)],
      [3, 'request: time is not an RFC 3339 date-time'],
      [4, 'request: usage.output_tokens must be >= 0'],
      [5, 'unknown record type "martian"'],
      [6, 'request: request_id is longer than 256 characters'],
    ]);
    expect(rejects.every((r) => r.source === path && typeof r.text === 'string')).toBe(true);
    expect(stats).toMatchObject({ linesIn: 8, records: 2, rejected: 5, blank: 1 });
    expect(stats.reasons.get('unknown record type "martian"')).toBe(1);
  });

  it('in strict mode stops at the first bad line with file:line: reason', async () => {
    const path = file(`${req('a')}\n${req('b')}\n{oops\n`);
    await expect(readAll([path], true)).rejects.toThrow(StrictInputError);
    await expect(readAll([path], true)).rejects.toThrow(`${path}:3: not JSON`);
  });

  it('skips a line over 16 MiB without holding it, rejecting it by number', async () => {
    const huge = `{"type":"request","prompt":"${'x'.repeat(MAX_LINE_BYTES + 10)}"}`;
    const path = file(`${req('r1')}\n${huge}\n${req('r2')}\n`);
    const { records, rejects } = await readAll([path]);
    expect(records).toHaveLength(2);
    expect(rejects).toEqual([{ source: path, line: 2, reason: 'line is longer than 16 MiB' }]);
  });

  it('accepts records out of time order as they come', async () => {
    const { records } = await readAll([
      file(`${req('late', '2026-03-01T00:00:00Z')}\n${req('early', '2025-01-01T00:00:00Z')}\n`),
    ]);
    expect(records.map((r) => r.time)).toEqual(['2026-03-01T00:00:00Z', '2025-01-01T00:00:00Z']);
  });
});

const isoTime = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const id = fc.string({ minLength: 1, maxLength: 40 });
const count = fc.nat({ max: 1_000_000 });

const requestArb: fc.Arbitrary<RequestRecord> = fc.record(
  {
    type: fc.constant('request' as const),
    time: isoTime,
    request_id: id,
    account_id: id,
    model: id,
    org_id: id,
    client_ip: fc.ipV4(),
    client_asn: count,
    client_network: fc.constantFrom(
      'residential',
      'mobile',
      'datacenter',
      'education',
      'business',
      'unknown',
    ),
    user_agent: fc.string({ maxLength: 100 }),
    params: fc.record(
      {
        max_tokens: count,
        temperature: fc.double({ min: 0, max: 2, noNaN: true }),
        n: fc.nat({ max: 16 }),
        logprobs: fc.boolean(),
        reasoning_effort: fc.constantFrom('low', 'medium', 'high'),
        tools: fc.nat({ max: 64 }),
      },
      { requiredKeys: [] },
    ),
    usage: fc.record({ input_tokens: count, output_tokens: count }, { requiredKeys: [] }),
    turn: fc.integer({ min: 1, max: 100 }),
    prompt: fc.string({ maxLength: 300, unit: 'grapheme' }),
    has_image: fc.boolean(),
  },
  { requiredKeys: ['type', 'time', 'request_id', 'account_id', 'model'] },
);

describe('properties', () => {
  it('a canonical record written and read back is equal', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(requestArb, { selector: (r) => r.request_id, maxLength: 20 }),
        async (recs) => {
          const path = file(recs.map((r) => `${JSON.stringify(r)}\n`).join(''));
          const { records, stats } = await readAll([path]);
          expect(stats.rejected).toBe(0);
          expect(records).toEqual(recs);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('random garbage never crashes the reader and every line is accounted for', async () => {
    const garbageLine = fc.oneof(
      fc.string({ maxLength: 200, unit: 'binary' }).map((s) => s.replace(/[\r\n]/g, ' ')),
      fc.json().map((s) => s.replace(/[\r\n]/g, ' ')),
      requestArb.map((r) => JSON.stringify(r)),
      requestArb.map((r) => JSON.stringify(r).slice(0, 30)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(garbageLine, { maxLength: 40 }), async (lines) => {
        const text = lines.join('\n');
        const { stats, rejects } = await readAll([file(text)]);
        expect(stats.records + stats.rejected + stats.blank + stats.duplicates).toBe(stats.linesIn);
        // A final newline ends the last line rather than starting an empty one.
        const newlines = text.split('\n').length - 1;
        expect(stats.linesIn).toBe(text === '' ? 0 : text.endsWith('\n') ? newlines : newlines + 1);
        expect(rejects).toHaveLength(stats.rejected);
      }),
      { numRuns: 100 },
    );
  });
});
