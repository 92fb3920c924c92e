// What the engine keeps of each record: the per-request signals and the few raw fields that
// account state and linking need, computed in the reader workers so that prompt text never
// reaches the main thread. This module is the workers' projector (see ingest/parallel.ts).
import type {
  AccountRecord,
  EnforcementRecord,
  ModelReleaseRecord,
  RequestRecord,
  TrafficRecord,
} from '../contract/events.ts';
import { SKETCH_SLOTS } from '../signals/fingerprint.ts';
import { computeSignals, harvestSignal } from '../signals/index.ts';
import type { RequestSignals } from '../signals/types.ts';
import { NONE } from './facts-wire.ts';

export interface RequestFacts {
  type: 'request';
  timeMs: number;
  accountId: string;
  orgId: string | null;
  model: string;
  ip: string | null;
  asn: number | null;
  network: string | null;
  /** ISO country of the client address, as sent (`client_country`). */
  country: string | null;
  userAgent: string | null;
  /** The client's TLS fingerprint (JA4 or JA3), as sent. */
  tlsFingerprint: string | null;
  turn: number;
  inputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  toolResults: number;
  tools: number;
  /**
   * What the engine reads of the request's signals: the template's id, sketch and tokens, the
   * elicitation score and its first cue, harvest and capability. Every field here is copied from
   * a reader worker to the main thread for each request, so nothing rides along unread.
   */
  signals: RequestSignals;
}

export interface AccountFacts {
  type: 'account';
  timeMs: number;
  record: AccountRecord;
}

export interface ReleaseFacts {
  type: 'model_release';
  timeMs: number;
  model: string;
}

export interface EnforcementFacts {
  type: 'enforcement';
  timeMs: number;
  record: EnforcementRecord;
}

export type EventFacts = RequestFacts | AccountFacts | ReleaseFacts | EnforcementFacts;

/** Opening prompts shorter than this (in fingerprint tokens) are too generic to link accounts by. */
const MIN_LINK_TOKENS = 6;

/**
 * Whether a request's template enters the engine's template index. Only a conversation's opening
 * prompt says what the work is: follow-ups ("are you sure?", "shorter please") and tool loops look
 * alike across every kind of user.
 */
export function linksTemplate(turn: number, templateId: string | null, tokens: number | undefined): boolean {
  return templateId !== null && turn <= 1 && (tokens === undefined || tokens >= MIN_LINK_TOKENS);
}

/**
 * Memo of the text-derived signals, per reader worker: follow-ups ("thanks", "shorter
 * please"), agent system prompts, retries, resampling and tool loops repeat the same text many
 * times, and the signals are a pure function of it. Harvest parameters are recomputed every time.
 * Two generations: when the young one is full it becomes the old one, and a text found there is
 * promoted, so texts in steady use stay however many others pass (about least-recently-used, at
 * the cost of a Map lookup more on a miss). A generation is full at MEMO_ENTRIES texts or
 * MEMO_CHARS characters of key, so long system prompts cannot make it large.
 */
const MEMO_ENTRIES = 20_000;
const MEMO_CHARS = 8_000_000;
const MEMO_MAX_TEXT = 8_192;

class SignalMemo {
  private young = new Map<string, TextSignals>();
  private old = new Map<string, TextSignals>();
  private youngChars = 0;
  /**
   * The young generation's sketches, one slab: the i-th text kept has its sketch at
   * [i × SKETCH_SLOTS, …) (texts without one leave their place empty), so that a
   * kept text costs no buffer of its own (each typed array has its own backing store for the
   * collector to track) and a generation's sketches go with it.
   */
  private youngSketches = new Uint16Array(MEMO_ENTRIES * SKETCH_SLOTS);

  get(key: string): TextSignals | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: string, value: TextSignals): void {
    if (this.young.size >= MEMO_ENTRIES || this.youngChars >= MEMO_CHARS) {
      this.old = this.young;
      this.young = new Map();
      this.youngChars = 0;
      this.youngSketches = new Uint16Array(MEMO_ENTRIES * SKETCH_SLOTS);
    }
    let kept = value;
    if (value.sketch !== undefined && value.sketch.length === SKETCH_SLOTS) {
      // set is only called for keys the young generation lacks, so its size numbers the texts.
      const at = this.young.size * SKETCH_SLOTS;
      const sketch = this.youngSketches.subarray(at, at + SKETCH_SLOTS);
      sketch.set(value.sketch);
      kept = { ...value, sketch };
    }
    this.young.set(key, kept);
    this.youngChars += key.length;
  }
}

