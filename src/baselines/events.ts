// The projection baselines read: each traffic record cut down to the few fields the per-account
// features need, so the reader's workers ship small objects and the reorder buffer stays small.
import type { TrafficRecord } from '../contract/events.ts';

/** Requests at or above this `max_tokens` count as asking for maximal output (16k and up). */
export const LONG_OUTPUT_MAX_TOKENS = 16_000;

export interface BaselineRequest {
  kind: 'request';
  timeMs: number;
  accountId: string;
  clientIp: string | null;
  clientNetwork: string | null;
  inputTokens: number;
  outputTokens: number;
  longOutput: boolean;
  /** Conversation turn; 1 when the record does not say. */
  turn: number;
  usesTools: boolean;
}

export interface BaselineAccount {
  kind: 'account';
  timeMs: number;
  accountId: string;
}

/** Model releases and enforcement actions: only their time matters (it ends the run). */
export interface BaselineOther {
  kind: 'other';
  timeMs: number;
}

export type BaselineEvent = BaselineRequest | BaselineAccount | BaselineOther;

/** Projector for the ingest reader (see readProjected): runs in the reader's workers. */
export function project(record: TrafficRecord): BaselineEvent {
  const timeMs = Date.parse(record.time);
  if (record.type === 'account') return { kind: 'account', timeMs, accountId: record.account_id };
  if (record.type !== 'request') return { kind: 'other', timeMs };
  const params = record.params;
  return {
    kind: 'request',
    timeMs,
    accountId: record.account_id,
    clientIp: record.client_ip ?? null,
    clientNetwork: record.client_network ?? null,
    inputTokens: record.usage?.input_tokens ?? 0,
    outputTokens: record.usage?.output_tokens ?? 0,
    longOutput: (params?.max_tokens ?? 0) >= LONG_OUTPUT_MAX_TOKENS,
    turn: record.turn ?? 1,
    usesTools: (params?.tools ?? 0) > 0 || (record.tool_results ?? 0) > 0,
  };
}
