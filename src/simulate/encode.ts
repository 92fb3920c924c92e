// Writes request records as JSONL bytes straight into an output buffer, byte for byte what
// `recordLine` (serialize.ts) gives. Requests are nearly all of the output, and building a line
// as a string (a rope of some twenty pieces, flattened, then encoded) cost more than generating
// the request. Here nothing is joined: field names are bytes encoded once, short values (ids,
// times, names) are copied character by character and numbers digit by digit, and only long
// text goes through the native encoder: the parts an account repeats from one request to the
// next (identity and client, params), kept per account as flat text. A prompt the simulator drew
// from its grammars arrives as pre-encoded pieces (prompts/pieces.ts) and is copied, not encoded.
import type { RequestRecord } from '../contract/events.ts';
import type { PromptDraft } from './prompts/pieces.ts';
import { identityJson, paramsJson } from './serialize.ts';

const str = JSON.stringify;

/**
 * Buffer#utf8Write and #latin1Write are the native encoders behind Buffer#write, which spends more
 * time checking and dispatching its arguments than encoding a short string; they have been part
 * of Buffer since Node's first releases but are not in its type declarations.
 */
type NativeBuffer = Buffer & {
  utf8Write(text: string, offset: number): number;
  latin1Write(text: string, offset: number): number;
};
const native = typeof (Buffer.prototype as Partial<NativeBuffer>).latin1Write === 'function';
const utf8: (buf: Buffer, text: string, offset: number) => number = native
  ? (buf, text, offset) => (buf as NativeBuffer).utf8Write(text, offset)
  : (buf, text, offset) => buf.write(text, offset, 'utf8');
/** For text known to be ASCII, where Latin-1 and UTF-8 agree: a plain copy of the characters. */
const ascii: (buf: Buffer, text: string, offset: number) => number = native
  ? (buf, text, offset) => (buf as NativeBuffer).latin1Write(text, offset)
  : (buf, text, offset) => buf.write(text, offset, 'latin1');

const NOT_ASCII = /[\u0080-\uffff]/;

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

/** `key` then `text` and its closing quote: a quoted field whose key bytes open the quote. */
function putQuoted(buf: Buffer, pos: number, key: Uint8Array, text: string): number {
  const end = putText(buf, putBytes(buf, pos, key), text);
  buf[end] = QUOTE;
  return end + 1;
}

const bytesOf = (text: string): Uint8Array => new Uint8Array(Buffer.from(text));
const HEAD = bytesOf('{"type":"request","time":"');
const REQUEST_ID = bytesOf('","request_id":"');
const CLIENT_IP = bytesOf(',"client_ip":"');
const CLIENT_ASN = bytesOf(',"client_asn":');
const CLIENT_NETWORK = bytesOf(',"client_network":"');
const CLIENT_COUNTRY = bytesOf(',"client_country":"');
const MODEL = bytesOf(',"model":"');
const ENDPOINT = bytesOf('","endpoint":"');
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
const CLOSE_BRACE = 125;
const NEWLINE = 10;

/**
 * What an account's line fragments were built from, and the fragments. They are kept as text,
 * not bytes: 126k accounts' worth of small byte buffers cost more memory than their text (and
 * `Buffer.from` slices of shared 8 KiB slabs kept every slab alive: 1.65 GB at scale 1). The
 * address is not among them: a pool account has a new one on most requests, and rebuilding the
 * fragment for each cost more than writing the four fields.
 */
class AccountParts {
  org: string | undefined = undefined;
  key: string | undefined = undefined;
  agent: string | undefined = undefined;
  tls: string | undefined = undefined;
  /** `","account_id":"…"` through `"api_key_id":"…"`, flat, and whether it is all ASCII. */
  head = '';
  headAscii = true;
  /** `,"user_agent":"…","tls_fingerprint":"…"` as far as present, flat, and whether it is all ASCII. */
  client = '';
  clientAscii = true;
  private built = false;
  params: RequestRecord['params'] = undefined;
  /** `,"params":{…}` (params are drawn once per conversation), flat, and whether it is all ASCII. */
  paramsJson = '';
  paramsAscii = true;

  /** Brings the fragments up to date for `r`; returns how many characters they hold. */
  update(r: RequestRecord): number {
    if (this.head === '' || this.org !== r.org_id || this.key !== r.api_key_id) {
      this.org = r.org_id;
      this.key = r.api_key_id;
      this.head = `","account_id":"${r.account_id}"${identityJson(r)}`;
      // The test flattens the rope once here, not on every write.
      this.headAscii = !NOT_ASCII.test(this.head);
    }
    if (!this.built || this.agent !== r.user_agent || this.tls !== r.tls_fingerprint) {
      this.built = true;
      this.agent = r.user_agent;
      this.tls = r.tls_fingerprint;
      let client = '';
      if (r.user_agent !== undefined) client += `,"user_agent":"${r.user_agent}"`;
      if (r.tls_fingerprint !== undefined) client += `,"tls_fingerprint":"${r.tls_fingerprint}"`;
      this.client = client;
      this.clientAscii = !NOT_ASCII.test(client);
    }
    return this.head.length + this.client.length;
  }

