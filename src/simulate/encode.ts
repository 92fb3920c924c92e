// Writes request records as JSONL bytes straight into an output buffer, byte for byte what
// `recordLine` (serialize.ts) gives. Requests are nearly all of the output, and building a line
// as a string (a rope of some twenty pieces, flattened, then encoded) cost more than generating
// the request. Here nothing is joined: field names are bytes encoded once, short values (ids,
// times, names) are copied character by character and numbers digit by digit. Nothing is kept
// per account: with ~126k accounts a lookup of cached fragments missed the cache on every
// request and cost more than writing the fields. A prompt the simulator drew from its grammars
// arrives as pre-encoded pieces (prompts/pieces.ts) and is copied, not encoded.
import type { RequestRecord } from '../contract/events.ts';
import type { PromptDraft } from './prompts/pieces.ts';

const str = JSON.stringify;

/**
 * Buffer#utf8Write is the native encoder behind Buffer#write, which spends more time checking and
 * dispatching its arguments than encoding a short string; it has been part of Buffer since
 * Node's first releases but is not in its type declarations.
 */
type NativeBuffer = Buffer & { utf8Write(text: string, offset: number): number };
const native = typeof (Buffer.prototype as Partial<NativeBuffer>).utf8Write === 'function';
const utf8: (buf: Buffer, text: string, offset: number) => number = native
  ? (buf, text, offset) => (buf as NativeBuffer).utf8Write(text, offset)
  : (buf, text, offset) => buf.write(text, offset, 'utf8');

/**
 * Short text as UTF-8 at `pos`; returns the position after it. A loop over the characters costs
 * about a nanosecond each and a native call a hundred whatever its length, so ids and names are
 * copied here; the first character past ASCII hands the whole text to the native encoder.
 */
function putText(buf: Buffer, pos: number, text: string): number {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return pos + utf8(buf, text, pos);
    buf[pos + i] = c;
  }
  return pos + n;
}

/** `String(n)` at `pos`: digits for the integers of usage counts and turns, anything else as text. */
function putNumber(buf: Buffer, pos: number, n: number | undefined): number {
  if (n === undefined || !(n >= 0 && n <= 0xffffffff && Number.isInteger(n)))
    return putText(buf, pos, String(n));
  let digits = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
  const end = pos + digits;
  let x = n;
  for (let p = end - 1; p >= pos; p--) {
    const q = Math.floor(x / 10);
    buf[p] = 48 + x - q * 10;
    x = q;
  }
  return end;
}

/** A field name (or other constant) as bytes; `set` beat a loop even on these short arrays. */
function putBytes(buf: Buffer, pos: number, bytes: Uint8Array): number {
  buf.set(bytes, pos);
  return pos + bytes.length;
}

/** A params key, after a comma unless it is the first field (at `first`). */
function putKey(buf: Buffer, pos: number, first: number, key: Uint8Array): number {
  if (pos !== first) buf[pos++] = COMMA;
  return putBytes(buf, pos, key);
}

function putBoolean(buf: Buffer, pos: number, value: boolean): number {
  return putBytes(buf, pos, value ? TRUE : FALSE);
}

/** `key` then `text` and its closing quote: a quoted field whose key bytes open the quote. */
function putQuoted(buf: Buffer, pos: number, key: Uint8Array, text: string): number {
  const end = putText(buf, putBytes(buf, pos, key), text);
  buf[end] = QUOTE;
  return end + 1;
}

const bytesOf = (text: string): Uint8Array => new Uint8Array(Buffer.from(text));
const HEAD = bytesOf('{"type":"request","time":"');
const REQUEST_ID = bytesOf('","request_id":"');
const ACCOUNT_ID = bytesOf('","account_id":"');
const ORG_ID = bytesOf(',"org_id":"');
const API_KEY_ID = bytesOf(',"api_key_id":"');
const CLIENT_IP = bytesOf(',"client_ip":"');
const CLIENT_ASN = bytesOf(',"client_asn":');
const CLIENT_NETWORK = bytesOf(',"client_network":"');
const CLIENT_COUNTRY = bytesOf(',"client_country":"');
const MODEL = bytesOf(',"model":"');
const ENDPOINT = bytesOf('","endpoint":"');
const PARAMS = bytesOf(',"params":{');
const MAX_TOKENS = bytesOf('"max_tokens":');
const TEMPERATURE = bytesOf('"temperature":');
const TOP_P = bytesOf('"top_p":');
const N = bytesOf('"n":');
const LOGPROBS = bytesOf('"logprobs":');
const TOP_LOGPROBS = bytesOf('"top_logprobs":');
const REASONING_EFFORT = bytesOf('"reasoning_effort":');
const THINKING_BUDGET = bytesOf('"thinking_budget":');
const STREAM = bytesOf('"stream":');
const TOOLS = bytesOf('"tools":');
const TOOL_CHOICE = bytesOf('"tool_choice":');
const BATCH = bytesOf('"batch":');
const USAGE = bytesOf(',"usage":{"input_tokens":');
const OUTPUT = bytesOf(',"output_tokens":');
const REASONING = bytesOf(',"reasoning_tokens":');
const CACHED = bytesOf(',"cached_tokens":');
const STATUS = bytesOf(',"status":"');
const FINISH = bytesOf(',"finish_reason":"');
const CONVERSATION = bytesOf(',"conversation_id":"');
const TURN = bytesOf(',"turn":');
const SYSTEM = bytesOf(',"system":');
const PROMPT = bytesOf(',"prompt":');
const HAS_IMAGE = bytesOf(',"has_image":');
const TOOL_RESULTS = bytesOf(',"tool_results":');
const TRUE = bytesOf('true');
const FALSE = bytesOf('false');
const QUOTE = 34;
const COMMA = 44;
const CLOSE_BRACE = 125;
const NEWLINE = 10;

