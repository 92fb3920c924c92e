// Adapter for OpenTelemetry OTLP/JSON trace exports (one ExportTraceServiceRequest per line, as
// the collector's file exporter writes them): each LLM span becomes one `request` record. The
// GenAI conventions keep moving, so every field is read through an ordered list of attribute
// names, newest first, then the older and library-specific ones (docs/adapters.md).
import { type Adapter, type AdaptResult, isObject } from './adapter.ts';
import {
  asBoolean,
  asCount,
  asNumber,
  asString,
  compact,
  paramsFromBody,
  parseJsonText,
  summarizeTurns,
  systemText,
  toTurns,
} from './gateway-bodies.ts';

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
type Attributes = Map<string, Value>;

export interface OtelOptions {
  /** Span or resource attribute naming the billing account, tried before user.id / enduser.id. */
  accountAttribute?: string;
  /** Span or resource attribute naming the organisation. */
  orgAttribute?: string;
}

/** Decodes an OTLP AnyValue; int64 arrives as a string in proto3 JSON. */
function decode(value: unknown): Value {
  if (!isObject(value)) return null;
  if ('stringValue' in value) return typeof value.stringValue === 'string' ? value.stringValue : null;
  if ('intValue' in value) return asNumber(value.intValue) ?? null;
  if ('doubleValue' in value) return asNumber(value.doubleValue) ?? null;
  if ('boolValue' in value) return typeof value.boolValue === 'boolean' ? value.boolValue : null;
  if ('arrayValue' in value) {
    const values = isObject(value.arrayValue) ? value.arrayValue.values : undefined;
    return Array.isArray(values) ? values.map(decode) : [];
  }
  if ('kvlistValue' in value) {
    const out: { [key: string]: Value } = {};
    for (const [k, v] of attributes(isObject(value.kvlistValue) ? value.kvlistValue.values : undefined))
      out[k] = v;
    return out;
  }
  return null;
}

function attributes(list: unknown): Attributes {
  const out: Attributes = new Map();
  if (!Array.isArray(list)) return out;
  for (const kv of list) if (isObject(kv) && typeof kv.key === 'string') out.set(kv.key, decode(kv.value));
  return out;
}