/** Requests with a prompt alone (no system prompt, edge fingerprint, tools or images), keyed by it. */
const promptMemo = new SignalMemo();
/** Every other request, keyed by everything the text signals read. */
const requestMemo = new SignalMemo();

/** The memo and key for a request, or null when its text is too long to keep. */
function memoOf(r: RequestRecord): { memo: SignalMemo; key: string } | null {
  const length = (r.prompt?.length ?? 0) + (r.system?.length ?? 0) + (r.prompt_fp?.length ?? 0);
  if (length > MEMO_MAX_TEXT) return null;
  const tools = r.params?.tools ?? 0;
  const toolResults = (r.tool_results ?? 0) > 0;
  if (r.system === undefined && r.prompt_fp === undefined && tools === 0 && !toolResults && !r.has_image)
    return { memo: promptMemo, key: r.prompt ?? '' };
  return {
    memo: requestMemo,
    key: `${Math.min(tools, 10)}:${toolResults ? 1 : 0}${r.has_image ? 1 : 0}\u0001${r.prompt_fp ?? ''}\u0001${r.system ?? ''}\u0001${r.prompt ?? ''}`,
  };
}

/** What the memo keeps of a text's signals: the part the engine reads, without band keys. */
interface TextSignals {
  templateId: string | null;
  sketch: Uint16Array | undefined;
  tokens: number | undefined;
  /** The elicitation signal with its first cue only: the engine keeps one per hit (account-state.ts). */
  elicitation: RequestSignals['elicitation'];
  capability: RequestSignals['capability'];
}

function textSignalsOf(record: RequestRecord): TextSignals {
  const slot = memoOf(record);
  const cached = slot === null ? undefined : slot.memo.get(slot.key);
  if (cached) return cached;
  const computed = computeSignals(record);
  const { templateId, sketch, tokens } = computed.template;
  const cue = computed.elicitation.cues[0];
  const text: TextSignals = {
    templateId,
    sketch,
    tokens,
    elicitation: { score: computed.elicitation.score, cues: cue === undefined ? NONE : [cue] },
    capability: computed.capability,
  };
  if (slot !== null) slot.memo.set(slot.key, text);
  return text;
}

export function requestFacts(record: RequestRecord): RequestFacts {
  const { templateId, sketch, tokens, elicitation, capability } = textSignalsOf(record);
  const turn = record.turn ?? 1;
  // The band keys are recomputed from the sketch in the main thread: cheaper than shipping them.
  // Only a request whose template is indexed needs its sketch there (256 bytes that every other
  // request would carry across to the main thread for nothing).
  const shipSketch = sketch !== undefined && linksTemplate(turn, templateId, tokens);
  const signals: RequestSignals = {
    elicitation,
    capability,
    harvest: harvestSignal(record),
    // No band keys: the main thread derives them from the sketch.
    template: { templateId, bands: NONE },
  };
  if (shipSketch) signals.template.sketch = sketch;
  if (tokens !== undefined) signals.template.tokens = tokens;
  const usage = record.usage;
  return {
    type: 'request',
    timeMs: Date.parse(record.time),
    accountId: record.account_id,
    orgId: record.org_id ?? null,
    model: record.model,
    ip: record.client_ip ?? null,
    asn: record.client_asn ?? null,
    network: record.client_network ?? null,
    country: record.client_country ?? null,
    userAgent: record.user_agent ?? null,
    tlsFingerprint: record.tls_fingerprint ?? null,
    turn,
    inputTokens: usage?.input_tokens ?? 0,
    outputTokens: usage?.output_tokens ?? 0,
    reasoningTokens: usage?.reasoning_tokens ?? 0,
    toolResults: record.tool_results ?? 0,
    tools: record.params?.tools ?? 0,
    signals,
  };
}

/** The reader workers' wire form for a chunk of facts (see `Projector#encodeItems`). */
export { decodeFacts as decodeItems, encodeFacts as encodeItems } from './facts-wire.ts';

/** The projector the reader workers call on every checked record. */
export function project(record: TrafficRecord): EventFacts {
  if (record.type === 'request') return requestFacts(record);
  const timeMs = Date.parse(record.time);
  switch (record.type) {
    case 'account':
      return { type: 'account', timeMs, record };
    case 'model_release':
      return { type: 'model_release', timeMs, model: (record as ModelReleaseRecord).model };
    case 'enforcement':
      return { type: 'enforcement', timeMs, record };
  }
}
