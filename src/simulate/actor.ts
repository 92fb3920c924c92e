// One account slot as a lazy event source: sign-up, sessions of conversations paced by a
// diurnal cycle, and ban or retirement with respawn. It holds only its own small state.
import type {
  EnforcementRecord,
  RequestParams,
  RequestRecord,
  TrafficRecord,
  Usage,
} from '../contract/events.ts';
import type { LabelRecord } from '../contract/outputs.ts';
import { accountRecord, type Identity, newIdentity } from './identity.ts';
import { type Address, addressIn, type NetworkInfo } from './infra.ts';
import { DAY_MS, type FamilyMix, HOUR_MS, type PopulationModel } from './population.ts';
import type { PromptDraft } from './prompts/pieces.ts';
import type { PromptKit } from './prompts/sampler.ts';
import type { Language } from './prompts/types.ts';
import { Rng } from './rng.ts';
import { isoTime } from './timefmt.ts';

const PHASE_ACCOUNT = 0;
const PHASE_REQUEST = 1;
const PHASE_BAN = 2;
const PHASE_DONE = 3;

/** Real prompt text for chosen populations (--corpus), keyed by the corpus `class`. */
export type CorpusTexts = ReadonlyMap<string, readonly string[]>;

const CJK = /[\u4e00-\u9fff]/;

/**
 * The actor is its own random generator (it extends `Rng`), the fields every request reads come
 * first, and the ids a request writes sit on the actor rather than behind its `Identity`: at scale
 * 1 there are ~126k actors, and each object a request reads through is a likely cache miss. Paired
 * runs at scale 0.25 put this at +1 % (docs/simulator.md, seventh round), with less memory.
 */
export class AccountActor extends Rng {
  nextTime = Number.POSITIVE_INFINITY;
  phase = PHASE_ACCOUNT;
  // Read by every request.
  private accountId = '';
  private orgId: string | undefined;
  private apiKeyId = '';
  private tzMs = 0;
  private dayIndex = -1;
  private countToday = 0;
  private cap = Number.POSITIVE_INFINITY;
  private turnsLeft = 0;
  private convsLeft = 0;
  private turn = 0;
  private kit: PromptKit | null = null;
  private address!: Address;
  private userAgent = '';
  private tls = '';
  private params: RequestParams = {};
  private conversationId = '';
  private system: string | undefined;
  private thinking = false;
  private toolCount = 0;
  private history = 0;
  private systemTokens = 0;
  private language: Language = 'en';
  private banAt = Number.POSITIVE_INFINITY;
  private retireAt = Number.POSITIVE_INFINITY;
  // Read when a session or conversation starts, or an account begins.
  private id!: Identity;
  private createdAt = 0;
  private group: number;
  private generation = 0;
  private lambdaMax = 0;
  private zhUser = false;
  private shiftJitter = 0;
  // Addresses: the one in use for the conversation, and what the account keeps between them.
  private fixed: Address[] = [];
  /**
   * A person's broadband provider and mobile carrier: a new lease is a new address from the same
   * provider, and a phone's addresses all come from one carrier, so a person uses a few networks.
   */
  private homeNetwork: NetworkInfo | null = null;
  private mobileNetwork: NetworkInfo | null = null;
  private homeEpoch = -1;
  private epochMs = 7 * DAY_MS;

  constructor(
    private readonly model: PopulationModel,
    readonly slot: number,
    readonly order: number,
    private readonly onLabel: (label: LabelRecord) => void,
    private readonly corpus: readonly string[] | null,
    releaseDay: number,
    /** Where grammar prompts are drawn, shared by every actor of a run (one request at a time). */
    private readonly prompts: PromptDraft,
  ) {
    super(model.seed, slot + 0x10000);
    this.group = model.groupOf[slot] ?? 0;
    this.begin(model.creationTime(this, slot, releaseDay));
  }