  paramsOf(params: NonNullable<RequestRecord['params']>): string {
    if (this.paramsJson === '' || this.params !== params) {
      this.params = params;
      this.paramsJson = `,"params":${paramsJson(params)}`;
      this.paramsAscii = !NOT_ASCII.test(this.paramsJson);
    }
    return this.paramsJson;
  }
}

/** Room for everything but the fragments and the prompt: field names, ids, numbers. */
const SMALL_FIELDS = 1024;
const SYSTEM_CACHE = 10_000;

/** Encodes request lines into buffers; one per output, as it keeps one entry per account. */
export class RequestEncoder {
  private readonly accounts = new Map<string, AccountParts>();
  // System prompts repeat across conversations: their JSON is encoded once.
  private readonly systems = new Map<string, Uint8Array>();
  private current: AccountParts | null = null;
  private system: Uint8Array | null = null;
  private draft: PromptDraft | null = null;
  private prompt = '';

  /**
   * Prepares `r` and returns an upper bound of its line's bytes; `encode` must follow, with the
   * same record, before the next `prepare`. `prompts` is where the simulator drew the prompt:
   * when it holds this record's prompt, its bytes are copied instead of encoding the text.
   */
  prepare(r: RequestRecord, prompts?: PromptDraft): number {
    let a = this.accounts.get(r.account_id);
    if (a === undefined) {
      a = new AccountParts();
      this.accounts.set(r.account_id, a);
    }
    this.current = a;
    // The same string object when the simulator drew it: `===` then compares no characters.
    this.draft =
      prompts !== undefined && r.prompt !== undefined && prompts.text === r.prompt ? prompts : null;
    this.prompt = r.prompt === undefined || this.draft !== null ? '' : str(r.prompt);
    this.system = r.system === undefined ? null : this.systemJson(r.system);
    let chars = a.update(r) + this.prompt.length + r.model.length;
    if (r.client_ip !== undefined) chars += r.client_ip.length;
    if (r.client_network !== undefined) chars += r.client_network.length;
    if (r.client_country !== undefined) chars += r.client_country.length;
    let bytes = this.draft === null ? 0 : this.draft.jsonBytes;
    if (this.system !== null) bytes += this.system.length;
    if (r.params !== undefined) chars += a.paramsOf(r.params).length;
    if (r.endpoint !== undefined) chars += r.endpoint.length;
    if (r.conversation_id !== undefined) chars += r.conversation_id.length;
    if (r.status !== undefined) chars += r.status.length;
    if (r.finish_reason !== undefined) chars += r.finish_reason.length;
    // A UTF-16 unit never takes more than three UTF-8 bytes.
    return SMALL_FIELDS + bytes + 3 * (chars + r.time.length + r.request_id.length);
  }

  /** Writes the prepared record's line (with its newline) at `pos`; returns the position after it. */
  encode(r: RequestRecord, buf: Buffer, start: number): number {
    const a = this.current as AccountParts;
    let pos = putBytes(buf, start, HEAD);
    pos = putText(buf, pos, r.time);
    pos = putBytes(buf, pos, REQUEST_ID);
    pos = putText(buf, pos, r.request_id);
    pos += a.headAscii ? ascii(buf, a.head, pos) : utf8(buf, a.head, pos);
    if (r.client_ip !== undefined) pos = putQuoted(buf, pos, CLIENT_IP, r.client_ip);
    if (r.client_asn !== undefined) pos = putNumber(buf, putBytes(buf, pos, CLIENT_ASN), r.client_asn);
    if (r.client_network !== undefined) pos = putQuoted(buf, pos, CLIENT_NETWORK, r.client_network);
    if (r.client_country !== undefined) pos = putQuoted(buf, pos, CLIENT_COUNTRY, r.client_country);
    if (a.client.length > 0) pos += a.clientAscii ? ascii(buf, a.client, pos) : utf8(buf, a.client, pos);
    pos = putBytes(buf, pos, MODEL);
    pos = putText(buf, pos, r.model);
    if (r.endpoint !== undefined) {
      pos = putBytes(buf, pos, ENDPOINT);
      pos = putText(buf, pos, r.endpoint);
    }
    buf[pos++] = QUOTE;
    if (r.params !== undefined)
      pos += a.paramsAscii ? ascii(buf, a.paramsJson, pos) : utf8(buf, a.paramsJson, pos);
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
    if (r.has_image !== undefined)
      pos = putBytes(buf, putBytes(buf, pos, HAS_IMAGE), r.has_image ? TRUE : FALSE);
    if (r.tool_results !== undefined) pos = putNumber(buf, putBytes(buf, pos, TOOL_RESULTS), r.tool_results);
    buf[pos++] = CLOSE_BRACE;
    buf[pos++] = NEWLINE;
    return pos;
  }

  private systemJson(text: string): Uint8Array {
    let json = this.systems.get(text);
    if (json === undefined) {
      json = bytesOf(str(text));
      if (this.systems.size < SYSTEM_CACHE) this.systems.set(text, json);
    }
    return json;
  }
}
