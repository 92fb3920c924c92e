// Compiles one scenario population into what its accounts share at run time: samplers,
// prompt kits, network and client choosers, groups, shared shift windows, calibrated rates.
import { compileChoice, compileDist, type DistSpec, meanOf, type Sampler } from './distributions.ts';
import { NetworkChooser as Chooser, ClientChooser, type NetworkChooser, type NetworkInfo } from './infra.ts';
import { PromptKit } from './prompts/sampler.ts';
import type { Language, PromptFamily } from './prompts/types.ts';
import { PROMPT_FAMILIES } from './prompts/types.ts';
import { hashString, Rng, WeightedTable } from './rng.ts';
import type { PopulationSpec, Scenario } from './scenario.ts';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

// A population's realised volume is the sum of its accounts' rates: with few accounts and a
// heavy-tailed rate the sum usually falls well short of its mean (a handful of draws rarely
// reach the tail). The lognormal spread is narrowed until that sum's relative spread is ~25 %.
function narrowSpread(spec: DistSpec, accounts: number): DistSpec {
  const [median, sigma] = (spec.lognormal ?? []) as [number?, number?];
  if (median === undefined || sigma === undefined || accounts <= 0) return spec;
  const widest = Math.sqrt(Math.log(1 + 0.0625 * accounts));
  return sigma <= widest ? spec : { ...spec, lognormal: [median, widest] };
}

/** Prompt families of one mix (main traffic, or a reseller's ordinary customers). */
export class FamilyMix {
  private readonly table: WeightedTable<PromptFamily>;
  /** Each language's kits, in the order of `table.items`. */
  private readonly kits: Record<Language, PromptKit[]> = { en: [], zh: [] };

  constructor(
    weights: Record<string, number>,
    readonly zh: number,
    subset: number,
    seed: number,
  ) {
    for (const f of Object.keys(weights)) {
      if (!(PROMPT_FAMILIES as readonly string[]).includes(f)) throw new Error(`unknown prompt family ${f}`);
    }
    this.table = new WeightedTable(Object.entries(weights) as [PromptFamily, number][]);
    for (const family of this.table.items) {
      for (const lang of ['en', 'zh'] as const)
        this.kits[lang].push(new PromptKit(family, lang, subset, seed));
    }
  }

  kit(rng: Rng, language: Language): PromptKit {
    return (this.kits[language] as PromptKit[])[this.table.pickIndex(rng)] as PromptKit;
  }

  followup(language: Language): PromptKit {
    return followupKits[language];
  }
}

const followupKits = { en: new PromptKit('followup', 'en'), zh: new PromptKit('followup', 'zh') };

export interface Labels {
  label: 'benign' | 'attack';
  archetype: string;
  operator?: string;
  campaign?: string;
}

/** See `PopulationModel#hot`. */
export interface HotSpec {
  ipMode: PopulationSpec['infra']['ipMode'];
  /**
   * Whether each request draws its address (rotating per request, or one of a NAT's exits)
   * rather than keeping its conversation's.
   */
  addressPerRequest: boolean;
  mobileShare: number;
  mixShare: number;
  corpusShare: number;
  topPShare: number;
  thinkingShare: number;
  /** Whether the spec names a batch share (a share of 0 still draws, as it always has). */
  hasBatch: boolean;
  batchShare: number;
  streamShare: number;
  toolShare: number;
  imageShare: number;
  errorRate: number;
}