/** The first attribute present among `keys`, in order. */
function pick(attrs: Attributes, keys: readonly string[]): Value | undefined {
  for (const key of keys) {
    const v = attrs.get(key);
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

const str = (attrs: Attributes, keys: readonly string[]): string | undefined => {
  const v = pick(attrs, keys);
  return typeof v === 'number' ? String(v) : asString(v);
};
const count = (attrs: Attributes, keys: readonly string[]): number | undefined => asCount(pick(attrs, keys));

// Ordered fallbacks: current GenAI semconv, older GenAI names (OpenLLMetry), OpenInference, Vercel AI SDK.
const F = {
  model: [
    'gen_ai.request.model',
    'gen_ai.response.model',
    'llm.request.model',
    'llm.model_name',
    'ai.model.id',
  ],
  provider: ['gen_ai.provider.name', 'gen_ai.system', 'llm.provider', 'llm.system', 'ai.model.provider'],
  responseId: ['gen_ai.response.id', 'ai.response.id'],
  account: ['user.id', 'enduser.id', 'ai.telemetry.metadata.userId', 'llm.user'],
  clientIp: ['client.address', 'http.client_ip'],
  userAgent: ['user_agent.original', 'http.user_agent'],
  conversation: ['gen_ai.conversation.id', 'session.id', 'ai.telemetry.metadata.sessionId'],
  inputTokens: [
    'gen_ai.usage.input_tokens',
    'gen_ai.usage.prompt_tokens',
    'llm.usage.prompt_tokens',
    'llm.token_count.prompt',
    'ai.usage.inputTokens',
    'ai.usage.promptTokens',
  ],
  outputTokens: [
    'gen_ai.usage.output_tokens',
    'gen_ai.usage.completion_tokens',
    'llm.usage.completion_tokens',
    'llm.token_count.completion',
    'ai.usage.outputTokens',
    'ai.usage.completionTokens',
  ],
  reasoningTokens: [
    'gen_ai.usage.reasoning_tokens',
    'gen_ai.usage.output_tokens.reasoning',
    'llm.usage.reasoning_tokens',
    'llm.token_count.completion_details.reasoning',
    'ai.usage.reasoningTokens',
  ],
  cachedTokens: [
    'gen_ai.usage.cache_read.input_tokens',
    'gen_ai.usage.cache_read_input_tokens',
    'gen_ai.usage.input_tokens.cached',
    'llm.token_count.prompt_details.cache_read',
    'ai.usage.cachedInputTokens',
  ],
  maxTokens: [
    'gen_ai.request.max_tokens',
    'llm.request.max_tokens',
    'ai.settings.maxOutputTokens',
    'ai.settings.maxTokens',
  ],
  temperature: ['gen_ai.request.temperature', 'llm.request.temperature', 'ai.settings.temperature'],
  topP: ['gen_ai.request.top_p', 'llm.request.top_p', 'llm.top_p', 'ai.settings.topP'],
  finish: ['gen_ai.response.finish_reasons', 'gen_ai.completion.0.finish_reason', 'ai.response.finishReason'],
  operation: ['gen_ai.operation.name', 'llm.request.type'],
} as const;

const OPERATIONS: Record<string, string> = {
  chat: 'chat',
  text_completion: 'completions',
  completion: 'completions',
  embeddings: 'embeddings',
  embedding: 'embeddings',
  generate_content: 'generate_content',
};

/** Agent and tool spans wrap model calls; the model call spans inside them are the requests. */
const WRAPPER_OPERATIONS = new Set(['execute_tool', 'invoke_agent', 'create_agent']);

/** True for spans that record one call to a model, by the conventions of each instrumentation. */
function isModelCall(attrs: Attributes): boolean {
  let llm = false;
  for (const key of attrs.keys()) {
    if (key.startsWith('gen_ai.') || key.startsWith('llm.') || key.startsWith('ai.')) {
      llm = true;
      break;
    }
  }
  if (!llm) return false;
  const kind = attrs.get('openinference.span.kind');
  if (typeof kind === 'string' && kind.toUpperCase() !== 'LLM') return false;
  const op = attrs.get('gen_ai.operation.name');
  if (typeof op === 'string' && WRAPPER_OPERATIONS.has(op)) return false;
  // The Vercel AI SDK wraps each provider call (`ai.generateText.doGenerate`) in a function span.
  const vercel = attrs.get('ai.operationId');
  if (typeof vercel === 'string' && !/\.do(Generate|Stream|Embed)$/.test(vercel)) return false;
  return true;
}

/** Gathers `prefix.N.rest` attributes into an array of objects keyed by `rest`. */
function indexed(attrs: Attributes, prefix: string): Record<string, Value>[] {
  const out: Record<string, Value>[] = [];
  for (const [key, value] of attrs) {
    if (!key.startsWith(prefix)) continue;
    const match = /^(\d+)\.(.+)$/.exec(key.slice(prefix.length));
    if (!match) continue;
    const i = Number(match[1]);
    if (i > 10_000) continue;
    out[i] ??= {};
    out[i][match[2]!] = value;
  }
  return out.filter((m) => m !== undefined);
}

/** OpenInference messages: role and content, or typed parts under `contents.M.message_content.*`. */
function openInferenceMessages(attrs: Attributes): unknown[] {
  return indexed(attrs, 'llm.input_messages.').map((m) => {
    const parts: Record<string, Value>[] = [];
    for (const [key, value] of Object.entries(m)) {
      const match = /^message\.contents\.(\d+)\.message_content\.(.+)$/.exec(key);
      if (!match) continue;
      const at = Number(match[1]);
      const part = parts[at] ?? {};
      part[match[2] === 'image.image.url' ? 'image_url' : match[2]!] = value;
      parts[at] = part;
    }
    const content = parts.length > 0 ? parts.filter((p) => p !== undefined) : m['message.content'];
    return { role: m['message.role'], content };
  });
}

/** Span events from the 1.2x conventions carried the prompt as `gen_ai.prompt` on `gen_ai.content.prompt`. */
function eventPrompt(span: Record<string, unknown>): Value | undefined {
  if (!Array.isArray(span.events)) return undefined;
  for (const event of span.events) {
    if (isObject(event) && event.name === 'gen_ai.content.prompt') {
      return attributes(event.attributes).get('gen_ai.prompt') ?? undefined;
    }
  }
  return undefined;
}

/** The input, in fallback order: current JSON messages, indexed old names, OpenInference, Vercel, events. */
function input(attrs: Attributes, span: Record<string, unknown>): ReturnType<typeof summarizeTurns> {
  const system = systemText(parseJsonText(attrs.get('gen_ai.system_instructions')));
  const current = attrs.get('gen_ai.input.messages');
  if (current !== undefined) return summarizeTurns(toTurns(current), system);
  const old = indexed(attrs, 'gen_ai.prompt.');
  if (old.length > 0) return summarizeTurns(toTurns(old), system);
  const inference = openInferenceMessages(attrs);
  if (inference.length > 0) return summarizeTurns(toTurns(inference), system);
  const vercelMessages = attrs.get('ai.prompt.messages');
  if (vercelMessages !== undefined) return summarizeTurns(toTurns(vercelMessages), system);
  const vercel = parseJsonText(attrs.get('ai.prompt'));
  if (isObject(vercel)) {
    return summarizeTurns(toTurns(vercel.messages ?? vercel.prompt), asString(vercel.system) ?? system);
  }
  const event = eventPrompt(span);
  if (event !== undefined) return summarizeTurns(toTurns(event), system);
  return system ? { system } : {};
}

function params(attrs: Attributes): Record<string, unknown> | undefined {
  // OpenInference keeps the raw request parameters as one JSON string.
  const raw = parseJsonText(attrs.get('llm.invocation_parameters'));
  const p: Record<string, unknown> = { ...(isObject(raw) ? paramsFromBody(raw) : undefined) };
  const set = (key: string, value: unknown): void => {
    if (value !== undefined) p[key] = value;
  };
  set('max_tokens', count(attrs, F.maxTokens));
  const temperature = asNumber(pick(attrs, F.temperature));
  if (temperature !== undefined && temperature >= 0) p.temperature = temperature;
  const topP = asNumber(pick(attrs, F.topP));
  if (topP !== undefined && topP >= 0 && topP <= 1) p.top_p = topP;
  set('n', count(attrs, ['gen_ai.request.choice.count']));
  set('reasoning_effort', str(attrs, ['gen_ai.request.reasoning_effort', 'openai.request.reasoning_effort']));
  const operationId = attrs.get('ai.operationId');
  const stream =
    asBoolean(pick(attrs, ['gen_ai.request.stream', 'llm.is_streaming'])) ??
    (typeof operationId === 'string' ? operationId.endsWith('.doStream') : undefined);
  set('stream', stream);
  const definitions = parseJsonText(pick(attrs, ['gen_ai.tool.definitions', 'ai.prompt.tools']));
  const tools = Array.isArray(definitions)
    ? definitions.length
    : indexed(attrs, 'llm.request.functions.').length || indexed(attrs, 'llm.tools.').length || undefined;
  set('tools', tools);
  const choice = parseJsonText(attrs.get('ai.prompt.toolChoice'));
  set('tool_choice', isObject(choice) ? asString(choice.type) : asString(choice));
  return Object.keys(p).length > 0 ? p : undefined;
}

function usage(attrs: Attributes): Record<string, number> | undefined {
  const u = compact({
    input_tokens: count(attrs, F.inputTokens),
    output_tokens: count(attrs, F.outputTokens),
    reasoning_tokens: count(attrs, F.reasoningTokens),
    cached_tokens: count(attrs, F.cachedTokens),
  });
  return Object.keys(u).length > 0 ? (u as Record<string, number>) : undefined;
}

/** ok, or error / rate_limited from the span status (numeric or enum-name JSON encodings). */
function status(span: Record<string, unknown>, attrs: Attributes): string {
  const code = isObject(span.status) ? span.status.code : undefined;
  if (code !== 2 && code !== 'STATUS_CODE_ERROR') return 'ok';
  const errorType = str(attrs, ['error.type']) ?? '';
  const http = count(attrs, ['http.response.status_code', 'http.status_code']);
  return http === 429 || errorType === '429' || /rate.?limit/i.test(errorType) ? 'rate_limited' : 'error';
}

/** Epoch nanoseconds (a decimal string in OTLP JSON) as RFC 3339; undefined when unreadable. */
function nanosToIso(value: unknown): string | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,22}$/.test(text)) return undefined;
  const date = new Date(Number(BigInt(text) / 1_000_000n));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function finishReason(attrs: Attributes): string | undefined {
  const v = pick(attrs, F.finish);
  return Array.isArray(v) ? asString(v[0]) : asString(v);
}

