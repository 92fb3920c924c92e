// Writes request records as JSONL bytes straight into an output buffer, byte for byte what
// `recordLine` (serialize.ts) gives. Requests are nearly all of the output. A line built as one
// string is a rope of some twenty pieces that must be flattened and encoded, and that cost more
// than generating the request; here the parts an account repeats from one request to the next
// (identity and client, model and params, system prompt) are kept encoded per account and copied,
// and only what changes per request is encoded.
import type { RequestRecord } from '../contract/events.ts';
import { addressJson, cachedText, identityJson, outcomeJson, paramsJson } from './serialize.ts';

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

/** What an account's line fragments were built from, and the fragments as UTF-8 bytes. */
class AccountBytes {
  org: string | undefined = undefined;
  key: string | undefined = undefined;
  ip: string | undefined = undefined;
  asn: number | undefined = undefined;
  network: string | undefined = undefined;
  country: string | undefined = undefined;
  agent: string | undefined = undefined;
  tls: string | undefined = undefined;
  /**
   * `","account_id":"…"` through `"tls_fingerprint":"…"`: text when just built, bytes once used
   * twice (a proxy pool rotating addresses per request would otherwise encode every one twice).
   */
  client: Buffer | string = '';
  params: RequestRecord['params'] = undefined;
  /** `,"params":{…}` (params are drawn once per conversation). */
  paramsBytes: Buffer | null = null;
  system: string | undefined = undefined;
  /** `,"system":"…"`. */
  systemBytes: Buffer | null = null;

  /** The client part, and an upper bound of its bytes. */
  clientBytes(r: RequestRecord): number {
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
      return 3 * this.client.length;
    }
    if (typeof this.client === 'string') this.client = Buffer.from(this.client);
    return this.client.length;
  }

  paramsOf(params: NonNullable<RequestRecord['params']>): Buffer {
    if (this.paramsBytes === null || this.params !== params) {
      this.params = params;
      this.paramsBytes = Buffer.from(`,"params":${paramsJson(params)}`);
    }
    return this.paramsBytes;
  }

  systemOf(system: string): Buffer {
    if (this.systemBytes === null || this.system !== system) {
      this.system = system;
      this.systemBytes = Buffer.from(`,"system":${cachedText(system)}`);
    }
    return this.systemBytes;
  }
}

/** Room for everything but the fragments and the prompt: field names, ids, numbers. */
const SMALL_FIELDS = 1024;

/** Encodes request lines into buffers; one per output, as it keeps one entry per account. */
export class RequestEncoder {
  private readonly accounts = new Map<string, AccountBytes>();
  private current: AccountBytes | null = null;
  private prompt = '';

  /**
   * Prepares `r` and returns an upper bound of its line's bytes; `encode` must follow, with the
   * same record, before the next `prepare`.
   */
  prepare(r: RequestRecord): number {
    let a = this.accounts.get(r.account_id);
    if (a === undefined) {
      a = new AccountBytes();
      this.accounts.set(r.account_id, a);
    }
    this.current = a;
    this.prompt = r.prompt === undefined ? '' : str(r.prompt);
    let bytes = SMALL_FIELDS + a.clientBytes(r) + 3 * (this.prompt.length + r.model.length);
    if (r.params !== undefined) bytes += a.paramsOf(r.params).length;
    if (r.endpoint !== undefined) bytes += 3 * r.endpoint.length;
    if (r.system !== undefined) bytes += a.systemOf(r.system).length;
    if (r.conversation_id !== undefined) bytes += 3 * r.conversation_id.length;
    return bytes + 3 * (r.time.length + r.request_id.length);
  }

  /** Writes the prepared record's line (with its newline) at `pos`; returns the position after it. */
  encode(r: RequestRecord, buf: Buffer, start: number): number {
    const a = this.current as AccountBytes;
    let pos = start + utf8(buf, `{"type":"request","time":"${r.time}","request_id":"${r.request_id}`, start);
    const client = a.client;
    if (typeof client === 'string') pos += utf8(buf, client, pos);
    else {
      buf.set(client, pos);
      pos += client.length;
    }
    let rest = `,"model":"${r.model}"`;
    if (r.endpoint !== undefined) rest += `,"endpoint":"${r.endpoint}"`;
    if (r.params !== undefined) {
      pos += utf8(buf, rest, pos);
      rest = '';
      const params = a.paramsBytes as Buffer;
      buf.set(params, pos);
      pos += params.length;
    }
    rest += outcomeJson(r);
    if (rest.length > 0) pos += utf8(buf, rest, pos);
    if (r.system !== undefined) {
      const system = a.systemBytes as Buffer;
      buf.set(system, pos);
      pos += system.length;
    }
    let tail = '';
    if (r.prompt !== undefined) pos += utf8(buf, `,"prompt":${this.prompt}`, pos);
    if (r.has_image !== undefined) tail += `,"has_image":${r.has_image}`;
    if (r.tool_results !== undefined) tail += `,"tool_results":${r.tool_results}`;
    if (tail.length > 0) pos += utf8(buf, tail, pos);
    buf[pos++] = 125;
    buf[pos++] = 10;
    return pos;
  }
}