  private begin(createdAt: number): void {
    const m = this.model;
    this.createdAt = createdAt;
    this.id = newIdentity(m, this.group, this);
    this.accountId = this.id.accountId;
    this.orgId = this.id.orgId || undefined;
    this.apiKeyId = this.id.apiKeyId;
    this.tzMs = Number(m.timezones.pick(this)) * HOUR_MS;
    const dormant = this.generation === 0 && this.chance(m.spec.activity.dormant ?? 0);
    const perDay = dormant ? 0 : Math.max(0, m.sessionsPerDay(this)) * m.rateFactor;
    this.lambdaMax = ((perDay / DAY_MS) * m.profileMax * Math.max(1, m.weekend)) / m.shiftOnFraction;
    this.cap = m.dailyCap ? Math.max(1, Math.round(m.dailyCap(this))) : Number.POSITIVE_INFINITY;
    const client = m.clients.pick(this);
    this.userAgent = client.userAgent;
    this.tls = client.tls;
    this.zhUser = this.chance(m.main.zh);
    this.shiftJitter = this.next() * 10 * 60_000;
    this.epochMs = (3 + this.next() * 25) * DAY_MS;
    this.homeEpoch = -1;
    this.homeNetwork = null;
    this.mobileNetwork = null;
    this.fixed = this.fixedAddresses();
    const e = m.spec.enforcement;
    const activeStart = Math.max(createdAt, m.activeFrom);
    this.banAt =
      e && e.banRatePerDay > 0 ? activeStart + this.exp(DAY_MS / e.banRatePerDay) : Number.POSITIVE_INFINITY;
    this.retireAt = m.lifetime
      ? activeStart + Math.max(0.05, m.lifetime(this)) * DAY_MS
      : Number.POSITIVE_INFINITY;
    this.convsLeft = 0;
    this.turnsLeft = 0;
    this.nextTime = createdAt;
    this.phase = PHASE_ACCOUNT;
  }

  private fixedAddresses(): Address[] {
    const m = this.model;
    const infra = m.spec.infra;
    switch (infra.ipMode) {
      case 'nat': {
        // Everyone in the group (office, campus, household) leaves through the same few addresses.
        const r = new Rng(m.seed ^ 0x4e4154, this.group + 1);
        return Array.from({ length: infra.natAddresses ?? 2 }, () => m.networks.address(r));
      }
      case 'datacenter': {
        const r = new Rng(m.seed ^ 0xdc, this.group + 1);
        return Array.from({ length: r.int(1, infra.natAddresses ?? 4) }, () => m.networks.address(r));
      }
      default:
        return [];
    }
  }

  /** Produces the record due at `nextTime` and schedules the next one. */
  emit(): TrafficRecord {
    switch (this.phase) {
      case PHASE_ACCOUNT:
        return this.emitAccount();
      case PHASE_BAN:
        return this.emitBan();
      default:
        return this.emitRequest();
    }
  }

  private emitAccount(): TrafficRecord {
    const m = this.model;
    const label: LabelRecord = {
      account_id: this.accountId,
      label: m.labels.label,
      archetype: m.labels.archetype,
    };
    if (m.labels.operator) label.operator = m.labels.operator;
    if (m.labels.campaign) label.campaign_id = m.labels.campaign;
    this.onLabel(label);
    const time = this.nextTime;
    const signup = this.signupAddress();
    const record = accountRecord(this.id, new Date(time).toISOString(), signup);
    // Accounts created mid-span start calling soon (replacements within minutes); older ones at their pace.
    const first =
      time >= m.start && time >= m.activeFrom
        ? time + (this.generation > 0 ? 30_000 + this.next() * 240_000 : this.exp(45 * 60_000))
        : this.nextSessionStart(Math.max(m.start, m.activeFrom));
    this.schedule(first);
    return record;
  }

  private signupAddress(): string {
    const mode = this.model.spec.infra.ipMode;
    if (mode === 'nat' || mode === 'home') return this.currentAddress(this.nextTime, true).ip;
    if (mode === 'datacenter') return this.model.signupNetworks.address(this).ip;
    return this.model.networks.address(this).ip;
  }