export class PopulationModel {
  readonly spec: PopulationSpec;
  readonly seed: number;
  readonly accounts: number;
  readonly labels: Labels;
  readonly start: number;
  readonly end: number;
  readonly activeFrom: number;
  readonly activeUntil: number;
  readonly profile: Float64Array;
  readonly profileMax: number;
  readonly weekend: number;
  readonly timezones: WeightedTable<string>;
  sessionsPerDay: Sampler;
  rateFactor = 1;
  /**
   * Requests and bans this population's actors have emitted: the run's summary reads them here,
   * as looking each record's account up in a map missed the cache on every event at scale.
   */
  requestsEmitted = 0;
  bansEmitted = 0;
  readonly conversations: Sampler;
  readonly turns: Sampler;
  readonly turnGap: Sampler;
  readonly conversationGap: Sampler;
  readonly dailyCap: Sampler | null;
  /** Sorted [on, off) pairs in ms, or null when the population has no shared schedule. */
  readonly shifts: Float64Array | null;
  readonly shiftOnFraction: number;
  readonly main: FamilyMix;
  readonly mix: FamilyMix | null;
  readonly params: {
    endpoints: WeightedTable<string>;
    maxTokens: Sampler;
    temperature: Sampler;
    n: Sampler;
    thinkingBudget: Sampler;
    effort: WeightedTable<string> | null;
    tools: Sampler;
  };
  readonly usage: { output: Sampler; reasoning: Sampler; toolResult: Sampler };
  /**
   * The spec's numbers that every request or conversation reads, copied into one object of one
   * shape: the spec objects come from JSON in as many shapes as there are populations, and their
   * property reads were megamorphic (a hash lookup each) on the simulator's hottest path.
   */
  readonly hot: HotSpec;
  readonly networks: NetworkChooser;
  readonly mobile: NetworkChooser | null;
  readonly signupNetworks: NetworkChooser;
  readonly clients: ClientChooser;
  readonly models: WeightedTable<string>;
  readonly adoption: { model: string; share: number; rampMs: number; at: number } | null;
  readonly channels: WeightedTable<string>;
  readonly verification: WeightedTable<string>;
  readonly emailDomains: WeightedTable<string>;
  readonly billing: WeightedTable<string>;
  readonly lifetime: Sampler | null;
  readonly respawnDelay: Sampler;
  readonly banReasons: WeightedTable<string> | null;
  /** Group index per account slot (families, offices, card-sharing subsets). */
  readonly groupOf: Int32Array;
  readonly groupCount: number;

