// Per-account behaviour over time, in a fixed amount of memory however many requests the
// account makes: volume and its shape, templates, content, infrastructure, sign-up.
import type { AccountRecord } from '../contract/events.ts';
import { CAPABILITIES } from '../signals/types.ts';
import type { RequestFacts } from './facts.ts';
import { DistinctCounter, HourWindow, hash32, Moments, TopK } from './sketches.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Width of one activity bucket (for the report's raster). */
export const ACTIVITY_BUCKET_MS = 6 * HOUR_MS;
/** Buckets kept per account: 256 days at 6 hours; later activity lands in the last one. */
const MAX_ACTIVITY_BUCKETS = 1024;
export const CONSUMER_NETWORKS = new Set(['residential', 'mobile']);
export const PROGRAM_CHANNELS = new Set(['education', 'startup_program', 'research_program']);

/**
 * The block an address belongs to: its /16 for IPv4, its /32 for IPv6 (a provider's typical
 * allocation). A person's addresses stay within one or two blocks a day; a proxy pool's exits
 * come from a new block on most requests.
 */
export function networkBlock(ip: string): string {
  if (!ip.includes(':')) {
    const second = ip.indexOf('.', ip.indexOf('.') + 1);
    return second > 0 ? ip.slice(0, second) : ip;
  }
  return ip.split(':').slice(0, 2).join(':');
}

function ipPrefix(ip: string): string {
  const v4 = ip.lastIndexOf('.');
  if (v4 > 0 && !ip.includes(':')) return ip.slice(0, v4);
  // IPv6: the /48 a home or a site usually gets.
  return ip.split(':').slice(0, 3).join(':');
}

export class AccountState {
  readonly id: string;
  orgId: string | null = null;
  signup: AccountRecord | null = null;
  createdMs: number | null = null;

  firstMs = Number.POSITIVE_INFINITY;
  lastMs = Number.NEGATIVE_INFINITY;
  requests = 0;
  private lastDay = -1;
  activeDays = 0;
  /** Requests and active days before the UTC day of the latest request: whole days only. */
  private settledRequests = 0;
  private settledDays = 0;
  readonly hours = new Uint32Array(24);
  /** Requests per ACTIVITY_BUCKET_MS since `activityStart` (a bucket index). */
  activity = new Uint16Array(4);
  activityStart = -1;
  readonly gaps = new Moments();
  /** Hours of the last few days with a request, to compare with a pool's shared schedule. */
  readonly recentHours = new HourWindow();

  /** Templates of the account's linkable (opening) prompts; `templates.total` counts those prompts. */
  readonly templates = new TopK(12);
  readonly distinctTemplates = new DistinctCounter(32);
  readonly ips = new DistinctCounter(32);
  readonly prefixes = new DistinctCounter(16);
  readonly topIps = new TopK(3);
  /** Distinct address blocks (networkBlock) the account came from, whatever the network kind. */
  readonly blocks = new DistinctCounter(16);
  /** Distinct consumer networks (ASN, or the /16 when no ASN is given) the account came from. */
  readonly consumerNetworks = new DistinctCounter(16);
  consumerRequests = 0;
  datacenterRequests = 0;
  /**
   * The country (`client_country`) of the account's first request from a consumer network: where
   * the person lives, or where the proxy exit it keeps is. Null when never given.
   */
  homeCountry: string | null = null;
  readonly userAgents = new TopK(2);
  /**
   * The client the account first connected with: its TLS fingerprint, or its user agent where
   * none is logged. A popular SDK's is shared by strangers; a custom client's by one operator.
   */
  clientKey: string | null = null;
  /** Whether the linker has counted this account under `clientKey`. */
  clientCounted = false;

  elicitationHits = 0;
  elicitationSum = 0;
  readonly cues = new TopK(3);
  harvestHits = 0;
  samplesOver1 = 0;
  readonly capability = new Float64Array(CAPABILITIES.length);
  inputTokens = 0;
  outputTokens = 0;
  toolRequests = 0;
  firstTurns = 0;
  turnSum = 0;
  readonly models = new TopK(4);
  /** Earliest request on each model released during the run (model → time). */
  readonly releaseAdoption = new Map<string, number>();

