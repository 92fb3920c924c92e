// Per-account behaviour features for the baselines, built in one streaming pass over requests
// in time order. State is a fixed handful of counters per account (plus a capped IP set), so
// memory grows with accounts, never with requests.
import type { BaselineRequest } from './events.ts';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Distinct client IPs are counted exactly up to this many; past it the count reads "at least". */
export const DISTINCT_IP_CAP = 64;

export interface AccountFeatures {
  accountId: string;
  requests: number;
  /** Event time of the first and last request (ms); NaN for an account that made none. */
  firstRequestMs: number;
  lastRequestMs: number;
  /** Distinct UTC days with a request. */
  activeDays: number;
  requestsPerActiveDay: number;
  /** Most requests in one UTC calendar day / clock hour. */
  peakDayRequests: number;
  peakHourRequests: number;
  inputTokensPerRequest: number;
  outputTokensPerRequest: number;
  /** Exact up to DISTINCT_IP_CAP, then DISTINCT_IP_CAP. */
  distinctIps: number;
  datacenterShare: number;
  /** Residential and mobile networks: where residential proxies make traffic look like. */
  consumerShare: number;
  /** Normalised entropy of the UTC hour-of-day histogram: 0 = one hour, 1 = evenly round the clock. */
  hourOfDaySpread: number;
  /** Share of requests asking for max_tokens of 16k or more. */
  longOutputShare: number;
  meanTurn: number;
  toolUseShare: number;
  /** Days from the account record to the first request; null without an account record. */
  accountAgeDays: number | null;
}

/** The running state of one account; also read by the rate-limit tracker after each request. */
export class AccountState {
  requests = 0;
  firstRequestMs = Number.NaN;
  lastRequestMs = Number.NaN;
  createdMs: number | null = null;
  /** Requests in the current UTC day and clock hour (the buckets of the latest request). */
  dayCount = 0;
  hourCount = 0;
  private day = -1;
  private hour = -1;
  private activeDays = 0;
  private peakDay = 0;
  private peakHour = 0;
  private inputTokens = 0;
  private outputTokens = 0;
  private readonly ips = new Set<string>();
  private datacenter = 0;
  private consumer = 0;
  private readonly hoursOfDay = new Uint32Array(24);
  private longOutput = 0;
  private turns = 0;
  private toolUse = 0;

  constructor(readonly accountId: string) {}

  /** Adds a request; requests must come in time order for the day and hour buckets to be right. */
  addRequest(request: BaselineRequest): void {
    const t = request.timeMs;
    if (this.requests === 0) this.firstRequestMs = t;
    this.requests += 1;
    this.lastRequestMs = t;
    const day = Math.floor(t / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.dayCount = 0;
      this.activeDays += 1;
    }
    const hour = Math.floor(t / HOUR_MS);
    if (hour !== this.hour) {
      this.hour = hour;
      this.hourCount = 0;
    }
    this.dayCount += 1;
    this.hourCount += 1;
    if (this.dayCount > this.peakDay) this.peakDay = this.dayCount;
    if (this.hourCount > this.peakHour) this.peakHour = this.hourCount;
    this.inputTokens += request.inputTokens;
    this.outputTokens += request.outputTokens;
    if (request.clientIp !== null && this.ips.size < DISTINCT_IP_CAP) this.ips.add(request.clientIp);
    if (request.clientNetwork === 'datacenter') this.datacenter += 1;
    else if (request.clientNetwork === 'residential' || request.clientNetwork === 'mobile')
      this.consumer += 1;
    this.hoursOfDay[hour % 24]! += 1;
    if (request.longOutput) this.longOutput += 1;
    this.turns += request.turn;
    if (request.usesTools) this.toolUse += 1;
  }

  /** Keeps the earliest account record: a re-sent record must not make the account look younger. */
  addAccountRecord(timeMs: number): void {
    if (this.createdMs === null || timeMs < this.createdMs) this.createdMs = timeMs;
  }

  features(): AccountFeatures {
    const n = this.requests;
    const per = (x: number) => (n === 0 ? 0 : x / n);
    return {
      accountId: this.accountId,
      requests: n,
      firstRequestMs: this.firstRequestMs,
      lastRequestMs: this.lastRequestMs,
      activeDays: this.activeDays,
      requestsPerActiveDay: this.activeDays === 0 ? 0 : n / this.activeDays,
      peakDayRequests: this.peakDay,
      peakHourRequests: this.peakHour,
      inputTokensPerRequest: per(this.inputTokens),
      outputTokensPerRequest: per(this.outputTokens),
      distinctIps: this.ips.size,
      datacenterShare: per(this.datacenter),
      consumerShare: per(this.consumer),
      hourOfDaySpread: normalisedEntropy(this.hoursOfDay, n),
      longOutputShare: per(this.longOutput),
      meanTurn: per(this.turns),
      toolUseShare: per(this.toolUse),
      accountAgeDays:
        this.createdMs === null || n === 0
          ? null
          : Math.max(0, this.firstRequestMs - this.createdMs) / DAY_MS,
    };
  }
}

function normalisedEntropy(counts: Uint32Array, total: number): number {
  if (total === 0) return 0;
  let entropy = 0;
  for (const c of counts) {
    if (c === 0) continue;
    const p = c / total;
    entropy -= p * Math.log(p);
  }
  return entropy / Math.log(counts.length);
}
