// Gateway logs: OpenAI chat / responses and Anthropic messages bodies in the documented
// envelope and its Portkey-, Helicone- and Kong-style variations.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TrafficRecord } from '../contract/events.ts';
import { detectAdapter } from './formats.ts';
import { gatewayAdapter } from './gateway.ts';
import { newReadStats, readRecords } from './read.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/gateway.jsonl', import.meta.url));
const lines = readFileSync(FIXTURE, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as unknown);

function adapt(item: unknown): Record<string, unknown> {
  const result = gatewayAdapter.adapt(item);
  if (!result.ok) throw new Error(result.reason);
  expect(result.records).toHaveLength(1);
  return result.records[0] as Record<string, unknown>;
}

describe('gateway adapter: OpenAI chat completions', () => {
  it('maps envelope, request and response field by field', () => {
    expect(adapt(lines[0])).toEqual({
      type: 'request',
      time: '2025-06-03T14:21:07.412Z',
      request_id: 'req_8f3a2c1e9b7d4a05',
      account_id: 'acct_7Q2mZk',
      org_id: 'org_Hb4d1',
      api_key_id: 'key_2xK9',
      client_ip: '203.0.113.7',
      user_agent: 'OpenAI/Python 1.82.0',
      model: 'gpt-4o',
      endpoint: 'chat',
      provider: 'openai',
      params: {
        max_tokens: 512,
        temperature: 0.2,
        top_p: 0.9,
        n: 2,
        logprobs: true,
        top_logprobs: 5,
        stream: false,
        tools: 1,
        tool_choice: 'auto',
      },
      usage: { input_tokens: 812, output_tokens: 233, reasoning_tokens: 0, cached_tokens: 512 },
      status: 'ok',
      finish_reason: 'stop',
      system: 'You are a careful physics tutor.',
      prompt: 'And explain it step by step, using this chart.',
      has_image: true,
      tool_results: 1,
      turn: 2,
    });
  });

  it('prefers max_completion_tokens to the deprecated max_tokens, and reads reasoning_effort', () => {
    const record = adapt({
      timestamp: 1748960467,
      account_id: 'a',
      request: {
        model: 'o3',
        messages: [],
        max_tokens: 10,
        max_completion_tokens: 20,
        reasoning_effort: 'low',
      },
    });
    expect(record.params).toEqual({ max_tokens: 20, reasoning_effort: 'low' });
    expect(record.time).toBe('2025-06-03T14:21:07.000Z');
  });

  it('reads a content_filter finish as refused', () => {
    const record = adapt({
      timestamp: '2025-06-03T00:00:00Z',
      account_id: 'a',
      status_code: 200,
      request: { model: 'm', messages: [{ role: 'user', content: 'x' }] },
      response: { choices: [{ finish_reason: 'content_filter', message: { content: null } }] },
    });
    expect(record.status).toBe('refused');
  });
});

describe('gateway adapter: OpenAI responses API', () => {
  it('reads a string input, instructions, max_output_tokens and reasoning.effort', () => {
    expect(adapt(lines[1])).toMatchObject({
      endpoint: 'responses',
      model: 'o4-mini',
      system: 'Think carefully and show your final answer only.',
      prompt: 'Prove that there are infinitely many primes.',
      params: { max_tokens: 4000, reasoning_effort: 'high' },
      usage: { input_tokens: 38, output_tokens: 1890, reasoning_tokens: 1536, cached_tokens: 0 },
      finish_reason: 'completed',
      turn: 1,
    });
  });

  it('reads input items: developer message, function_call_output, input_image', () => {
    expect(adapt(lines[2])).toMatchObject({
      system: 'Use the weather tool when asked about weather.',
      prompt: 'Now write a 2,000 word essay about it.',
      has_image: true,
      tool_results: 1,
      turn: 2,
      params: { max_tokens: 256, temperature: 1, stream: true, tools: 1 },
      usage: { input_tokens: 302, output_tokens: 256, cached_tokens: 128 },
      finish_reason: 'max_output_tokens',
    });
  });
});

describe('gateway adapter: Anthropic messages', () => {
  it('reads system blocks, image and tool_result blocks, thinking budget and cache usage', () => {
    expect(adapt(lines[3])).toMatchObject({
      endpoint: 'messages',
      model: 'claude-sonnet-4-20250514',
      client_ip: '2001:db8::1f',
      system: 'You are a research assistant.',
      // The last user message holds only a tool result; the prompt is the last one with text.
      prompt: 'Find the 2024 paper on grokking and summarise it.',
      has_image: true,
      tool_results: 1,
      turn: 1,
      params: { max_tokens: 8000, thinking_budget: 4000, tools: 2, tool_choice: 'auto' },
      // Anthropic reports cache reads apart; the contract counts them in input_tokens.
      usage: { input_tokens: 3895, output_tokens: 503, cached_tokens: 1800 },
      finish_reason: 'end_turn',
    });
  });
});

