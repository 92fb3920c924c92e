// One pass over traffic for the baselines: read, put back in time order, and keep per-account
// features plus, for every rate-limit setting, the event time at which the account first went
// over it. Every baseline and every setting is then computed from this profile without re-reading.
import { ReorderBuffer } from '../engine/reorder.ts';
import { siblingModule } from '../ingest/module-url.ts';
import { newReadStats, type ReadOptions, type ReadStats, readProjected } from '../ingest/read.ts';
import type { BaselineEvent } from './events.ts';
import { type AccountFeatures, AccountState } from './features.ts';
import { isOverLimit, RATE_LIMIT_SETTINGS, type RateLimitSetting } from './rate-limit.ts';

/** How late a record may arrive and still be replayed in order (shards, retries). */
export const DEFAULT_LATENESS_MS = 10 * 60_000;

const EVENTS_PROJECTOR = siblingModule('./events.ts', import.meta.url);

export interface TrafficProfile {
  /** One entry per account seen (by request or account record), in first-seen order. */
  accounts: AccountFeatures[];
  rateLimitSettings: readonly RateLimitSetting[];
  /** Per account, per setting (same order): ms when first over the limits, NaN if never. */
  limitCrossedAt: ReadonlyMap<string, Float64Array>;
  /** Latest event time seen (ms), NaN for empty traffic: when a whole-run verdict is reached. */
  endMs: number;
  /** Records that arrived later than the lateness window allows; counted in the wrong bucket. */
  lateEvents: number;
}

export interface ProfileOptions {
  rateLimitSettings?: readonly RateLimitSetting[];
  latenessMs?: number;
}

export class ProfileBuilder {
  private readonly accounts = new Map<string, AccountState>();
  private readonly crossedAt = new Map<string, Float64Array>();
  private readonly settings: readonly RateLimitSetting[];
  private readonly reorder: ReorderBuffer<BaselineEvent>;
  private endMs = Number.NaN;
  private readonly apply = (event: BaselineEvent) => this.replay(event);

  constructor(options: ProfileOptions = {}) {
    this.settings = options.rateLimitSettings ?? RATE_LIMIT_SETTINGS;
    this.reorder = new ReorderBuffer(options.latenessMs ?? DEFAULT_LATENESS_MS);
  }

  push(event: BaselineEvent): void {
    this.reorder.push(event, this.apply);
  }

  finish(): TrafficProfile {
    this.reorder.flush(this.apply);
    return {
      accounts: [...this.accounts.values()].map((state) => state.features()),
      rateLimitSettings: this.settings,
      limitCrossedAt: this.crossedAt,
      endMs: this.endMs,
      lateEvents: this.reorder.late,
    };
  }

  private state(accountId: string): AccountState {
    let state = this.accounts.get(accountId);
    if (!state) {
      state = new AccountState(accountId);
      this.accounts.set(accountId, state);
      this.crossedAt.set(accountId, new Float64Array(this.settings.length).fill(Number.NaN));
    }
    return state;
  }

  private replay(event: BaselineEvent): void {
    if (!(event.timeMs <= this.endMs)) this.endMs = event.timeMs;
    if (event.kind === 'account') {
      this.state(event.accountId).addAccountRecord(event.timeMs);
      return;
    }
    if (event.kind !== 'request') return;
    const state = this.state(event.accountId);
    state.addRequest(event);
    const crossed = this.crossedAt.get(event.accountId)!;
    for (let i = 0; i < this.settings.length; i++) {
      if (Number.isNaN(crossed[i]!) && isOverLimit(state, this.settings[i]!)) crossed[i] = event.timeMs;
    }
  }
}

export interface ReadProfileOptions extends ReadOptions, ProfileOptions {
  /** Reader workers; 0 parses in the main thread (the same path as readRecords). Default: one per core. */
  workers?: number;
}

/** Reads traffic files (JSONL, gzip, Parquet, `-` for stdin) into a profile. */
export async function profileTraffic(
  paths: readonly string[],
  options: ReadProfileOptions = {},
  stats: ReadStats = newReadStats(),
): Promise<TrafficProfile> {
  const builder = new ProfileBuilder(options);
  const batches = readProjected<BaselineEvent>(paths, { ...options, projectorUrl: EVENTS_PROJECTOR }, stats);
  for await (const batch of batches) for (const event of batch) builder.push(event);
  return builder.finish();
}
