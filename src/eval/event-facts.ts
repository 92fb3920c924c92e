// Gathers, in one streaming pass over the traffic, the few facts about attack accounts that the
// latency metrics need: first request, creation, first ban, and requests made before a cutoff
// (when the analysis flagged the account). Memory grows with tracked accounts and counted
// requests, never with the whole input; records may arrive in any order.
import { IdSet } from '../ingest/id-set.ts';
import { cannotReadReason, type InputProblem, MAX_PROBLEMS_PER_FILE, openJsonLines } from './read-inputs.ts';

/** The fields of a traffic record that eval reads; anything else on the record is ignored. */
export interface EventFields {
  type: string;
  time: string;
  account_id?: string;
  request_id?: string;
  action?: string;
}

export interface EventFacts {
  /** Earliest request time (ms since epoch) per tracked account. */
  firstRequestAt: Map<string, number>;
  /** Earliest `account` record time per tracked account. */
  createdAt: Map<string, number>;
  /** Earliest `enforcement` ban time per tracked account. */
  bannedAt: Map<string, number>;
  /** Distinct request ids per account with a cutoff, counting requests strictly before it. */
  requestsBeforeCutoff: Map<string, number>;
  /** Records used (all types, all accounts). */
  records: number;
  /** Requests seen (all accounts, duplicates included). */
  requests: number;
  /** Lines that could not be used; all counted, the first few kept in `problems`. */
  rejected: number;
  problems: InputProblem[];
}

export interface EventFactsOptions {
  /** Accounts to gather facts for (eval tracks the labelled attack accounts). */
  tracked: ReadonlySet<string>;
  /** Per account, count its requests with time < cutoff (ms; Infinity counts them all). */
  cutoffs: ReadonlyMap<string, number>;
}

const keepEarliest = (map: Map<string, number>, key: string, time: number): void => {
  const known = map.get(key);
  if (known === undefined || time < known) map.set(key, time);
};

/** Accumulates facts record by record; usable on in-memory records as well as files. */
export class EventFactsBuilder {
  private readonly seenRequests = new IdSet();
  private readonly facts: EventFacts = {
    firstRequestAt: new Map(),
    createdAt: new Map(),
    bannedAt: new Map(),
    requestsBeforeCutoff: new Map(),
    records: 0,
    requests: 0,
    rejected: 0,
    problems: [],
  };

  constructor(
    private readonly options: EventFactsOptions,
    private readonly file = 'events',
  ) {
    for (const account of options.cutoffs.keys()) this.facts.requestsBeforeCutoff.set(account, 0);
  }

  /** Takes one parsed record; returns a reason when it lacks what eval needs (and skips it). */
  add(record: EventFields): string | null {
    const time = Date.parse(record.time);
    if (Number.isNaN(time)) return `time ${JSON.stringify(record.time)} cannot be parsed`;
    if (record.type !== 'request' && record.type !== 'account' && record.type !== 'enforcement') {
      this.facts.records += 1;
      return null;
    }
    const accountId = record.account_id;
    if (typeof accountId !== 'string' || accountId === '') return `${record.type} record without account_id`;
    const requestId = record.request_id;
    if (record.type === 'request' && (typeof requestId !== 'string' || requestId === '')) {
      return 'request record without request_id';
    }
    this.facts.records += 1;
    if (record.type === 'request' && typeof requestId === 'string') {
      this.facts.requests += 1;
      if (!this.options.tracked.has(accountId)) return null;
      keepEarliest(this.facts.firstRequestAt, accountId, time);
      const cutoff = this.options.cutoffs.get(accountId);
      // A retried delivery repeats the request_id; the contract says to count it once.
      if (cutoff !== undefined && time < cutoff && this.seenRequests.add(requestId)) {
        this.facts.requestsBeforeCutoff.set(
          accountId,
          (this.facts.requestsBeforeCutoff.get(accountId) ?? 0) + 1,
        );
      }
    } else if (this.options.tracked.has(accountId)) {
      if (record.type === 'account') keepEarliest(this.facts.createdAt, accountId, time);
      else if (record.action === 'ban') keepEarliest(this.facts.bannedAt, accountId, time);
    }
    return null;
  }

  reject(line: number, reason: string): void {
    this.facts.rejected += 1;
    if (this.facts.problems.length < MAX_PROBLEMS_PER_FILE)
      this.facts.problems.push({ file: this.file, line, reason });
  }

  result(): EventFacts {
    return this.facts;
  }
}

function asEventFields(value: unknown): EventFields | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'expected a JSON object';
  const record = value as Record<string, unknown>;
  if (typeof record.type !== 'string') return 'missing required field type';
  if (typeof record.time !== 'string') return 'missing required field time';
  return record as unknown as EventFields;
}

function readEventLine(text: string, builder: EventFactsBuilder): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const fields = asEventFields(parsed);
  return typeof fields === 'string' ? fields : builder.add(fields);
}

/**
 * Streams an events file (JSONL, gzip detected by its magic bytes, `-` for stdin). Lines are
 * checked only for the fields eval reads; `hydrawatch validate` checks the full contract.
 */
export async function readEventFacts(
  path: string,
  options: EventFactsOptions,
): Promise<{ ok: true; value: EventFacts } | { ok: false; reason: string }> {
  const builder = new EventFactsBuilder(options, path);
  try {
    const source = await openJsonLines(path);
    for await (const batch of source.batches) {
      for (const [i, text] of batch.lines.entries()) {
        if (text.trim() === '') continue;
        const problem = readEventLine(text, builder);
        if (problem) builder.reject(batch.firstLine + i, problem);
      }
    }
  } catch (error) {
    return { ok: false, reason: cannotReadReason(path, error) };
  }
  return { ok: true, value: builder.result() };
}