/**
 * `prefix` and `text` as a JSON string, as UTF-8, from `cache`: for text that repeats across
 * requests (system prompts, effort levels, tool choices, user agents, TLS fingerprints).
 */
function cachedJson(cache: Map<string, Uint8Array>, text: string, prefix = ''): Uint8Array {
  let bytes = cache.get(text);
  if (bytes === undefined) {
    bytes = bytesOf(prefix + str(text));
    if (cache.size < TEXT_CACHE) cache.set(text, bytes);
  }
  return bytes;
}

/** Room for everything but the text fields and the prompt: field names, numbers, booleans. */
const SMALL_FIELDS = 1024;
/** Entries in each cache of repeated text's bytes (system prompts, params text, client fields), at most. */
const TEXT_CACHE = 10_000;

/** Encodes request lines into buffers; one per output. */
export class RequestEncoder {
  // System prompts repeat across conversations, effort levels and tool choices across requests:
  // their JSON is encoded once.
  private readonly quoted = new Map<string, Uint8Array>();
  // Thousands of accounts share a handful of user agents and TLS fingerprints: each field, key
  // included, is encoded once (the strings are shared, so the lookup finds their hash in cache).
  private readonly userAgents = new Map<string, Uint8Array>();
  private readonly fingerprints = new Map<string, Uint8Array>();
  private system: Uint8Array | null = null;
  private draft: PromptDraft | null = null;
  private prompt = '';

  /**
   * Prepares `r` and returns an upper bound of its line's bytes; `encode` must follow, with the
   * same record, before the next `prepare`. `prompts` is where the simulator drew the prompt:
   * when it holds this record's prompt, its bytes are copied instead of encoding the text.
   */
  prepare(r: RequestRecord, prompts?: PromptDraft): number {
    // The same string object when the simulator drew it: `===` then compares no characters.
    this.draft =
      prompts !== undefined && r.prompt !== undefined && prompts.text === r.prompt ? prompts : null;
    this.prompt = r.prompt === undefined || this.draft !== null ? '' : str(r.prompt);
    this.system = r.system === undefined ? null : this.quotedJson(r.system);
    let chars = this.prompt.length + r.account_id.length + r.model.length;
    if (r.org_id !== undefined) chars += r.org_id.length;
    if (r.api_key_id !== undefined) chars += r.api_key_id.length;
    if (r.client_ip !== undefined) chars += r.client_ip.length;
    if (r.client_network !== undefined) chars += r.client_network.length;
    if (r.client_country !== undefined) chars += r.client_country.length;
    if (r.user_agent !== undefined) chars += r.user_agent.length;
    if (r.tls_fingerprint !== undefined) chars += r.tls_fingerprint.length;
    let bytes = this.draft === null ? 0 : this.draft.jsonBytes;
    if (this.system !== null) bytes += this.system.length;
    const p = r.params;
    if (p !== undefined) {
      // Their JSON: at most six characters for each unit, and their quotes.
      if (p.reasoning_effort !== undefined) bytes += 6 * p.reasoning_effort.length + 2;
      if (p.tool_choice !== undefined) bytes += 6 * p.tool_choice.length + 2;
    }
    if (r.endpoint !== undefined) chars += r.endpoint.length;
    if (r.conversation_id !== undefined) chars += r.conversation_id.length;
    if (r.status !== undefined) chars += r.status.length;
    if (r.finish_reason !== undefined) chars += r.finish_reason.length;
    // A UTF-16 unit never takes more than three UTF-8 bytes.
    return SMALL_FIELDS + bytes + 3 * (chars + r.time.length + r.request_id.length);
  }

