// Turns records into JSONL lines. Requests, the bulk of the output, are written field by field
// with a fixed key order, which is much faster than JSON.stringify of the whole object.
import type { RequestRecord, TrafficRecord } from '../contract/events.ts';

const str = JSON.stringify;

// Written field by field in the order the actor sets them (the order JSON.stringify would use):
// a WeakMap cache keyed by the params object cost more per request than writing them out.
export function paramsJson(p: NonNullable<RequestRecord['params']>): string {
  let out = '';
  if (p.max_tokens !== undefined) out += `,"max_tokens":${p.max_tokens}`;
  if (p.temperature !== undefined) out += `,"temperature":${p.temperature}`;
  if (p.top_p !== undefined) out += `,"top_p":${p.top_p}`;
  if (p.n !== undefined) out += `,"n":${p.n}`;
  if (p.logprobs !== undefined) out += `,"logprobs":${p.logprobs}`;
  if (p.top_logprobs !== undefined) out += `,"top_logprobs":${p.top_logprobs}`;
  if (p.reasoning_effort !== undefined) out += `,"reasoning_effort":${str(p.reasoning_effort)}`;
  if (p.thinking_budget !== undefined) out += `,"thinking_budget":${p.thinking_budget}`;
  if (p.stream !== undefined) out += `,"stream":${p.stream}`;
  if (p.tools !== undefined) out += `,"tools":${p.tools}`;
  if (p.tool_choice !== undefined) out += `,"tool_choice":${str(p.tool_choice)}`;
  if (p.batch !== undefined) out += `,"batch":${p.batch}`;
  return out === '' ? '{}' : `{${out.slice(1)}}`;
}

// System prompts repeat across conversations.
const textCache = new Map<string, string>();

export function cachedText(text: string): string {
  let json = textCache.get(text);
  if (json === undefined) {
    json = str(text);
    if (textCache.size < 10_000) textCache.set(text, json);
  }
  return json;
}

/** `,"org_id":…,"api_key_id":…` as far as present. */
export function identityJson(r: RequestRecord): string {
  let out = '';
  if (r.org_id !== undefined) out += `,"org_id":"${r.org_id}"`;
  if (r.api_key_id !== undefined) out += `,"api_key_id":"${r.api_key_id}"`;
  return out;
}

/** The client fields, `,"client_ip":…` through `,"tls_fingerprint":…`, as far as present. */
export function addressJson(r: RequestRecord): string {
  let out = '';
  if (r.client_ip !== undefined) out += `,"client_ip":"${r.client_ip}"`;
  if (r.client_asn !== undefined) out += `,"client_asn":${r.client_asn}`;
  if (r.client_network !== undefined) out += `,"client_network":"${r.client_network}"`;
  if (r.client_country !== undefined) out += `,"client_country":"${r.client_country}"`;
  if (r.user_agent !== undefined) out += `,"user_agent":"${r.user_agent}"`;
  if (r.tls_fingerprint !== undefined) out += `,"tls_fingerprint":"${r.tls_fingerprint}"`;
  return out;
}

/** Usage, status, finish reason, conversation and turn: `,"usage":{…}` … `,"turn":…` as far as present. */
export function outcomeJson(r: RequestRecord): string {
  let out = '';
  const u = r.usage;
  if (u !== undefined) {
    out += `,"usage":{"input_tokens":${u.input_tokens},"output_tokens":${u.output_tokens}`;
    if (u.reasoning_tokens !== undefined) out += `,"reasoning_tokens":${u.reasoning_tokens}`;
    if (u.cached_tokens !== undefined) out += `,"cached_tokens":${u.cached_tokens}`;
    out += '}';
  }
  if (r.status !== undefined) out += `,"status":"${r.status}"`;
  if (r.finish_reason !== undefined) out += `,"finish_reason":"${r.finish_reason}"`;
  if (r.conversation_id !== undefined) out += `,"conversation_id":"${r.conversation_id}"`;
  if (r.turn !== undefined) out += `,"turn":${r.turn}`;
  return out;
}

/**
 * Scenario-supplied names (models, user agents, networks) are checked to be plain text when the
 * scenario loads, so they are written without escaping; free text is always escaped.
 */
function requestLine(r: RequestRecord): string {
  // Ids and times are generated from a fixed alphabet and need no escaping; free text does.
  let out = `{"type":"request","time":"${r.time}","request_id":"${r.request_id}","account_id":"${r.account_id}"`;
  out += identityJson(r) + addressJson(r);
  out += `,"model":"${r.model}"`;
  if (r.endpoint !== undefined) out += `,"endpoint":"${r.endpoint}"`;
  if (r.params !== undefined) out += `,"params":${paramsJson(r.params)}`;
  out += outcomeJson(r);
  if (r.system !== undefined) out += `,"system":${cachedText(r.system)}`;
  if (r.prompt !== undefined) out += `,"prompt":${str(r.prompt)}`;
  if (r.has_image !== undefined) out += `,"has_image":${r.has_image}`;
  if (r.tool_results !== undefined) out += `,"tool_results":${r.tool_results}`;
  return `${out}}\n`;
}

/** One JSONL line (with its newline) for a record. */
export function recordLine(record: TrafficRecord): string {
  return record.type === 'request' ? requestLine(record) : `${str(record)}\n`;
}
