// Turns records into JSONL lines. Requests, the bulk of the output, are written field by field
// with a fixed key order, which is much faster than JSON.stringify of the whole object.
import type { RequestRecord, TrafficRecord } from '../contract/events.ts';

const str = JSON.stringify;

function paramsJson(p: NonNullable<RequestRecord['params']>): string {
  let out = '{';
  let sep = '';
  for (const key in p) {
    const v = (p as Record<string, unknown>)[key];
    if (v === undefined) continue;
    out += `${sep}"${key}":${typeof v === 'string' ? str(v) : v}`;
    sep = ',';
  }
  return `${out}}`;
}

// Params objects are shared by every turn of a conversation, and system prompts repeat.
const paramsCache = new WeakMap<object, string>();
const textCache = new Map<string, string>();

function cachedParams(p: NonNullable<RequestRecord['params']>): string {
  let json = paramsCache.get(p);
  if (json === undefined) {
    json = paramsJson(p);
    paramsCache.set(p, json);
  }
  return json;
}

function cachedText(text: string): string {
  let json = textCache.get(text);
  if (json === undefined) {
    json = str(text);
    if (textCache.size < 10_000) textCache.set(text, json);
  }
  return json;
}

/**
 * Scenario-supplied names (models, user agents, networks) are checked to be plain text when the
 * scenario loads, so they are written without escaping; free text is always escaped.
 */
function requestLine(r: RequestRecord): string {
  // Ids and times are generated from a fixed alphabet and need no escaping; free text does.
  let out = `{"type":"request","time":"${r.time}","request_id":"${r.request_id}","account_id":"${r.account_id}"`;
  if (r.org_id !== undefined) out += `,"org_id":"${r.org_id}"`;
  if (r.api_key_id !== undefined) out += `,"api_key_id":"${r.api_key_id}"`;
  if (r.client_ip !== undefined) out += `,"client_ip":"${r.client_ip}"`;
  if (r.client_asn !== undefined) out += `,"client_asn":${r.client_asn}`;
  if (r.client_network !== undefined) out += `,"client_network":"${r.client_network}"`;
  if (r.client_country !== undefined) out += `,"client_country":"${r.client_country}"`;
  if (r.user_agent !== undefined) out += `,"user_agent":"${r.user_agent}"`;
  if (r.tls_fingerprint !== undefined) out += `,"tls_fingerprint":"${r.tls_fingerprint}"`;
  out += `,"model":"${r.model}"`;
  if (r.endpoint !== undefined) out += `,"endpoint":"${r.endpoint}"`;
  if (r.params !== undefined) out += `,"params":${cachedParams(r.params)}`;
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
