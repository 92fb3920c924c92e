// Writes request records as JSONL bytes straight into an output buffer, byte for byte what
// `recordLine` (serialize.ts) gives. Requests are nearly all of the output. A line built as one
// string is a rope of some twenty pieces that must be flattened and encoded, and that cost more
// than generating the request; here the parts an account repeats from one request to the next
// (identity and client, params) are kept per account as flat text, and the line is encoded in a
// few pieces, none of which is joined into a rope first. A prompt the simulator drew from its
// grammars arrives as pre-encoded pieces (prompts/pieces.ts) and is copied, not encoded.
import type { RequestRecord } from '../contract/events.ts';
import type { PromptDraft } from './prompts/pieces.ts';
import { addressJson, identityJson, outcomeJson, paramsJson } from './serialize.ts';

const str = JSON.stringify;

/**
 * Buffer#utf8Write is the native encoder behind Buffer#write, which spends more time checking and
 * dispatching its arguments than encoding a short string; it has been part of Buffer since Node's
 * first releases but is not in its type declarations.
 */
type NativeBuffer = Buffer & { utf8Write(text: string, offset: number): number };
const utf8: (buf: Buffer, text: string, offset: number) => number =
  typeof (Buffer.prototype as Partial<NativeBuffer>).utf8Write === 'function'
    ? (buf, text, offset) => (buf as NativeBuffer).utf8Write(text, offset)
    : (buf, text, offset) => buf.write(text, offset);

/**
 * What an account's line fragments were built from, and the fragments. They are kept as text,
 * not bytes: 126k accounts' worth of small byte buffers cost more memory than their text (and
 * `Buffer.from` slices of shared 8 KiB slabs kept every slab alive: 1.65 GB at scale 1).
 */
class AccountParts {
  org: string | undefined = undefined;
  key: string | undefined = undefined;
  ip: string | undefined = undefined;
  asn: number | undefined = undefined;
  network: string | undefined = undefined;
  country: string | undefined = undefined;
  agent: string | undefined = undefined;
  tls: string | undefined = undefined;
  /** `","account_id":"…"` through `"tls_fingerprint":"…"`. */
  client = '';
  params: RequestRecord['params'] = undefined;
  /** `,"params":{…}` (params are drawn once per conversation). */
  paramsJson = '';

  clientOf(r: RequestRecord): string {
    if (
      this.client === '' ||
      this.ip !== r.client_ip ||
      this.asn !== r.client_asn ||
      this.network !== r.client_network ||
      this.country !== r.client_country ||
      this.agent !== r.user_agent ||
      this.tls !== r.tls_fingerprint ||
      this.org !== r.org_id ||
      this.key !== r.api_key_id
    ) {
      this.org = r.org_id;
      this.key = r.api_key_id;
      this.ip = r.client_ip;
      this.asn = r.client_asn;
      this.network = r.client_network;
      this.country = r.client_country;
      this.agent = r.user_agent;
      this.tls = r.tls_fingerprint;
      this.client = `","account_id":"${r.account_id}"${identityJson(r)}${addressJson(r)}`;
    }
    return this.client;
  }

  paramsOf(params: NonNullable<RequestRecord['params']>): string {
    if (this.paramsJson === '' || this.params !== params) {
      this.params = params;
      this.paramsJson = `,"params":${paramsJson(params)}`;
    }
    return this.paramsJson;
  }
}

/** Room for everything but the fragments and the prompt: field names, ids, numbers. */
const SMALL_FIELDS = 1024;
const SYSTEM_CACHE = 10_000;
const SYSTEM = Buffer.from(',"system":');
const PROMPT = Buffer.from(',"prompt":');

/** Encodes request lines into buffers; one per output, as it keeps one entry per account. */
export class RequestEncoder {
  private readonly accounts = new Map<string, AccountParts>();
  // System prompts repeat across conversations: their JSON is encoded once.
  private readonly systems = new Map<string, Buffer>();
  private current: AccountParts | null = null;
  private system: Buffer | null = null;
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
    let chars = a.clientOf(r).length + this.prompt.length + r.model.length;
    let bytes = this.draft === null ? 0 : this.draft.jsonBytes;
    if (this.system !== null) bytes += this.system.length;
    if (r.params !== undefined) chars += a.paramsOf(r.params).length;
    if (r.endpoint !== undefined) chars += r.endpoint.length;
    if (r.conversation_id !== undefined) chars += r.conversation_id.length;
    // A UTF-16 unit never takes more than three UTF-8 bytes.
    return SMALL_FIELDS + bytes + 3 * (chars + r.time.length + r.request_id.length);
  }

  /** Writes the prepared record's line (with its newline) at `pos`; returns the position after it. */
  encode(r: RequestRecord, buf: Buffer, start: number): number {
    const a = this.current as AccountParts;
    let pos = start + utf8(buf, `{"type":"request","time":"${r.time}","request_id":"${r.request_id}`, start);
    pos += utf8(buf, a.client, pos);
    pos += utf8(
      buf,
      r.endpoint === undefined ? `,"model":"${r.model}"` : `,"model":"${r.model}","endpoint":"${r.endpoint}"`,
      pos,
    );
    if (r.params !== undefined) pos += utf8(buf, a.paramsJson, pos);
    const outcome = outcomeJson(r);
    if (outcome.length > 0) pos += utf8(buf, outcome, pos);
    if (this.system !== null) {
      buf.set(SYSTEM, pos);
      buf.set(this.system, pos + SYSTEM.length);
      pos += SYSTEM.length + this.system.length;
    }
    if (this.draft !== null) {
      buf.set(PROMPT, pos);
      pos = this.draft.write(buf, pos + PROMPT.length);
    } else if (r.prompt !== undefined) pos += utf8(buf, `,"prompt":${this.prompt}`, pos);
    let tail = '';
    if (r.has_image !== undefined) tail += `,"has_image":${r.has_image}`;
    if (r.tool_results !== undefined) tail += `,"tool_results":${r.tool_results}`;
    if (tail.length > 0) pos += utf8(buf, tail, pos);
    buf[pos++] = 125;
    buf[pos++] = 10;
    return pos;
  }

  private systemJson(text: string): Buffer {
    let json = this.systems.get(text);
    if (json === undefined) {
      json = Buffer.from(str(text));
      if (this.systems.size < SYSTEM_CACHE) this.systems.set(text, json);
    }
    return json;
  }
}