  constructor(
    scenario: Scenario,
    spec: PopulationSpec,
    index: number,
    scale: number,
    seed: number,
    networks: readonly NetworkInfo[],
  ) {
    this.spec = spec;
    this.seed = hashString(`${spec.archetype}#${index}`, seed >>> 0);
    const rng = new Rng(this.seed, 1);
    const wanted = spec.accounts * scale;
    // Small populations keep at least one account and shrink its volume instead.
    this.accounts = wanted <= 0 ? 0 : Math.max(1, Math.round(wanted));
    const volumeFactor = this.accounts > 0 ? wanted / this.accounts : 0;
    this.labels = { label: spec.label, archetype: spec.archetype };
    if (spec.operator) this.labels.operator = spec.operator;
    if (spec.campaign) this.labels.campaign = spec.campaign;

    this.start = Date.parse(scenario.start);
    this.end = this.start + scenario.days * DAY_MS;
    const releaseDay = scenario.releases[0]?.day ?? 0;
    const dayOf = (d: number | undefined, fallback: number) => (d === undefined ? fallback : d);
    this.activeFrom = this.start + dayOf(spec.activity.activeFromDay, 0) * DAY_MS;
    this.activeUntil = Math.min(
      this.end,
      this.start + dayOf(spec.activity.activeUntilDay, scenario.days) * DAY_MS,
    );

    const a = spec.activity;
    const mean = a.diurnal.reduce((s, x) => s + x, 0) / 24 || 1;
    this.profile = Float64Array.from(a.diurnal, (x) => x / mean);
    this.profileMax = Math.max(...this.profile);
    this.weekend = a.weekend;
    this.timezones = compileChoice(a.timezones);
    this.conversations = compileDist(a.conversationsPerSession);
    this.turns = compileDist(a.turnsPerConversation);
    this.turnGap = compileDist(a.turnGapSeconds);
    this.conversationGap = compileDist(a.conversationGapSeconds);
    this.dailyCap = a.dailyCap ? compileDist(a.dailyCap) : null;
    [this.shifts, this.shiftOnFraction] = a.shifts ? this.buildShifts(a.shifts, rng) : [null, 1];

    const subset = spec.prompts.templateSubset ?? 1;
    this.main = new FamilyMix(spec.prompts.families, spec.prompts.zh, subset, this.seed);
    this.mix = spec.mix ? new FamilyMix(spec.mix.families, spec.mix.zh, 1, this.seed) : null;

    const p = spec.params;
    this.params = {
      endpoints: compileChoice(p.endpoints),
      maxTokens: compileDist(p.maxTokens),
      temperature: compileDist(p.temperature),
      n: compileDist(p.n),
      thinkingBudget: compileDist(p.thinkingBudget),
      effort: p.reasoningEffort ? compileChoice(p.reasoningEffort) : null,
      tools: compileDist(p.tools),
    };
    this.hot = {
      ipMode: spec.infra.ipMode,
      addressPerRequest: spec.infra.ipMode === 'rotate_request' || spec.infra.ipMode === 'nat',
      mobileShare: spec.infra.mobileShare ?? 0,
      mixShare: spec.mix?.share ?? 0,
      corpusShare: spec.prompts.corpus?.share ?? 0,
      topPShare: p.topPShare ?? 0,
      thinkingShare: p.thinkingShare,
      hasBatch: p.batchShare !== undefined,
      batchShare: p.batchShare ?? 0,
      streamShare: p.stream,
      toolShare: p.toolShare,
      imageShare: p.imageShare,
      errorRate: spec.usage.errorRate,
    };
    this.usage = {
      output: compileDist(spec.usage.outputTokens),
      reasoning: compileDist(spec.usage.reasoningTokens),
      toolResult: compileDist(spec.usage.toolResultTokens),
    };

    const weights = new Map(scenario.networks.map((n) => [n.name, n.weight]));
    this.networks = new Chooser(networks, spec.infra.networks, spec.infra.countries, weights);
    this.mobile =
      (spec.infra.mobileShare ?? 0) > 0
        ? new Chooser(networks, { mobile: 1 }, spec.infra.countries, weights)
        : null;
    // People sign up from a browser at home or work, whatever their traffic later runs on.
    this.signupNetworks = new Chooser(
      networks,
      { residential: 3, business: 1, mobile: 1 },
      spec.signup.billingCountries,
      weights,
    );
    this.clients = new ClientChooser(scenario, spec.infra.clients);
    this.models = compileChoice(spec.models.base);
    const adoption = spec.models.adoption;
    const release = adoption ? scenario.releases.find((r) => r.model === adoption.model) : undefined;
    this.adoption =
      adoption && release
        ? {
            model: adoption.model,
            share: adoption.share,
            rampMs: adoption.rampHours * HOUR_MS,
            at: this.start + release.day * DAY_MS,
          }
        : null;

    const s = spec.signup;
    this.channels = compileChoice(s.channels);
    this.verification = compileChoice(s.verification);
    this.emailDomains = compileChoice(s.emailDomains);
    this.billing = compileChoice(s.billingCountries);
    const e = spec.enforcement;
    this.lifetime = e?.lifetimeDays ? compileDist(e.lifetimeDays) : null;
    this.respawnDelay = compileDist(e?.respawnMinutes ?? { const: 5 });
    this.banReasons = e ? compileChoice(e.reasons) : null;

    const sizes = compileDist(spec.grouping?.size ?? { const: 1 });
    this.groupOf = new Int32Array(this.accounts);
    let group = 0;
    for (let i = 0; i < this.accounts; ) {
      const size = Math.max(1, Math.round(sizes(rng)));
      for (let k = 0; k < size && i < this.accounts; k++, i++) this.groupOf[i] = group;
      group++;
    }
    this.groupCount = Math.max(1, group);

    const sessions = narrowSpread(a.sessionsPerDay, this.accounts);
    this.sessionsPerDay = compileDist(sessions);
    this.rateFactor =
      a.targetRequests === undefined
        ? volumeFactor
        : this.calibration(a.targetRequests * scale, sessions, releaseDay, rng);
  }

  /** Shared on/off windows over the whole span: the operator's job scheduler, one for all slots. */
  private buildShifts(
    spec: NonNullable<PopulationSpec['activity']['shifts']>,
    rng: Rng,
  ): [Float64Array, number] {
    const on = compileDist(spec.onHours);
    const off = compileDist(spec.offHours);
    const windows: number[] = [];
    let t = this.start - DAY_MS;
    let onTotal = 0;
    while (t < this.end) {
      const length = Math.max(0.25, on(rng)) * HOUR_MS;
      windows.push(t, t + length);
      onTotal += length;
      t += length + Math.max(0, off(rng)) * HOUR_MS;
    }
    return [Float64Array.from(windows), onTotal / (t - (this.start - DAY_MS))];
  }

