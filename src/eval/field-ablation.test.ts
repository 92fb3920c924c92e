import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ablateFields, FIELD_ABLATIONS } from './field-ablation.ts';

const dir = mkdtempSync(join(tmpdir(), 'hw-ablate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const input = join(dir, 'in.jsonl');
const lines = [
  { type: 'account', time: '2026-02-01T00:00:00.000Z', account_id: 'a1', signup_channel: 'education' },
  {
    type: 'request',
    time: '2026-02-01T00:01:00.000Z',
    request_id: 'r1',
    account_id: 'a1',
    model: 'm',
    client_ip: '10.0.0.1',
    client_network: 'residential',
    client_asn: 7922,
    user_agent: 'sdk/1',
    conversation_id: 'c1',
    turn: 1,
    prompt: 'hello',
  },
].map((r) => JSON.stringify(r));
writeFileSync(input, `${lines.join('\n')}\nnot json\n`);

const readBack = (path: string) => gunzipSync(readFileSync(path)).toString('utf8').trimEnd().split('\n');

describe('field ablation', () => {
  it('drops record types and request fields, keeps the rest and lines it cannot read', async () => {
    const all = FIELD_ABLATIONS[FIELD_ABLATIONS.length - 1]!;
    const out = join(dir, 'all.jsonl.gz');
    expect(await ablateFields(input, out, all)).toEqual({ kept: 2, droppedRecords: 1 });
    const [request, junk] = readBack(out);
    expect(JSON.parse(request!)).toEqual({
      type: 'request',
      time: '2026-02-01T00:01:00.000Z',
      request_id: 'r1',
      account_id: 'a1',
      model: 'm',
      client_ip: '10.0.0.1',
      prompt: 'hello',
    });
    expect(junk).toBe('not json');
  });

  it('leaves other ablations’ fields alone', async () => {
    const network = FIELD_ABLATIONS.find((a) => a.name.startsWith('no network'))!;
    const out = join(dir, 'network.jsonl.gz');
    await ablateFields(input, out, network);
    const [account, request] = readBack(out)
      .slice(0, 2)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(account).toMatchObject({ type: 'account', signup_channel: 'education' });
    expect(request).toMatchObject({ user_agent: 'sdk/1', turn: 1 });
    expect(request).not.toHaveProperty('client_network');
    expect(request).not.toHaveProperty('client_asn');
  });
});
