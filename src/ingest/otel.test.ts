// OTLP/JSON trace exports: field-by-field mapping, attribute fallbacks across convention
// generations, bad items, detection and end-to-end reading of the fixtures.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RequestRecord, TrafficRecord } from '../contract/events.ts';
import { detectAdapter } from './formats.ts';
import { otelAdapter, otelTracesAdapter } from './otel.ts';
import { newReadStats, readRecords } from './read.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/otel-genai.jsonl', import.meta.url));
const DOCUMENT = fileURLToPath(new URL('./fixtures/otel-document.json', import.meta.url));
const lines = readFileSync(FIXTURE, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as unknown);

function adaptLine(index: number, adapter = otelTracesAdapter): Record<string, unknown>[] {
  const result = adapter.adapt(lines[index]);
  if (!result.ok) throw new Error(result.reason);
  return result.records as Record<string, unknown>[];
}

type Attr = { key: string; value: Record<string, unknown> };
const s = (key: string, v: string): Attr => ({ key, value: { stringValue: v } });
const n = (key: string, v: number | string): Attr => ({ key, value: { intValue: v } });

function exportOf(attributes: Attr[], resource: Attr[] = [], status: Record<string, unknown> = {}): unknown {
  return {
    resourceSpans: [
      {
        resource: { attributes: resource },
        scopeSpans: [
          {
            scope: { name: 'test' },
            spans: [
              {
                traceId: '0123456789abcdef0123456789abcdef',
                spanId: '0123456789abcdef',
                name: 'chat',
                kind: 3,
                startTimeUnixNano: '1748960467120000000',
                endTimeUnixNano: '1748960468120000000',
                attributes,
                status,
              },
            ],
          },
        ],
      },
    ],
  };
}

function one(item: unknown, adapter = otelTracesAdapter): Record<string, unknown> {
  const result = adapter.adapt(item);
  if (!result.ok) throw new Error(result.reason);
  expect(result.records).toHaveLength(1);
  return result.records[0] as Record<string, unknown>;
}

describe('otel adapter: current GenAI conventions', () => {
  it('maps a chat span field by field and skips the HTTP server span', () => {
    const records = adaptLine(0);
    expect(records).toHaveLength(2);
    expect(records[0]).toEqual({
      type: 'request',
      time: '2025-06-03T14:21:07.120Z',
      request_id: 'chatcmpl-Bd7pQ2bW1x9YkLzv3e0aFQ7l0m2Cj',
      account_id: 'acct_7Q2mZk',
      client_ip: '203.0.113.7',
      user_agent: 'python-httpx/0.27.0',
      model: 'gpt-4o',
      endpoint: 'chat',
      provider: 'openai',
      params: { max_tokens: 512, temperature: 0.2, top_p: 0.9, n: 2, tools: 1 },
      usage: { input_tokens: 812, output_tokens: 233, cached_tokens: 512 },
      status: 'ok',
      finish_reason: 'stop',
      conversation_id: 'conv_5j66UpCpwteGg4YSxUnt7lPY',
      system: 'You are a careful physics tutor.',
      prompt: 'And explain it step by step, using this chart.',
      has_image: true,
      tool_results: 1,
      turn: 2,
    });
  });

  it('reads an error span as rate_limited and falls back to traceId:spanId for the id', () => {
    const failed = adaptLine(0)[1]!;
    expect(failed.status).toBe('rate_limited');
    expect(failed.request_id).toBe('5b8efff798038103d269b633813fc60c:eee19b7ec3c1b175');
    expect(failed.usage).toBeUndefined();
  });

  it('reads the enum-name status encoding and plain errors', () => {
    const record = one(
      exportOf([s('gen_ai.request.model', 'm'), s('user.id', 'a')], [], { code: 'STATUS_CODE_ERROR' }),
    );
    expect(record.status).toBe('error');
  });
});

