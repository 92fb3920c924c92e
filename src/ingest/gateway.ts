// Adapter for LLM gateway access logs: one JSON object per call holding the request body, the
// response body and the gateway's own metadata, for OpenAI chat completions / responses and
// Anthropic messages. The envelope is documented in docs/adapters.md; Portkey-, Helicone- and
// Kong-style field names are accepted too.
import { type Adapter, type AdaptResult, isObject } from './adapter.ts';
import {
  asCount,
  asString,
  compact,
  inputFromBody,
  isoTime,
  paramsFromBody,
  parseJsonText,
  responseFromBody,
  statusFrom,
} from './gateway-bodies.ts';

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  const parsed = parseJsonText(value);
  return isObject(parsed) ? parsed : {};
}

/** Kong's AI plugins log bodies under `ai["ai-proxy"].payload` (older: `ai.proxy.payload`). */
function kongPayload(item: Json): Json {
  const ai = obj(item.ai);
  return obj(obj(ai['ai-proxy'] ?? ai.proxy).payload);
}

/** The request or response body: `request_body`, `request.body` (Portkey) or `request` itself. */
function body(item: Json, side: 'request' | 'response'): Json | undefined {
  const flat = parseJsonText(item[`${side}_body`]);
  if (isObject(flat)) return flat;
  const nested = parseJsonText(item[side]);
  if (isObject(nested)) {
    const inner = parseJsonText(nested.body);
    if (isObject(inner)) return inner;
  }
  // Kong's `request`/`response` hold HTTP metadata only; its bodies sit under `ai`.
  const kong = parseJsonText(kongPayload(item)[side]);
  if (isObject(kong)) return kong;
  return isObject(nested) && (side === 'response' || looksLikeCall(nested)) ? nested : undefined;
}

function headers(item: Json): Json {
  const raw = { ...obj(item.headers), ...obj(item.request_headers), ...obj(obj(item.request).headers) };
  const lower: Json = {};
  for (const [k, v] of Object.entries(raw)) lower[k.toLowerCase()] = Array.isArray(v) ? v[0] : v;
  return lower;
}

function first(...values: unknown[]): string | undefined {
  for (const v of values) {
    const s = typeof v === 'number' && Number.isFinite(v) ? String(v) : asString(v);
    if (s) return s;
  }
  return undefined;
}

function httpStatus(item: Json): number | undefined {
  const response = obj(item.response);
  for (const v of [
    item.status_code,
    item.response_status,
    item.status,
    response.status,
    response.status_code,
  ]) {
    const n = asCount(v);
    if (n !== undefined && n >= 100 && n < 600) return n;
  }
  return undefined;
}

function pathOf(item: Json): string | undefined {
  const request = obj(item.request);
  const raw = first(
    item.path,
    item.request_path,
    item.url,
    request.path,
    request.url,
    request.uri,
    item.endpoint,
  );
  if (!raw) return undefined;
  try {
    return new URL(raw, 'http://gateway.invalid').pathname;
  } catch {
    return raw;
  }
}

/** Which API was called: by path when the gateway logged one, else by the body's shape. */
function endpointOf(
  path: string | undefined,
  provider: string | undefined,
  req: Json,
  res: Json,
): string | undefined {
  if (path) {
    if (path.includes('/chat/completions')) return 'chat';
    if (path.includes('/responses')) return 'responses';
    if (path.includes('/messages')) return 'messages';
    if (path.includes('/completions')) return 'completions';
    if (path.includes('/embeddings')) return 'embeddings';
  }
  if (req.input !== undefined || req.instructions !== undefined || res.object === 'response')
    return 'responses';
  const anthropic =
    provider === 'anthropic' || res.type === 'message' || req.system !== undefined || isObject(req.thinking);
  if (req.messages !== undefined) return anthropic ? 'messages' : 'chat';
  return req.prompt !== undefined ? 'completions' : undefined;
}

function looksLikeCall(value: Json | undefined): boolean {
  return (
    value !== undefined &&
    (typeof value.model === 'string' || Array.isArray(value.messages) || value.input !== undefined)
  );
}

function adaptGateway(item: unknown): AdaptResult {
  if (!isObject(item)) return { ok: false, reason: 'expected a JSON object (one gateway log entry)' };
  const req = body(item, 'request');
  if (!req) return { ok: false, reason: 'no request body (looked for request_body, request.body, request)' };
  const res = body(item, 'response') ?? {};
  const h = headers(item);
  const meta = obj(item.metadata);
  const consumer = obj(item.consumer);
  const rawTime =
    item.timestamp ??
    item.time ??
    item['@timestamp'] ??
    item.created_at ??
    item.request_created_at ??
    item.started_at ??
    item.start_time;
  const time = isoTime(rawTime);
  if (!time) return { ok: false, reason: `no readable timestamp (got ${JSON.stringify(rawTime ?? null)})` };

  const answer = responseFromBody(res);
  const provider = first(item.provider, obj(item.request).provider, meta.provider);
  const status = httpStatus(item);
  const forwarded = asString(h['x-forwarded-for'])?.split(',')[0]?.trim();
  const usage = answer.usage ?? undefined;

  const record = compact({
    type: 'request',
    time,
    request_id: first(item.request_id, item.id, h['x-request-id'], item.trace_id, answer.id),
    account_id: first(
      item.account_id,
      item.account,
      item.user_id,
      item.user,
      item.request_user_id,
      meta.account_id,
      meta.user_id,
      meta.user,
      meta._user,
      consumer.id,
      consumer.username,
    ),
    org_id: first(item.org_id, item.organization_id, meta.org_id, meta.organization_id),
    api_key_id: first(
      item.api_key_id,
      item.key_id,
      item.virtual_key,
      meta.api_key_id,
      obj(item.credential).id,
    ),
    client_ip: first(item.client_ip, item.request_ip, item.ip, item.remote_addr, forwarded),
    user_agent: first(item.user_agent, h['user-agent']),
    model: first(req.model, answer.model, item.model),
    endpoint: endpointOf(pathOf(item), provider, req, res),
    provider,
    params: paramsFromBody(req),
    usage,
    status: statusFrom(status, answer.refused) ?? (isObject(res.error) ? 'error' : 'ok'),
    finish_reason: answer.finish_reason,
    conversation_id: first(item.conversation_id, item.session_id, meta.conversation_id, meta.session_id),
    ...inputFromBody(req),
  });
  return { ok: true, records: [record] };
}

export const gatewayAdapter: Adapter = {
  format: 'gateway',
  description:
    'LLM gateway logs: request/response bodies of OpenAI chat/responses and Anthropic messages calls plus gateway metadata',
  sniff: (item) => isObject(item) && typeof item.type !== 'string' && looksLikeCall(body(item, 'request')),
  adapt: adaptGateway,
};
