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
import { computeSignals, harvestSignal } from '../signals/index.ts';
import type { RequestSignals } from '../signals/types.ts';

export interface RequestFacts {
  type: 'request';
  timeMs: number;
  accountId: string;
  orgId: string | null;
  model: string;
  ip: string | null;
  asn: number | null;
  network: string | null;
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
 * please"), agent system prompts and tool loops repeat the same text many times, and the
 * signals are a pure function of it. Harvest parameters are recomputed every time.
 */
const MEMO_ENTRIES = 20_000;
const MEMO_MAX_TEXT = 8_192;
const memo = new Map<string, RequestSignals>();

function memoKey(r: RequestRecord): string | null {
  const length = (r.prompt?.length ?? 0) + (r.system?.length ?? 0) + (r.prompt_fp?.length ?? 0);
  if (length > MEMO_MAX_TEXT) return null;
  const tools = r.params?.tools ?? 0;
  return `${Math.min(tools, 10)}:${(r.tool_results ?? 0) > 0 ? 1 : 0}${r.has_image ? 1 : 0}\u0001${r.prompt_fp ?? ''}\u0001${r.system ?? ''}\u0001${r.prompt ?? ''}`;
}

function signalsOf(record: RequestRecord): RequestSignals {
  const key = memoKey(record);
  const cached = key === null ? undefined : memo.get(key);
  if (cached) return { ...cached, harvest: harvestSignal(record) };
  const computed = computeSignals(record);
  if (key !== null) {
    if (memo.size >= MEMO_ENTRIES) memo.clear();
    memo.set(key, computed);
  }
  return computed;
}

export function requestFacts(record: RequestRecord): RequestFacts {
  const computed = signalsOf(record);
  const turn = record.turn ?? 1;
  // The band keys are recomputed from the sketch in the main thread: cheaper than shipping them.
  // Only a request whose template is indexed needs its sketch there (256 bytes that every other
  // request would carry across to the main thread for nothing).
  const { templateId, sketch, tokens } = computed.template;
  const shipSketch = sketch !== undefined && linksTemplate(turn, templateId, tokens);
  const cue = computed.elicitation.cues[0];
  const signals: RequestSignals = {
    ...computed,
    // The engine keeps an account's first cue per elicitation hit (account-state.ts).
    elicitation: { score: computed.elicitation.score, cues: cue === undefined ? [] : [cue] },
    template: {
      templateId,
      bands: [],
      ...(shipSketch ? { sketch } : {}),
      ...(tokens === undefined ? {} : { tokens }),
    },
  };
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
  const timeMs = Date.parse(record.time);
  switch (record.type) {
    case 'request':
      return requestFacts(record);
    case 'account':
      return { type: 'account', timeMs, record };
    case 'model_release':
      return { type: 'model_release', timeMs, model: (record as ModelReleaseRecord).model };
    case 'enforcement':
      return { type: 'enforcement', timeMs, record };
  }
}