describe('otel adapter: older and library-specific names', () => {
  it('reads OpenLLMetry: gen_ai.system, prompt/completion tokens, gen_ai.prompt.N.*', () => {
    const records = adaptLine(1);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      request_id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
      account_id: 'acct_Xr81bN', // enduser.id on the resource
      model: 'claude-3-5-sonnet-20241022',
      endpoint: 'chat',
      provider: 'Anthropic',
      params: { max_tokens: 1024, temperature: 1, stream: false },
      usage: { input_tokens: 1289, output_tokens: 187, cached_tokens: 0 },
      finish_reason: 'end_turn',
      system: 'You are a research assistant.',
      prompt: 'Summarise the attached abstract in three bullet points.',
      turn: 1,
    });
  });

  it('reads OpenInference: llm.model_name, llm.token_count.*, llm.input_messages with parts', () => {
    const records = adaptLine(2);
    expect(records).toHaveLength(1); // the CHAIN span is not a model call
    expect(records[0]).toMatchObject({
      request_id: '4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b8',
      account_id: 'acct_mT40qa',
      model: 'o3-mini-2025-01-31',
      provider: 'openai',
      params: { max_tokens: 4096, n: 1, reasoning_effort: 'high' },
      usage: { input_tokens: 1520, output_tokens: 2890, reasoning_tokens: 2304, cached_tokens: 1024 },
      conversation_id: 'sess_3b1c',
      system: 'Answer as a mathematician.',
      prompt: 'Compare these two proofs',
      has_image: true,
    });
  });

  it('reads the Vercel AI SDK provider-call span and skips its function span', () => {
    const records = adaptLine(3);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      request_id: 'chatcmpl-AzV3l1r0c8X2',
      account_id: 'acct_vc91Lp',
      model: 'gpt-4o-mini',
      provider: 'openai.chat',
      params: { max_tokens: 800, temperature: 0.7, stream: true, tools: 1, tool_choice: 'auto' },
      usage: { input_tokens: 402, output_tokens: 119 },
      finish_reason: 'stop',
      system: 'You write release notes.',
      prompt: 'Draft notes for v2.3',
      tool_results: 1,
    });
  });

  it('returns no records, and no reject, for an export without LLM spans', () => {
    expect(adaptLine(4)).toEqual([]);
  });

  it('prefers current usage names over older ones when both are present', () => {
    const record = one(
      exportOf([
        s('gen_ai.request.model', 'm'),
        s('user.id', 'a'),
        n('gen_ai.usage.prompt_tokens', 1),
        n('gen_ai.usage.input_tokens', 2),
        n('llm.token_count.completion', 3),
        n('gen_ai.usage.completion_tokens', 4),
        n('ai.usage.completionTokens', 5),
      ]),
    );
    expect(record.usage).toEqual({ input_tokens: 2, output_tokens: 4 });
  });

  it('falls back from request model to response model, llm.* and ai.model.id', () => {
    const model = (attrs: Attr[]) => one(exportOf([s('user.id', 'a'), ...attrs])).model;
    expect(model([s('gen_ai.response.model', 'resp'), s('ai.model.id', 'ai')])).toBe('resp');
    expect(model([s('llm.request.model', 'llm'), s('ai.model.id', 'ai')])).toBe('llm');
    expect(model([s('ai.model.id', 'ai')])).toBe('ai');
  });

  it('prefers gen_ai.provider.name to gen_ai.system', () => {
    const record = one(
      exportOf([s('gen_ai.request.model', 'm'), s('gen_ai.system', 'old'), s('gen_ai.provider.name', 'new')]),
    );
    expect(record.provider).toBe('new');
  });

  it('takes the account from a configured attribute, on the span or the resource', () => {
    const adapter = otelAdapter({ accountAttribute: 'app.account_id', orgAttribute: 'app.org' });
    const onResource = one(
      exportOf(
        [s('gen_ai.request.model', 'm'), s('user.id', 'end-user')],
        [s('app.account_id', 'acct_1'), s('app.org', 'org_1')],
      ),
      adapter,
    );
    expect(onResource).toMatchObject({ account_id: 'acct_1', org_id: 'org_1' });
    expect(
      one(exportOf([s('gen_ai.request.model', 'm'), s('user.id', 'end-user')]), adapter).account_id,
    ).toBe('end-user');
  });
});

