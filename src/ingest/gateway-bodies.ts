// Reads the request and response bodies of the big LLM APIs (OpenAI chat completions and
// responses, Anthropic messages) into canonical fields; shared by every adapter that sees them.
import type { RequestParams, Usage } from '../contract/events.ts';
import { isObject } from './adapter.ts';

type Role = 'system' | 'user' | 'assistant' | 'tool' | 'other';

/** One input message reduced to what the contract keeps. */
export interface Turn {
  role: Role;
  text: string;
  images: number;
  toolResults: number;
}

/** What a request's input says about the conversation. */
export interface InputSummary {
  system?: string;
  prompt?: string;
  has_image?: boolean;
  tool_results?: number;
  turn?: number;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A non-negative integer, also from the numeric strings some loggers write. */
export function asCount(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

export function asNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** JSON text that loggers embed as strings (OTel attributes, LiteLLM, OpenLLMetry contents). */
export function parseJsonText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const head = value.trimStart()[0];
  if (head !== '[' && head !== '{') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function roleOf(value: unknown): Role {
  switch (value) {
    case 'system':
    case 'developer':
      return 'system';
    case 'user':
    case 'human':
      return 'user';
    case 'assistant':
    case 'model':
    case 'ai':
      return 'assistant';
    case 'tool':
    case 'function':
    case 'ipython':
      return 'tool';
    default:
      return 'other';
  }
}

const TEXT_PARTS = new Set(['text', 'input_text', 'output_text']);
const IMAGE_PARTS = new Set(['image', 'image_url', 'input_image']);
const TOOL_RESULT_PARTS = new Set([
  'tool_result',
  'tool-result',
  'tool_call_response',
  'function_call_output',
]);

/**
 * Folds message content — a string, or parts in any of the OpenAI, Anthropic, OTel GenAI
 * (`parts` with `content`) and Vercel AI SDK shapes — into text, images and tool results.
 */
function foldContent(content: unknown, turn: Turn): void {
  content = parseJsonText(content);
  if (typeof content === 'string') {
    turn.text = turn.text ? `${turn.text}\n${content}` : content;
    return;
  }
  if (!Array.isArray(content)) return;
  for (const part of content) {
    if (typeof part === 'string') {
      foldContent(part, turn);
      continue;
    }
    if (!isObject(part)) continue;
    const type = typeof part.type === 'string' ? part.type : 'text';
    if (TOOL_RESULT_PARTS.has(type)) turn.toolResults += 1;
    else if (
      IMAGE_PARTS.has(type) ||
      part.modality === 'image' ||
      isImageMime(part.mimeType ?? part.mime_type ?? part.mediaType)
    )
      turn.images += 1;
    else if (TEXT_PARTS.has(type)) foldContent(asString(part.text) ?? asString(part.content) ?? '', turn);
  }
}

function isImageMime(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('image/');
}

/** One message (or Responses API input item) as a Turn; null for items that are not input. */
export function toTurn(message: unknown): Turn | null {
  if (typeof message === 'string') return { role: 'user', text: message, images: 0, toolResults: 0 };
  if (!isObject(message)) return null;
  if (message.type === 'function_call_output' || message.type === 'custom_tool_call_output')
    return { role: 'tool', text: '', images: 0, toolResults: 1 };
  if (message.role === undefined) return null;
  const turn: Turn = { role: roleOf(message.role), text: '', images: 0, toolResults: 0 };
  foldContent(message.content ?? message.parts, turn);
  // A chat-completions tool message is itself one tool result, whatever its content.
  if (turn.role === 'tool') turn.toolResults = Math.max(1, turn.toolResults);
  return turn;
}

export function toTurns(messages: unknown): Turn[] {
  messages = parseJsonText(messages);
  if (typeof messages === 'string') return [toTurn(messages)!];
  if (!Array.isArray(messages)) return [];
  const turns: Turn[] = [];
  for (const m of messages) {
    const turn = toTurn(m);
    if (turn) turns.push(turn);
  }
  return turns;
}

/** Text of a system prompt given as a string or as content blocks. */
export function systemText(value: unknown): string | undefined {
  const turn: Turn = { role: 'system', text: '', images: 0, toolResults: 0 };
  foldContent(value, turn);
  return asString(turn.text);
}

/**
 * The contract's view of an input: system text, the latest user turn that carries text (an
 * agent loop's last user message is often tool results only), images, tool results, and the
 * number of user turns so far.
 */
export function summarizeTurns(turns: readonly Turn[], extraSystem?: string): InputSummary {
  const out: InputSummary = {};
  const systems = turns.filter((t) => t.role === 'system' && t.text).map((t) => t.text);
  if (extraSystem) systems.unshift(extraSystem);
  if (systems.length > 0) out.system = systems.join('\n');
  let userTurns = 0;
  let images = 0;
  let toolResults = 0;
  for (const t of turns) {
    images += t.images;
    toolResults += t.toolResults;
    if (t.role === 'user' && (t.text || t.images > 0)) userTurns += 1;
  }
  for (let i = turns.length - 1; i >= 0; i--) {
    const t = turns[i]!;
    if (t.role === 'user' && t.text) {
      out.prompt = t.text;
      break;
    }
  }
  if (turns.length > 0) {
    out.has_image = images > 0;
    out.tool_results = toolResults;
  }
  if (userTurns > 0) out.turn = userTurns;
  return out;
}

/** Request parameters under any of the three APIs' names. */
export function paramsFromBody(body: Record<string, unknown>): RequestParams | undefined {
  const p: RequestParams = {};
  const maxTokens = asCount(body.max_completion_tokens ?? body.max_tokens ?? body.max_output_tokens);
  if (maxTokens !== undefined) p.max_tokens = maxTokens;
  const temperature = asNumber(body.temperature);
  if (temperature !== undefined && temperature >= 0) p.temperature = temperature;
  const topP = asNumber(body.top_p);
  if (topP !== undefined && topP >= 0 && topP <= 1) p.top_p = topP;
  const n = asCount(body.n);
  if (n !== undefined) p.n = n;
  // Legacy completions sent `logprobs` as the number of alternatives.
  const logprobs = body.logprobs;
  if (typeof logprobs === 'boolean') p.logprobs = logprobs;
  else if (asCount(logprobs) !== undefined) {
    p.logprobs = true;
    p.top_logprobs = asCount(logprobs);
  }
  const topLogprobs = asCount(body.top_logprobs);
  if (topLogprobs !== undefined) p.top_logprobs = topLogprobs;
  const reasoning = isObject(body.reasoning) ? body.reasoning.effort : undefined;
  const effort = asString(body.reasoning_effort) ?? asString(reasoning);
  if (effort) p.reasoning_effort = effort;
  const thinking = isObject(body.thinking) ? asCount(body.thinking.budget_tokens) : undefined;
  if (thinking !== undefined) p.thinking_budget = thinking;
  const stream = asBoolean(body.stream);
  if (stream !== undefined) p.stream = stream;
  if (Array.isArray(body.tools)) p.tools = body.tools.length;
  const choice = body.tool_choice;
  if (typeof choice === 'string') p.tool_choice = choice;
  else if (isObject(choice) && typeof choice.type === 'string') p.tool_choice = choice.type;
  return Object.keys(p).length > 0 ? p : undefined;
}

/** The input summary of a request body, whichever API it was sent to. */
export function inputFromBody(body: Record<string, unknown>): InputSummary {
  const system = systemText(body.system) ?? asString(body.instructions);
  if (body.messages !== undefined) return summarizeTurns(toTurns(body.messages), system);
  if (body.input !== undefined) return summarizeTurns(toTurns(body.input), system);
  if (typeof body.prompt === 'string') return summarizeTurns(toTurns(body.prompt), system);
  return system ? { system } : {};
}

/** Response-side facts: usage, finish reason, the provider's id and model. */
export interface ResponseSummary {
  id?: string;
  model?: string;
  usage?: Usage;
  finish_reason?: string;
  refused?: boolean;
}

/**
 * Usage in the contract's sense, where `input_tokens` includes cached tokens: OpenAI counts
 * them inside prompt/input tokens already; Anthropic reports cache reads and writes apart.
 */
export function usageFromBody(raw: unknown): Usage | undefined {
  if (!isObject(raw)) return undefined;
  const u: Usage = {};
  const details = (key: string): Record<string, unknown> => (isObject(raw[key]) ? raw[key] : {});
  const cacheRead = asCount(raw.cache_read_input_tokens);
  const cacheWrite = asCount(raw.cache_creation_input_tokens);
  const anthropic = cacheRead !== undefined || cacheWrite !== undefined;
  const input = asCount(raw.prompt_tokens ?? raw.input_tokens);
  if (input !== undefined) u.input_tokens = anthropic ? input + (cacheRead ?? 0) + (cacheWrite ?? 0) : input;
  const output = asCount(raw.completion_tokens ?? raw.output_tokens);
  if (output !== undefined) u.output_tokens = output;
  const reasoning = asCount(
    details('completion_tokens_details').reasoning_tokens ??
      details('output_tokens_details').reasoning_tokens,
  );
  if (reasoning !== undefined) u.reasoning_tokens = reasoning;
  const cached =
    cacheRead ??
    asCount(details('prompt_tokens_details').cached_tokens ?? details('input_tokens_details').cached_tokens);
  if (cached !== undefined) u.cached_tokens = cached;
  return Object.keys(u).length > 0 ? u : undefined;
}

/** Reads a chat completion, a Responses API response, or an Anthropic message. */
export function responseFromBody(body: unknown): ResponseSummary {
  if (!isObject(body)) return {};
  const out: ResponseSummary = {};
  const id = asString(body.id);
  if (id) out.id = id;
  const model = asString(body.model);
  if (model) out.model = model;
  const usage = usageFromBody(body.usage);
  if (usage) out.usage = usage;
  if (Array.isArray(body.choices)) {
    const first = body.choices[0];
    if (isObject(first)) {
      out.finish_reason = asString(first.finish_reason);
      const message = isObject(first.message) ? first.message : {};
      out.refused = first.finish_reason === 'content_filter' || asString(message.refusal) !== undefined;
    }
  } else if (body.stop_reason !== undefined) {
    out.finish_reason = asString(body.stop_reason);
    out.refused = body.stop_reason === 'refusal';
  } else if (body.object === 'response') {
    const incomplete = isObject(body.incomplete_details)
      ? asString(body.incomplete_details.reason)
      : undefined;
    out.finish_reason = incomplete ?? asString(body.status);
    out.refused = hasRefusal(body.output);
  }
  if (out.finish_reason === undefined) delete out.finish_reason;
  return out;
}

function hasRefusal(output: unknown): boolean {
  if (!Array.isArray(output)) return false;
  return output.some(
    (item) =>
      isObject(item) &&
      Array.isArray(item.content) &&
      item.content.some((c) => isObject(c) && c.type === 'refusal'),
  );
}

/** `ok`, `rate_limited`, `refused` or `error` from an HTTP status and what the model answered. */
export function statusFrom(httpStatus: number | undefined, refused: boolean | undefined): string | undefined {
  if (httpStatus === 429) return 'rate_limited';
  if (httpStatus !== undefined && httpStatus >= 400) return 'error';
  if (refused) return 'refused';
  return httpStatus === undefined ? undefined : 'ok';
}

/** RFC 3339 UTC from an ISO string or epoch seconds/milliseconds; undefined when unreadable. */
export function isoTime(value: unknown): string | undefined {
  let ms: number;
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Below 1e11 a number is epoch seconds (until year 5138); above, milliseconds.
    ms = value < 1e11 ? value * 1000 : value;
  } else if (typeof value === 'string' && value.trim() !== '') {
    const asNum = Number(value);
    ms = Number.isFinite(asNum) ? (asNum < 1e11 ? asNum * 1000 : asNum) : Date.parse(value);
  } else {
    return undefined;
  }
  if (!Number.isFinite(ms)) return undefined;
  const date = new Date(Math.round(ms));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Drops undefined fields so records carry only what the source said. */
export function compact<T extends Record<string, unknown>>(record: T): T {
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  return record;
}