  /** Writes the prepared record's line (with its newline) at `pos`; returns the position after it. */
  encode(r: RequestRecord, buf: Buffer, start: number): number {
    let pos = putBytes(buf, start, HEAD);
    pos = putText(buf, pos, r.time);
    pos = putBytes(buf, pos, REQUEST_ID);
    pos = putText(buf, pos, r.request_id);
    pos = putQuoted(buf, pos, ACCOUNT_ID, r.account_id);
    if (r.org_id !== undefined) pos = putQuoted(buf, pos, ORG_ID, r.org_id);
    if (r.api_key_id !== undefined) pos = putQuoted(buf, pos, API_KEY_ID, r.api_key_id);
    if (r.client_ip !== undefined) pos = putQuoted(buf, pos, CLIENT_IP, r.client_ip);
    if (r.client_asn !== undefined) pos = putNumber(buf, putBytes(buf, pos, CLIENT_ASN), r.client_asn);
    if (r.client_network !== undefined) pos = putQuoted(buf, pos, CLIENT_NETWORK, r.client_network);
    if (r.client_country !== undefined) pos = putQuoted(buf, pos, CLIENT_COUNTRY, r.client_country);
    if (r.user_agent !== undefined)
      pos = putBytes(buf, pos, cachedJson(this.userAgents, r.user_agent, ',"user_agent":'));
    if (r.tls_fingerprint !== undefined)
      pos = putBytes(buf, pos, cachedJson(this.fingerprints, r.tls_fingerprint, ',"tls_fingerprint":'));
    pos = putBytes(buf, pos, MODEL);
    pos = putText(buf, pos, r.model);
    if (r.endpoint !== undefined) {
      pos = putBytes(buf, pos, ENDPOINT);
      pos = putText(buf, pos, r.endpoint);
    }
    buf[pos++] = QUOTE;
    if (r.params !== undefined) pos = this.putParams(buf, putBytes(buf, pos, PARAMS), r.params);
    const u = r.usage;
    if (u !== undefined) {
      pos = putNumber(buf, putBytes(buf, pos, USAGE), u.input_tokens);
      pos = putNumber(buf, putBytes(buf, pos, OUTPUT), u.output_tokens);
      if (u.reasoning_tokens !== undefined)
        pos = putNumber(buf, putBytes(buf, pos, REASONING), u.reasoning_tokens);
      if (u.cached_tokens !== undefined) pos = putNumber(buf, putBytes(buf, pos, CACHED), u.cached_tokens);
      buf[pos++] = CLOSE_BRACE;
    }
    if (r.status !== undefined) pos = putQuoted(buf, pos, STATUS, r.status);
    if (r.finish_reason !== undefined) pos = putQuoted(buf, pos, FINISH, r.finish_reason);
    if (r.conversation_id !== undefined) pos = putQuoted(buf, pos, CONVERSATION, r.conversation_id);
    if (r.turn !== undefined) pos = putNumber(buf, putBytes(buf, pos, TURN), r.turn);
    if (this.system !== null) {
      pos = putBytes(buf, pos, SYSTEM);
      buf.set(this.system, pos);
      pos += this.system.length;
    }
    if (this.draft !== null) pos = this.draft.write(buf, putBytes(buf, pos, PROMPT));
    else if (r.prompt !== undefined) {
      pos = putBytes(buf, pos, PROMPT);
      pos += utf8(buf, this.prompt, pos);
    }
    if (r.has_image !== undefined) pos = putBoolean(buf, putBytes(buf, pos, HAS_IMAGE), r.has_image);
    if (r.tool_results !== undefined) pos = putNumber(buf, putBytes(buf, pos, TOOL_RESULTS), r.tool_results);
    buf[pos++] = CLOSE_BRACE;
    buf[pos++] = NEWLINE;
    return pos;
  }

  /** The params' fields after `{`, in `paramsJson`'s order, and the closing brace. */
  private putParams(buf: Buffer, start: number, p: NonNullable<RequestRecord['params']>): number {
    let pos = start;
    if (p.max_tokens !== undefined) pos = putNumber(buf, putKey(buf, pos, start, MAX_TOKENS), p.max_tokens);
    if (p.temperature !== undefined)
      pos = putNumber(buf, putKey(buf, pos, start, TEMPERATURE), p.temperature);
    if (p.top_p !== undefined) pos = putNumber(buf, putKey(buf, pos, start, TOP_P), p.top_p);
    if (p.n !== undefined) pos = putNumber(buf, putKey(buf, pos, start, N), p.n);
    if (p.logprobs !== undefined) pos = putBoolean(buf, putKey(buf, pos, start, LOGPROBS), p.logprobs);
    if (p.top_logprobs !== undefined)
      pos = putNumber(buf, putKey(buf, pos, start, TOP_LOGPROBS), p.top_logprobs);
    if (p.reasoning_effort !== undefined)
      pos = putBytes(buf, putKey(buf, pos, start, REASONING_EFFORT), this.quotedJson(p.reasoning_effort));
    if (p.thinking_budget !== undefined)
      pos = putNumber(buf, putKey(buf, pos, start, THINKING_BUDGET), p.thinking_budget);
    if (p.stream !== undefined) pos = putBoolean(buf, putKey(buf, pos, start, STREAM), p.stream);
    if (p.tools !== undefined) pos = putNumber(buf, putKey(buf, pos, start, TOOLS), p.tools);
    if (p.tool_choice !== undefined)
      pos = putBytes(buf, putKey(buf, pos, start, TOOL_CHOICE), this.quotedJson(p.tool_choice));
    if (p.batch !== undefined) pos = putBoolean(buf, putKey(buf, pos, start, BATCH), p.batch);
    buf[pos] = CLOSE_BRACE;
    return pos + 1;
  }

  private quotedJson(text: string): Uint8Array {
    return cachedJson(this.quoted, text);
  }
}