describe('otel adapter: bad items', () => {
  it('rejects an item that is not an export, with a reason', () => {
    for (const item of [null, 42, 'x', [], { spans: [] }, { resourceSpans: 'no' }]) {
      const result = otelTracesAdapter.adapt(item);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/resourceSpans/);
    }
  });

  it('leaves a span without model or account to the contract check instead of throwing', () => {
    const record = one(exportOf([s('gen_ai.operation.name', 'chat')]));
    expect(record.model).toBeUndefined();
    expect(record.account_id).toBeUndefined();
  });

  it('tolerates malformed attributes and times', () => {
    const item = exportOf([
      { key: 'gen_ai.request.model', value: { stringValue: 7 } },
      { key: 'gen_ai.usage.input_tokens', value: { intValue: 'many' } },
      { key: 'gen_ai.input.messages', value: { stringValue: '[{"role":' } },
      s('user.id', 'a'),
    ]) as { resourceSpans: [{ scopeSpans: [{ spans: [{ startTimeUnixNano: string }] }] }] };
    item.resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano = 'yesterday';
    const record = one(item);
    expect(record.time).toBeUndefined();
    expect(record.usage).toBeUndefined();
  });
});

describe('otel adapter: detection and reading', () => {
  it('is auto-detected for the fixture', () => {
    expect(detectAdapter(lines).format).toBe('otel');
  });

  it('reads the fixture end to end: 5 model calls from 5 lines, nothing rejected', async () => {
    const stats = newReadStats();
    const records: TrafficRecord[] = [];
    for await (const batch of readRecords([FIXTURE], {}, stats)) records.push(...batch);
    expect(records).toHaveLength(5);
    expect(stats.rejected).toBe(0);
    expect(stats.linesIn).toBe(5);
    expect(stats.sources[0]?.format).toBe('otel');
  });

  it('reads a pretty-printed single-document export as one item', async () => {
    const stats = newReadStats();
    const records: RequestRecord[] = [];
    for await (const batch of readRecords([DOCUMENT], {}, stats)) records.push(...(batch as RequestRecord[]));
    expect(records.map((r) => r.request_id)).toEqual([
      'chatcmpl-Bd7pQ2bW1x9YkLzv3e0aFQ7l0m2Cj',
      '5b8efff798038103d269b633813fc60c:eee19b7ec3c1b175',
    ]);
    expect(stats.rejected).toBe(0);
    expect(stats.sources[0]).toMatchObject({ container: 'json', format: 'otel' });
  });

  it('rejects an LLM span that has no account, naming the field, and keeps the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hydrawatch-otel-'));
    const path = join(dir, 'traces.jsonl');
    const good = exportOf([s('gen_ai.request.model', 'm'), s('user.id', 'a')]);
    const orphan = exportOf([s('gen_ai.request.model', 'm')]) as { resourceSpans: unknown[] };
    writeFileSync(path, `${JSON.stringify(good)}\n${JSON.stringify(orphan)}\nnot json\n`);
    const reasons: string[] = [];
    const stats = newReadStats();
    for await (const _ of readRecords(
      [path],
      { onReject: (r) => reasons.push(`${r.line}: ${r.reason}`) },
      stats,
    )) {
      // drained for the counts
    }
    rmSync(dir, { recursive: true, force: true });
    expect(stats.records).toBe(1);
    expect(reasons[0]).toBe('2: request: missing required field account_id');
    expect(reasons[1]).toMatch(/^3: not JSON/);
  });
});