  private emitBan(): TrafficRecord {
    const m = this.model;
    const e = m.spec.enforcement;
    m.bansEmitted++;
    const record: EnforcementRecord = {
      type: 'enforcement',
      time: new Date(this.banAt).toISOString(),
      account_id: this.accountId,
      action: 'ban',
      source: 'trust_and_safety',
      reason: m.banReasons ? m.banReasons.pick(this) : 'terms_of_service',
    };
    if (e?.respawn) this.respawn(this.banAt);
    else this.finish();
    return record;
  }

  private respawn(at: number): void {
    this.generation++;
    // A replacement registers with one of the operator's shared instruments (or its own).
    this.group = this.int(0, this.model.groupCount - 1);
    const delay = Math.max(0.2, this.model.respawnDelay(this)) * 60_000;
    this.begin(at + delay);
    if (this.nextTime >= this.model.activeUntil) this.finish();
  }

  private finish(): void {
    this.phase = PHASE_DONE;
    this.nextTime = Number.POSITIVE_INFINITY;
  }

  /** Places the next request at `candidate`, unless a ban, retirement or the end comes first. */
  private schedule(candidate: number): void {
    if (candidate >= this.banAt || candidate >= this.retireAt) {
      if (this.banAt <= this.retireAt) {
        if (this.banAt >= this.model.activeUntil) {
          this.finish();
          return;
        }
        this.phase = PHASE_BAN;
        this.nextTime = this.banAt;
        return;
      }
      if (this.retireAt >= this.model.activeUntil) {
        this.finish();
        return;
      }
      if (this.model.spec.enforcement?.respawn) {
        this.respawn(this.retireAt);
        return;
      }
      this.finish();
      return;
    }
    if (!(candidate < this.model.activeUntil)) {
      this.finish();
      return;
    }
    this.phase = PHASE_REQUEST;
    this.nextTime = candidate;
  }

  /** Thinning against the account's diurnal, weekly and shift-window rate. */
  private nextSessionStart(from: number): number {
    const m = this.model;
    if (this.lambdaMax <= 0) return Number.POSITIVE_INFINITY;
    const bound = m.profileMax * Math.max(1, m.weekend);
    let t = from;
    for (;;) {
      t += this.exp(1 / this.lambdaMax);
      if (t >= m.activeUntil) return Number.POSITIVE_INFINITY;
      if (m.shifts) {
        const s = m.inShift(t);
        if (s !== t) {
          t = s + this.shiftJitter;
          continue;
        }
      }
      const local = t + this.tzMs;
      const hour = Math.floor(local / HOUR_MS) % 24;
      const weekday = (Math.floor(local / DAY_MS) + 4) % 7;
      const rate = (m.profile[hour] as number) * (weekday === 0 || weekday === 6 ? m.weekend : 1);
      if (this.next() * bound < rate) return t;
    }
  }

  private currentAddress(t: number, newConversation: boolean): Address {
    const m = this.model;
    switch (m.hot.ipMode) {
      case 'nat':
      case 'datacenter':
        return this.pick(this.fixed);
      case 'rotate_request':
        return m.networks.address(this);
      case 'rotate_session':
        return newConversation || !this.address ? m.networks.address(this) : this.address;
      default: {
        if (newConversation && m.mobile && this.chance(m.hot.mobileShare)) {
          this.homeNetwork ??= m.networks.pick(this);
          this.mobileNetwork ??= m.mobile.pickIn(this.homeNetwork.country, this);
          return addressIn(this.mobileNetwork, this);
        }
        if (!newConversation && this.address) return this.address;
        const epoch = Math.floor((t - this.createdAt) / this.epochMs);
        if (epoch !== this.homeEpoch || this.fixed.length === 0) {
          this.homeEpoch = epoch;
          this.homeNetwork ??= m.networks.pick(this);
          this.fixed = [addressIn(this.homeNetwork, this)];
        }
        return this.fixed[0] as Address;
      }
    }
  }

