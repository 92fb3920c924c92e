// LiteLLM StandardLoggingPayload: success and failure payloads for chat, Anthropic messages and
// responses calls, mapped field by field.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TrafficRecord } from '../contract/events.ts';
import { detectAdapter } from './formats.ts';
import { litellmAdapter } from './litellm.ts';
import { newReadStats, readRecords } from './read.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/litellm.jsonl', import.meta.url));
const lines = readFileSync(FIXTURE, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Record<string, unknown>);

function adapt(item: unknown): Record<string, unknown> {
  const result = litellmAdapter.adapt(item);
  if (!result.ok) throw new Error(result.reason);
  expect(result.records).toHaveLength(1);
  return result.records[0] as Record<string, unknown>;
}

describe('litellm adapter', () => {
  it('maps a successful chat completion field by field', () => {
    expect(adapt(lines[0])).toEqual({
      type: 'request',
      time: '2025-06-03T14:21:07.412Z',
      request_id: 'chatcmpl-4f1c1a2b-9c3e-4d9a-8f7e-0d3b2a1c5e6f',
      account_id: 'acct_7Q2mZk',
      org_id: 'org_Hb4d1',
      api_key_id: '88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b',
      client_ip: '203.0.113.7',
      model: 'gpt-4o',
      endpoint: 'chat',
      provider: 'openai',
      params: { max_tokens: 512, temperature: 0.2, stream: true },
      usage: { input_tokens: 812, output_tokens: 233, reasoning_tokens: 0, cached_tokens: 512 },
      status: 'ok',
      finish_reason: 'stop',
      system: 'You are a careful physics tutor.',
      prompt: 'What is the boiling point of water at 2000 m?',
      has_image: false,
      tool_results: 0,
      turn: 1,
    });
  });

  it('reads an Anthropic messages call: system and thinking from model_parameters, tool results', () => {
    expect(adapt(lines[1])).toMatchObject({
      account_id: 'acct_mT40qa',
      org_id: 'team_research', // no org on the key: the team stands in
      model: 'claude-sonnet-4', // the model group the client asked for
      endpoint: 'messages',
      system: 'You are a research assistant.',
      prompt: 'Find the 2024 paper on grokking and summarise it.',
      tool_results: 1,
      params: { max_tokens: 8000, thinking_budget: 4000, tools: 1 },
      usage: { input_tokens: 2095, output_tokens: 503, cached_tokens: 1800 },
      finish_reason: 'end_turn',
    });
  });

  it('reads a failed call: rate_limited, team key as account, no placeholder usage', () => {
    const record = adapt(lines[2]);
    expect(record).toMatchObject({
      account_id: 'team_datagen',
      api_key_id: 'b9c1aa07',
      client_ip: '192.0.2.44',
      status: 'rate_limited',
      params: { max_tokens: 4096, n: 8, temperature: 1.2 },
    });
    expect(record.usage).toBeUndefined();
    expect(record.org_id).toBeUndefined();
  });

  it('reads a responses call with a string input and instructions', () => {
    expect(adapt(lines[3])).toMatchObject({
      endpoint: 'responses',
      system: 'Think carefully.',
      prompt: 'Prove that there are infinitely many primes.',
      params: { max_tokens: 4000, reasoning_effort: 'high' },
      usage: { input_tokens: 38, output_tokens: 1890, reasoning_tokens: 1536 },
    });
  });

  it('falls back through user id, team id, end user and key hash for the account', () => {
    const base = lines[0]!;
    const meta = base.metadata as Record<string, unknown>;
    const withMeta = (m: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      adapt({
        ...base,
        ...extra,
        metadata: { ...meta, user_api_key_user_id: null, user_api_key_team_id: null, ...m },
      }).account_id;
    expect(withMeta({ user_api_key_team_id: 'team_1' })).toBe('team_1');
    expect(withMeta({}, { end_user: 'eu_1' })).toBe('eu_1');
    expect(withMeta({})).toBe(meta.user_api_key_hash);
  });

  it('maps call types, sync and async, to endpoints', () => {
    const endpoint = (call_type: string) => adapt({ ...lines[0], call_type }).endpoint;
    expect(endpoint('completion')).toBe('chat');
    expect(endpoint('atext_completion')).toBe('completions');
    expect(endpoint('aembedding')).toBe('embeddings');
    expect(endpoint('anthropic_messages')).toBe('messages');
    expect(endpoint('something_new')).toBe('something_new');
  });

  it('gives a reason for bad items', () => {
    for (const [item, reason] of [
      [[], /JSON object/],
      [{ ...lines[0], startTime: 'yesterday' }, /startTime/],
    ] as [unknown, RegExp][]) {
      const result = litellmAdapter.adapt(item);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(reason);
    }
  });

  it('does not throw on odd fields', () => {
    const record = adapt({
      ...lines[0],
      messages: 42,
      response: 'text',
      model_parameters: null,
      metadata: 'x',
    });
    expect(record.model).toBe('gpt-4o');
    expect(record.prompt).toBeUndefined();
  });

  it('is auto-detected for the fixture', () => {
    expect(detectAdapter(lines).format).toBe('litellm');
  });

  it('reads the fixture end to end: 4 records, nothing rejected', async () => {
    const stats = newReadStats();
    const records: TrafficRecord[] = [];
    for await (const batch of readRecords([FIXTURE], {}, stats)) records.push(...batch);
    expect(records).toHaveLength(4);
    expect(stats.rejected).toBe(0);
    expect(stats.sources[0]?.format).toBe('litellm');
  });
});