  /**
   * The factor on per-account session rates that makes the population's expected requests meet
   * its target. A session keeps its account busy until its last turn and the next one starts
   * after it, so an account drawing `r` sessions a day manages about r / (1 + r * busy): rates
   * are raised to make up for that, found by bisection since the total rises with the factor.
   */
  private calibration(target: number, sessions: DistSpec, releaseDay: number, rng: Rng): number {
    if (this.accounts === 0) return 1;
    const a = this.spec.activity;
    const conversations = meanOf(a.conversationsPerSession, rng);
    const turns = meanOf(a.turnsPerConversation, rng);
    const perSession = conversations * turns;
    const busyDays =
      (conversations * Math.max(0, turns - 1) * meanOf(a.turnGapSeconds, rng) +
        Math.max(0, conversations - 1) * meanOf(a.conversationGapSeconds, rng)) /
      86_400;
    const weekly = (5 + 2 * this.weekend) / 7;
    const draw = compileDist(sessions);
    const rates = Float64Array.from({ length: 1000 }, () => Math.max(0, draw(rng)) * weekly);
    let days = 0;
    const samples = 2000;
    for (let i = 0; i < samples; i++) {
      const created = this.creationTime(rng, i % Math.max(1, this.accounts), releaseDay);
      days += Math.max(0, this.activeUntil - Math.max(created, this.activeFrom)) / DAY_MS;
    }
    const perAccount = (days / samples) * (1 - (a.dormant ?? 0)) * perSession;
    // Hour by hour, since a diurnal peak (nightly batches) saturates long before the daily mean
    // does; each hour's rate is averaged over a session's length, which is what one session spans.
    const span = Math.min(24, Math.max(1, Math.round(busyDays * 24)));
    const profile = Array.from(this.profile, (_w, h) => {
      let sum = 0;
      for (let k = 0; k < span; k++) sum += this.profile[(h + k) % 24] as number;
      return sum / span;
    });
    const expected = (factor: number): number => {
      let sessionsPerDay = 0;
      for (const r of rates) {
        for (const weight of profile) {
          const rate = factor * r * weight;
          sessionsPerDay += rate / (1 + rate * busyDays);
        }
      }
      return this.accounts * perAccount * (sessionsPerDay / (rates.length * profile.length));
    };
    if (!(expected(1) > 0)) return 1;
    // Past what sequential sessions can deliver the target is unreachable; the cap keeps rates finite.
    let lo = 0;
    let hi = 1;
    while (expected(hi) < target && hi < 1e9) hi *= 2;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (expected(mid) < target) lo = mid;
      else hi = mid;
    }
    return hi;
  }

  /** When a slot's first account was created: before the span, in a sign-up wave, or during it. */
  creationTime(rng: Rng, slot: number, releaseDay: number): number {
    const s = this.spec.signup;
    const u = rng.next();
    if (u < s.existing) return this.start - rng.next() * (s.historyDays ?? 365) * DAY_MS - 60_000;
    const waves = s.waves ?? [];
    let acc = s.existing;
    for (const w of waves) {
      acc += (1 - s.existing) * w.fraction;
      if (u < acc) {
        const day = w.at === 'release' ? releaseDay : w.at;
        // Accounts of a wave register in quick succession, in slot order with jitter.
        const position = (slot % 997) / 997;
        return this.start + day * DAY_MS + (position * 0.8 + rng.next() * 0.2) * w.hours * HOUR_MS;
      }
    }
    return this.activeFrom + rng.next() * Math.max(0, this.activeUntil - this.activeFrom);
  }

  /** The first shift boundary at or after t: t itself when inside a window. */
  inShift(t: number): number {
    const w = this.shifts;
    if (!w) return t;
    let lo = 0;
    let hi = w.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((w[mid * 2 + 1] as number) <= t) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= w.length / 2) return Number.POSITIVE_INFINITY;
    const on = w[lo * 2] as number;
    return Math.max(t, on);
  }

  chooseModel(rng: Rng, t: number): string {
    const ad = this.adoption;
    if (ad && t >= ad.at) {
      const share = ad.rampMs > 0 ? ad.share * Math.min(1, (t - ad.at) / ad.rampMs) : ad.share;
      if (rng.next() < share) return ad.model;
    }
    return this.models.pick(rng);
  }
}