  /** Draws a conversation's prompt kit, ids and params; returns its first request's address. */
  private startConversation(t: number): Address {
    const m = this.model;
    const p = m.hot;
    const mixed = m.mix !== null && this.chance(p.mixShare);
    const mix: FamilyMix = mixed ? (m.mix as FamilyMix) : m.main;
    const zh = m.labels.label === 'benign' && !mixed ? (this.zhUser ? 0.92 : 0.03) : mix.zh;
    this.language = this.chance(zh) ? 'zh' : 'en';
    this.kit = mix.kit(this, this.language);
    this.system = this.kit.system(this);
    this.systemTokens = this.system ? Math.ceil(this.system.length / 3.5) : 0;
    this.conversationId = this.token(20, 'conv_');
    this.turnsLeft = Math.max(1, Math.round(m.turns(this)));
    this.turn = 0;
    this.history = 0;
    const params: RequestParams = { max_tokens: Math.max(16, Math.round(m.params.maxTokens(this))) };
    params.temperature = Math.round(Math.max(0, m.params.temperature(this)) * 100) / 100;
    if (p.topPShare > 0 && this.chance(p.topPShare)) params.top_p = this.pick([0.9, 0.95, 1]);
    const n = Math.max(1, Math.round(m.params.n(this)));
    if (n > 1) params.n = n;
    this.thinking = this.chance(p.thinkingShare);
    if (this.thinking) {
      if (m.params.effort) params.reasoning_effort = m.params.effort.pick(this);
      else params.thinking_budget = Math.max(1024, Math.round(m.params.thinkingBudget(this)));
    }
    const batch = p.hasBatch && this.chance(p.batchShare);
    params.stream = !batch && this.chance(p.streamShare);
    this.toolCount = this.chance(p.toolShare) ? Math.max(1, Math.round(m.params.tools(this))) : 0;
    if (this.toolCount > 0) {
      params.tools = this.toolCount;
      params.tool_choice = 'auto';
    }
    if (batch) params.batch = true;
    this.params = params;
    return this.currentAddress(t, true);
  }

