import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../contract/events.ts';
import { RequestEncoder } from './encode.ts';
import { PromptDraft } from './prompts/pieces.ts';
import { PromptKit } from './prompts/sampler.ts';
import { Rng } from './rng.ts';
import { loadScenario } from './scenario.ts';
import { recordLine } from './serialize.ts';
import { simulate } from './simulate.ts';

function encodeAll(records: readonly RequestRecord[], bufferBytes = 1 << 20): Buffer {
  const encoder = new RequestEncoder();
  const parts: Buffer[] = [];
  let buf = Buffer.alloc(bufferBytes);
  let used = 0;
  for (const r of records) {
    const bound = encoder.prepare(r);
    if (used + bound > buf.length) {
      parts.push(buf.subarray(0, used));
      buf = Buffer.alloc(bufferBytes);
      used = 0;
    }
    const end = encoder.encode(r, buf, used);
    expect(end - used).toBeLessThanOrEqual(bound);
    used = end;
  }
  parts.push(buf.subarray(0, used));
  return Buffer.concat(parts);
}

const reference = (records: readonly RequestRecord[]) => Buffer.from(records.map(recordLine).join(''));

describe('RequestEncoder', () => {
  it('writes byte for byte what recordLine writes, on every request of a simulation', () => {
    const loaded = loadScenario('seed-2026');
    if (!loaded.ok) throw new Error(loaded.reason);
    const requests: RequestRecord[] = [];
    for (const r of simulate(loaded.scenario, { scale: 0.001, seed: 5 }))
      if (r.type === 'request') requests.push(r);
    expect(requests.length).toBeGreaterThan(20_000);
    // Both languages, system prompts and rotating addresses are all in there.
    expect(requests.some((r) => /[\u4e00-\u9fff]/.test(r.prompt ?? ''))).toBe(true);
    expect(requests.some((r) => r.system !== undefined)).toBe(true);
    expect(encodeAll(requests).equals(reference(requests))).toBe(true);
  });

  it('writes changed identity, client and params fields and escapes free text', () => {
    const base: RequestRecord = {
      type: 'request',
      time: '2026-01-05T22:29:11.929Z',
      request_id: 'req_1',
      account_id: 'acct_1',
      org_id: 'org_1',
      client_ip: '10.0.0.1',
      user_agent: 'Agent/1 (ünïcode)',
      model: 'helix-4',
      params: { max_tokens: 100, temperature: 0.7 },
      system: 'Be "brief".\n',
      prompt: 'quote " backslash \\ newline \n tab \t control \u0001 lone \ud800 han 汉字 emoji 😀',
    };
    const records: RequestRecord[] = [
      base,
      { ...base, request_id: 'req_2', client_ip: '10.0.0.2', params: { max_tokens: 5 } },
      {
        ...base,
        request_id: 'req_3',
        org_id: undefined,
        system: undefined,
        prompt: undefined,
        tool_results: 2,
      },
      { ...base, request_id: 'req_4', account_id: 'acct_2', endpoint: 'chat', has_image: true },
      { ...base, request_id: 'req_5', usage: { input_tokens: 1, output_tokens: 2, cached_tokens: 0 } },
      { ...base, request_id: 'req_6', params: {}, user_agent: undefined, tls_fingerprint: 'tls_1' },
      {
        ...base,
        request_id: 'req_7',
        params: {
          max_tokens: 1_000_000_000_000,
          temperature: 1.05,
          top_p: 0.95,
          n: 2,
          logprobs: false,
          top_logprobs: 5,
          reasoning_effort: 'hög "max"',
          thinking_budget: 2048,
          stream: true,
          tools: 3,
          tool_choice: 'auto',
          batch: true,
        },
      },
      { ...base, request_id: 'req_8', params: { stream: false, tool_choice: 'none' } },
    ];
    const bytes = encodeAll(records, 4096);
    expect(bytes.equals(reference(records))).toBe(true);
    const lines = bytes.toString('utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(records.map((r) => JSON.parse(JSON.stringify(r))));
  });

  it('copies a prompt from the draft it was drawn into, and encodes any other prompt', () => {
    const draft = new PromptDraft();
    const kit = new PromptKit('rubric_grading', 'zh');
    const rng = new Rng(3);
    const encoder = new RequestEncoder();
    const buf = Buffer.alloc(1 << 16);
    for (let i = 0; i < 200; i++) {
      kit.drawInto(rng, draft);
      const drawn: RequestRecord = {
        type: 'request',
        time: '2026-01-05T22:29:11.929Z',
        request_id: `req_${i}`,
        account_id: 'acct_1',
        model: 'helix-4',
        prompt: draft.text,
      };
      // The second record's prompt is not the draft's: it must be encoded from its text.
      for (const r of [drawn, { ...drawn, prompt: `${draft.text} "other"` }]) {
        expect(encoder.prepare(r, draft)).toBeLessThanOrEqual(buf.length);
        const end = encoder.encode(r, buf, 0);
        expect(buf.subarray(0, end).toString()).toBe(recordLine(r));
      }
    }
  });
});