describe('gateway adapter: envelope variations', () => {
  it('reads a Portkey-style entry: request.url/headers/body, response.status/body, metadata._user', () => {
    expect(adapt(lines[4])).toMatchObject({
      request_id: 'pk_log_01JX2W5V6M',
      time: '2025-06-03T14:26:10.000Z',
      account_id: 'acct_vc91Lp',
      api_key_id: 'vk-openai-prod-3',
      client_ip: '192.0.2.44',
      user_agent: 'langchain-openai/0.3.18',
      endpoint: 'chat',
      status: 'rate_limited',
      params: { max_tokens: 4096, n: 8, temperature: 1.2 },
    });
  });

  it('reads a Helicone-style entry: request_body, response_body, request_user_id; refusal', () => {
    expect(adapt(lines[5])).toMatchObject({
      time: '2025-06-03T14:27:45.120Z',
      account_id: 'acct_7Q2mZk',
      client_ip: '203.0.113.7',
      endpoint: 'messages',
      system: 'Be concise.',
      status: 'refused',
      finish_reason: 'refusal',
    });
  });

  it('reads a Kong-style entry: consumer, started_at in ms, bodies as JSON strings', () => {
    const record = adapt({
      started_at: 1748960467412,
      client_ip: '198.51.100.9',
      consumer: { id: 'c0nsumer-uuid', username: 'acct_kong' },
      request: { uri: '/openai/v1/chat/completions', headers: { 'user-agent': 'curl/8.5.0' } },
      response: { status: 200 },
      ai: {
        'ai-proxy': {
          payload: {
            request: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
            response: JSON.stringify({ choices: [{ finish_reason: 'stop' }], usage: { prompt_tokens: 3 } }),
          },
        },
      },
    });
    expect(record).toMatchObject({
      time: '2025-06-03T14:21:07.412Z',
      account_id: 'c0nsumer-uuid',
      user_agent: 'curl/8.5.0',
      model: 'gpt-4o',
      endpoint: 'chat',
      status: 'ok',
      prompt: 'hi',
      usage: { input_tokens: 3 },
    });
  });
});

describe('gateway adapter: bad items and detection', () => {
  it('gives a reason for items it cannot read', () => {
    const cases: [unknown, RegExp][] = [
      [null, /JSON object/],
      [{ timestamp: '2025-06-03T00:00:00Z' }, /no request body/],
      [{ timestamp: 'soon', request: { model: 'm', messages: [] } }, /timestamp/],
    ];
    for (const [item, reason] of cases) {
      const result = gatewayAdapter.adapt(item);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(reason);
    }
  });

  it('does not throw on odd bodies', () => {
    const record = adapt({
      timestamp: '2025-06-03T00:00:00Z',
      request: { model: 'm', messages: 'not a list', tools: 'x', n: -1, temperature: 'hot', tool_choice: {} },
      response: { choices: 'none', usage: { prompt_tokens: -5 } },
    });
    expect(record.model).toBe('m');
    expect(record.params).toBeUndefined();
    expect(record.usage).toBeUndefined();
  });

  it('reads the envelope example in docs/adapters.md', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../docs/adapters.md', import.meta.url)), 'utf8');
    const example = /```jsonc\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    expect(adapt(JSON.parse(example!))).toMatchObject({
      request_id: 'req_8f3a',
      account_id: 'acct_7Q2mZk',
      endpoint: 'chat',
      params: { max_tokens: 512 },
      usage: { input_tokens: 11, output_tokens: 96 },
      prompt: 'What is entropy?',
      status: 'ok',
    });
  });

  it('is auto-detected for the fixture, and not for the others', () => {
    expect(detectAdapter(lines).format).toBe('gateway');
    expect(gatewayAdapter.sniff({ type: 'request', time: 't', request_id: 'x' })).toBe(false);
  });

  it('reads the fixture end to end: 6 records, nothing rejected', async () => {
    const stats = newReadStats();
    const records: TrafficRecord[] = [];
    for await (const batch of readRecords([FIXTURE], {}, stats)) records.push(...batch);
    expect(records).toHaveLength(6);
    expect(stats.rejected).toBe(0);
    expect(stats.sources[0]?.format).toBe('gateway');
  });
});