  banned = false;
  allowlisted = false;

  /** Campaign bookkeeping, owned by the linker. */
  campaignId: string | null = null;
  campaignRequests = 0;
  flagged = false;
  firstFlaggedMs: number | null = null;
  score = 0;
  reasons: string[] = [];

  constructor(id: string) {
    this.id = id;
  }

  onSignup(record: AccountRecord, timeMs: number): void {
    this.signup = record;
    this.createdMs = timeMs;
    if (record.org_id) this.orgId = record.org_id;
  }

  onRequest(r: RequestFacts, templateKey: string | null, releasedModels: ReadonlyMap<string, number>): void {
    if (this.requests > 0 && r.timeMs >= this.lastMs) {
      this.gaps.add(Math.log1p((r.timeMs - this.lastMs) / 1000));
    }
    this.requests += 1;
    if (r.timeMs < this.firstMs) this.firstMs = r.timeMs;
    if (r.timeMs > this.lastMs) this.lastMs = r.timeMs;
    const day = Math.floor(r.timeMs / DAY_MS);
    if (day !== this.lastDay) {
      this.settledRequests = this.requests - 1;
      this.settledDays = this.activeDays;
      this.activeDays += 1;
      this.lastDay = day;
    }
    this.hours[Math.floor((r.timeMs % DAY_MS) / HOUR_MS)]! += 1;
    this.countActivity(r.timeMs);
    this.recentHours.add(r.timeMs);
    if (r.orgId) this.orgId = r.orgId;

    if (templateKey) {
      this.templates.add(templateKey);
      this.distinctTemplates.add(hash32(templateKey));
    }
    let block: number | null = null;
    if (r.ip) {
      this.ips.add(hash32(r.ip));
      this.prefixes.add(hash32(ipPrefix(r.ip)));
      this.topIps.add(r.ip);
      block = hash32(networkBlock(r.ip));
      this.blocks.add(block);
    }
    if (r.network && CONSUMER_NETWORKS.has(r.network)) {
      this.consumerRequests += 1;
      if (this.homeCountry === null && r.country) this.homeCountry = r.country;
      const network = r.asn !== null ? hash32(`as${r.asn}`) : block;
      if (network !== null) this.consumerNetworks.add(network);
    } else if (r.network === 'datacenter') this.datacenterRequests += 1;
    if (r.userAgent) this.userAgents.add(r.userAgent);
    // The TLS fingerprint names the client's network stack, which a user agent string cannot
    // change; user agents rotate over one stack's accounts. Only logs without one use the agent.
    if (this.clientKey === null && (r.userAgent || r.tlsFingerprint))
      this.clientKey = r.tlsFingerprint ? `tls ${r.tlsFingerprint}` : `agent ${r.userAgent}`;

    const { elicitation, harvest, capability } = r.signals;
    this.elicitationSum += elicitation.score;
    if (elicitation.score >= 0.5) {
      this.elicitationHits += 1;
      if (elicitation.cues[0]) this.cues.add(elicitation.cues[0]);
    }
    if (harvest.score >= 0.5) this.harvestHits += 1;
    if (harvest.samples > 1) this.samplesOver1 += 1;
    // Field by field, in CAPABILITIES order: a loop over the names costs a keyed lookup each.
    const sum = this.capability;
    sum[0]! += capability.coding;
    sum[1]! += capability.tool_use;
    sum[2]! += capability.math_reasoning;
    sum[3]! += capability.data_analysis;
    sum[4]! += capability.vision;
    sum[5]! += capability.computer_use;
    sum[6]! += capability.writing;
    sum[7]! += capability.general_chat;
    this.inputTokens += r.inputTokens;
    this.outputTokens += r.outputTokens + r.reasoningTokens;
    if (r.tools > 0 || r.toolResults > 0) this.toolRequests += 1;
    if (r.turn <= 1) this.firstTurns += 1;
    this.turnSum += r.turn;
    this.models.add(r.model);
    const released = releasedModels.get(r.model);
    if (released !== undefined && !this.releaseAdoption.has(r.model))
      this.releaseAdoption.set(r.model, r.timeMs);
  }