function spanRecord(
  span: Record<string, unknown>,
  attrs: Attributes,
  resource: Attributes,
  options: OtelOptions,
): Record<string, unknown> {
  const either = (keys: readonly string[]): string | undefined => str(attrs, keys) ?? str(resource, keys);
  const op = str(attrs, F.operation);
  const traceId = asString(span.traceId);
  const spanId = asString(span.spanId);
  return compact({
    type: 'request',
    time: nanosToIso(span.startTimeUnixNano),
    request_id: str(attrs, F.responseId) ?? (traceId && spanId ? `${traceId}:${spanId}` : undefined),
    // A configured account attribute wins wherever it is; user.id is often the customer's end user.
    account_id:
      (options.accountAttribute ? either([options.accountAttribute]) : undefined) ?? either(F.account),
    org_id: options.orgAttribute ? either([options.orgAttribute]) : undefined,
    client_ip: either(F.clientIp),
    user_agent: either(F.userAgent),
    model: str(attrs, F.model),
    endpoint: op ? (OPERATIONS[op] ?? op) : undefined,
    provider: str(attrs, F.provider),
    params: params(attrs),
    usage: usage(attrs),
    status: status(span, attrs),
    finish_reason: finishReason(attrs),
    conversation_id: str(attrs, F.conversation),
    ...input(attrs, span),
  });
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

export function otelAdapter(options: OtelOptions = {}): Adapter {
  return {
    format: 'otel',
    description:
      'OpenTelemetry OTLP/JSON trace exports (GenAI, OpenLLMetry, OpenInference, Vercel AI SDK spans)',
    sniff: (item) => isObject(item) && Array.isArray(item.resourceSpans),
    adapt(item): AdaptResult {
      if (!isObject(item) || !Array.isArray(item.resourceSpans)) {
        return { ok: false, reason: 'expected an OTLP ExportTraceServiceRequest with resourceSpans[]' };
      }
      const records: unknown[] = [];
      for (const rs of list(item.resourceSpans)) {
        const resource = attributes(isObject(rs.resource) ? rs.resource.attributes : undefined);
        // `instrumentationLibrarySpans` is the pre-1.0 OTLP name still written by old exporters.
        for (const scope of list(rs.scopeSpans ?? rs.instrumentationLibrarySpans)) {
          for (const span of list(scope.spans)) {
            const attrs = attributes(span.attributes);
            if (isModelCall(attrs)) records.push(spanRecord(span, attrs, resource, options));
          }
        }
      }
      return { ok: true, records };
    },
  };
}

/** The default OTel adapter: account from user.id / enduser.id. */
export const otelTracesAdapter: Adapter = otelAdapter();