  private emitRequest(): TrafficRecord {
    const m = this.model;
    const t = this.nextTime;
    m.requestsEmitted++;
    const local = t + this.tzMs;
    const day = Math.floor(local / DAY_MS);
    if (day !== this.dayIndex) {
      this.dayIndex = day;
      this.countToday = 0;
    }
    this.countToday++;
    // Only the modes that keep an address across requests store it: where each request draws its
    // own, storing a fresh address in this long-lived actor made the young collector track it and
    // promote it.
    const perRequest = m.hot.addressPerRequest;
    let a: Address;
    if (this.turnsLeft === 0) {
      if (this.convsLeft === 0) this.convsLeft = Math.max(1, Math.round(m.conversations(this)));
      this.convsLeft--;
      a = this.startConversation(t);
      if (!perRequest) this.address = a;
    } else if (perRequest) {
      a = this.currentAddress(t, false);
    } else {
      a = this.address;
    }
    this.turn++;
    this.turnsLeft--;
    const kit = this.kit as PromptKit;
    // Drawn in this order so that a seed gives the traffic it always gave.
    const time = isoTime(t);
    const requestId = this.token(24, 'req_');
    const model = m.chooseModel(this, t);
    const endpoint = this.params.batch ? 'batch' : m.params.endpoints.pick(this);
    const drafts = this.prompts;
    let prompt: string | undefined;
    // A grammar prompt's pieces say whether it holds CJK text without scanning it.
    let drawn = false;
    let toolResults = 0;
    if (this.turn === 1) {
      if (this.corpus && this.chance(m.hot.corpusShare)) prompt = this.pick(this.corpus);
      else {
        kit.drawInto(this, drafts);
        drawn = true;
      }
    } else if (this.toolCount > 0 && this.chance(0.8)) {
      toolResults = this.int(1, 4);
      if (this.chance(0.25)) {
        m.main.followup(this.language).drawInto(this, drafts);
        drawn = true;
      }
    } else {
      m.main.followup(this.language).drawInto(this, drafts);
      drawn = true;
    }
    if (drawn) prompt = drafts.text;
    const zhText =
      prompt !== undefined &&
      (this.language === 'zh' || (this.turn === 1 && (drawn ? drafts.cjk : CJK.test(prompt))));
    const promptTokens = prompt ? Math.ceil(prompt.length / (zhText ? 1.4 : 4)) : 0;
    const toolTokens = toolResults > 0 ? Math.round(toolResults * m.usage.toolResult(this)) : 0;

    let usage: Usage | undefined;
    let status: RequestRecord['status'];
    let finish: RequestRecord['finish_reason'];
    if (this.chance(m.hot.errorRate)) {
      status = this.chance(0.7) ? 'error' : 'rate_limited';
    } else {
      const maxTokens = this.params.max_tokens ?? 4096;
      const samples = this.params.n ?? 1;
      const out = Math.min(maxTokens, Math.max(1, Math.round(m.usage.output(this))));
      usage = {
        input_tokens:
          promptTokens + this.systemTokens + this.history + toolTokens + (this.turn === 1 ? 8 : 4),
        output_tokens: out * samples,
        reasoning_tokens: undefined,
        cached_tokens: undefined,
      };
      if (this.thinking) {
        const budget = this.params.thinking_budget ?? 32_000;
        usage.reasoning_tokens = Math.min(budget, Math.max(0, Math.round(m.usage.reasoning(this)))) * samples;
      }
      if (this.turn > 1 && this.history > 0)
        usage.cached_tokens = Math.round(this.history * (0.5 + this.next() * 0.45));
      status = 'ok';
      finish = out >= maxTokens ? 'length' : this.toolCount > 0 && this.turnsLeft > 0 ? 'tool_use' : 'stop';
      this.history += promptTokens + toolTokens + out;
    }
    const image = this.turn === 1 && (kit.family === 'vision_task' || this.chance(m.hot.imageShare));
    // One literal in the order the fields are written: every request has the same shape, so the
    // encoder that reads them stays monomorphic. Absent fields are undefined, which JSON omits.
    const record: RequestRecord = {
      type: 'request',
      time,
      request_id: requestId,
      account_id: this.accountId,
      org_id: this.orgId,
      api_key_id: this.apiKeyId,
      client_ip: a.ip,
      client_asn: a.asn,
      client_network: a.network,
      client_country: a.country,
      user_agent: this.userAgent,
      tls_fingerprint: this.tls,
      model,
      endpoint,
      params: this.params,
      usage,
      status,
      finish_reason: finish,
      conversation_id: this.conversationId,
      turn: this.turn,
      system: this.system,
      prompt,
      has_image: image || undefined,
      tool_results: toolResults > 0 ? toolResults : undefined,
    };
    this.scheduleAfterRequest(t, day);
    return record;
  }

  private scheduleAfterRequest(t: number, day: number): void {
    const m = this.model;
    if (this.countToday >= this.cap) {
      // Kept under the provider's per-account limit: stop for today, resume after local midnight.
      this.turnsLeft = 0;
      this.convsLeft = 0;
      const midnight = (day + 1) * DAY_MS - this.tzMs;
      this.schedule(this.nextSessionStart(midnight + this.next() * HOUR_MS));
      return;
    }
    if (this.turnsLeft > 0) {
      this.schedule(t + Math.max(0.2, m.turnGap(this)) * 1000);
      return;
    }
    if (this.convsLeft > 0) {
      this.schedule(t + Math.max(0.02, m.conversationGap(this)) * 1000);
      return;
    }
    this.schedule(this.nextSessionStart(t));
  }
}