  private countActivity(timeMs: number): void {
    const bucket = Math.floor(timeMs / ACTIVITY_BUCKET_MS);
    if (this.activityStart < 0) this.activityStart = bucket;
    const i = Math.min(Math.max(0, bucket - this.activityStart), MAX_ACTIVITY_BUCKETS - 1);
    if (i >= this.activity.length) {
      const grown = new Uint16Array(
        Math.min(MAX_ACTIVITY_BUCKETS, Math.max(i + 1, this.activity.length * 2)),
      );
      grown.set(this.activity);
      this.activity = grown;
    }
    if (this.activity[i]! < 0xffff) this.activity[i]! += 1;
  }

  // Derived features, each a plain number an analyst can read back in a reason.

  share(count: number): number {
    return this.requests === 0 ? 0 : count / this.requests;
  }

  /** Distinct client addresses per request: ~1 when a proxy rotates every call. */
  ipRotation(): number {
    return this.requests === 0 ? 0 : Math.min(1, this.ips.estimate() / this.requests);
  }

  /**
   * New addresses per request after the first: 0 for an account that keeps one address however
   * few its requests (`ipRotation` calls four requests from one address 0.25), 1 for a new
   * address on every request.
   */
  addressChange(): number {
    return this.requests < 2 ? 0 : Math.min(1, (this.ips.estimate() - 1) / (this.requests - 1));
  }

  /** Distinct address blocks per active day: about 1 for a person, many for a proxy pool. */
  blocksPerDay(): number {
    return this.activeDays === 0 ? 0 : this.blocks.estimate() / this.activeDays;
  }

  /**
   * Address blocks a day when they can mean a proxy pool: 0 for an account mostly on data
   * centres (a reseller's or a CI fleet's cloud addresses vary by design) or one that keeps its
   * address for many requests (under 0.1 new addresses per request).
   */
  roamingBlocksPerDay(): number {
    return this.datacenterRequests < this.requests * 0.5 && this.ipRotation() >= 0.1
      ? this.blocksPerDay()
      : 0;
  }

  /** Requests per active day. */
  dailyRate(): number {
    return this.activeDays === 0 ? 0 : this.requests / this.activeDays;
  }

  /**
   * Requests per active day over the days before the latest request's, once there are any: early
   * in a day, the day's few requests would pull `dailyRate` of a busy account towards half.
   */
  settledDailyRate(): number {
    return this.settledDays === 0 ? this.dailyRate() : this.settledRequests / this.settledDays;
  }

  /**
   * Share of requests in the account's quietest 8 consecutive hours of the day (UTC, wrapping at
   * midnight): near 0 for a person, who sleeps whatever the time zone; a third for a machine that
   * runs round the clock.
   */
  quietHoursShare(): number {
    if (this.requests === 0) return 0;
    let window = 0;
    for (let h = 0; h < 8; h++) window += this.hours[h]!;
    let quietest = window;
    for (let start = 1; start < 24; start++) {
      window += this.hours[(start + 7) % 24]! - this.hours[start - 1]!;
      if (window < quietest) quietest = window;
    }
    return quietest / this.requests;
  }

  /** Account age in days at its first request, or null when its sign-up was not seen. */
  ageAtFirstRequestDays(): number | null {
    return this.createdMs === null ? null : (this.firstMs - this.createdMs) / DAY_MS;
  }

  signupChannel(): string | null {
    return this.signup?.signup_channel ?? null;
  }

  paymentFp(): string | null {
    return this.signup?.payment_fp ?? null;
  }

  /** The capability with the largest share of the account's requests, and that share. */
  topCapability(): { name: string; share: number } {
    let best = 0;
    let total = 0;
    for (let i = 0; i < this.capability.length; i++) {
      total += this.capability[i]!;
      if (this.capability[i]! > this.capability[best]!) best = i;
    }
    return { name: CAPABILITIES[best]!, share: total === 0 ? 0 : this.capability[best]! / total };
  }
}
