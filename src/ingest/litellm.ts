// Adapter for LiteLLM's StandardLoggingPayload (the `standard_logging_object` its proxy hands to
// every logger, e.g. as JSON lines from a custom callback, S3 or GCS bucket logging).
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
} from './gateway-bodies.ts';

type Json = Record<string, unknown>;

/** LiteLLM call types (sync and `a`-prefixed async alike) as contract endpoints. */
const ENDPOINTS: Record<string, string> = {
  completion: 'chat',
  text_completion: 'completions',
  anthropic_messages: 'messages',
  responses: 'responses',
  embedding: 'embeddings',
  image_generation: 'images',
  moderation: 'moderations',
  transcription: 'audio',
  speech: 'audio',
  create_batch: 'batch',
};

function endpointOf(callType: string | undefined): string | undefined {
  if (!callType) return undefined;
  const sync = callType in ENDPOINTS ? callType : callType.replace(/^a(?=[a-z])/, '');
  return ENDPOINTS[sync] ?? callType;
}

function obj(value: unknown): Json {
  const parsed = parseJsonText(value);
  return isObject(parsed) ? parsed : {};
}

function first(...values: unknown[]): string | undefined {
  for (const v of values) {
    const s = asString(v);
    if (s) return s;
  }
  return undefined;
}

/** `failure` payloads carry the provider's error code and class; 429 and policy errors are not plain errors. */
function statusOf(payload: Json, refused: boolean | undefined): string | undefined {
  if (payload.status === 'success') return refused ? 'refused' : 'ok';
  if (payload.status !== 'failure') return undefined;
  const info = obj(payload.error_information);
  const code = String(info.error_code ?? '');
  const errorClass = String(info.error_class ?? '');
  if (code === '429' || errorClass === 'RateLimitError') return 'rate_limited';
  if (errorClass === 'ContentPolicyViolationError') return 'refused';
  return 'error';
}

function adaptLiteLLM(item: unknown): AdaptResult {
  if (!isObject(item)) return { ok: false, reason: 'expected a JSON object (one StandardLoggingPayload)' };
  const time = isoTime(item.startTime);
  if (!time) {
    return { ok: false, reason: `startTime ${JSON.stringify(item.startTime ?? null)} is not epoch seconds` };
  }
  const meta = obj(item.metadata);
  const params = obj(item.model_parameters);
  const answer = responseFromBody(item.response);
  const callType = asString(item.call_type);
  // Anthropic and Responses calls log their system prompt among the parameters, not the messages.
  const input = inputFromBody({
    messages: item.messages ?? [],
    system: params.system ?? params.instructions,
  });

  // A failed call logs zero counts as placeholders, not as a measurement.
  const counted = item.status !== 'failure' || asCount(item.total_tokens) !== 0;
  const usage = {
    ...answer.usage,
    ...(counted
      ? compact({ input_tokens: asCount(item.prompt_tokens), output_tokens: asCount(item.completion_tokens) })
      : {}),
  };
  const userId = first(meta.user_api_key_user_id);
  const record = compact({
    type: 'request',
    time,
    request_id: first(item.id, item.litellm_call_id, item.trace_id),
    // The key's user is the billing identity on a LiteLLM proxy; a team-owned key has none.
    account_id:
      first(userId, meta.user_api_key_team_id, meta.user_api_key_end_user_id, item.end_user) ??
      first(meta.user_api_key_hash),
    org_id: first(meta.user_api_key_org_id, userId ? meta.user_api_key_team_id : undefined),
    api_key_id: first(meta.user_api_key_hash, meta.user_api_key_alias),
    client_ip: first(meta.requester_ip_address, item.requester_ip_address),
    user_agent: first(meta.user_agent, obj(meta.requester_metadata).user_agent),
    model: first(item.model_group, item.model, answer.model),
    endpoint: endpointOf(callType),
    provider: first(item.custom_llm_provider, obj(item.error_information).llm_provider),
    params: paramsFromBody(params),
    usage: Object.keys(usage).length > 0 ? usage : undefined,
    status: statusOf(item, answer.refused),
    finish_reason: answer.finish_reason,
    conversation_id: first(meta.session_id, obj(meta.requester_metadata).session_id),
    ...input,
  });
  return { ok: true, records: [record] };
}

export const litellmAdapter: Adapter = {
  format: 'litellm',
  description: "LiteLLM StandardLoggingPayload JSON lines (the proxy's standard_logging_object)",
  sniff: (item) =>
    isObject(item) &&
    typeof item.call_type === 'string' &&
    typeof item.startTime === 'number' &&
    ('model_group' in item || 'standard_built_in_tools_params' in item || 'model_parameters' in item),
  adapt: adaptLiteLLM,
};
