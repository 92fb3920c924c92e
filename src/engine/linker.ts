// Cross-account linking. Accounts with pool-member traits (suspicion.ts) are joined when they
// share compact signatures: opening-prompt templates used mostly by such accounts, a payment
// instrument, a sign-up wave, or a client (TLS fingerprint) used mostly by them. A group that
// reaches pool size and whose members behave as one operator's pool (evidence.ts) becomes a
// campaign; its accounts are flagged at that tick, and later accounts that link to it are
// flagged on the request that links them (respawns).
import type { AccountState } from './account-state.ts';
import {
  assessPool,
  cardCountries,
  cardPool,
  dailyRates,
  evidenceLines,
  type GroupAssessment,
  MIN_POOL,
  median,
} from './evidence.ts';
import { HOUR_MS, SCHEDULE_SAMPLE, type Schedule, scheduleFit, traceSchedule } from './schedule.ts';
import { evenSample } from './sketches.ts';
import { accountSuspicion, isSeed, isSuspicious, JOIN_SCORE, type SuspicionContext } from './suspicion.ts';
import type { TemplateRegistry } from './templates.ts';
import { UnionFind } from './union-find.ts';

export interface LinkerOptions {
  /** Campaign score at or above which a linked group is a campaign. */
  campaignThreshold: number;
  /** Share of a template's accounts that must be suspect for it to link them. */
  templateSuspectShare: number;
}

export const DEFAULT_LINKER_OPTIONS: LinkerOptions = { campaignThreshold: 0.5, templateSuspectShare: 0.5 };

export interface CampaignState {
  id: string;
  /** Templates its members share, the signature a respawned account is recognised by. */
  templates: Set<string>;
  accounts: Set<string>;
  firstSeenMs: number;
  detectedMs: number;
  score: number;
  assessment: GroupAssessment;
  payments: Set<string>;
  /** Sign-up channels and client user agents of its flagged accounts. */
  channels: Set<string>;
  userAgents: Set<string>;
}

const SAMPLE = 256;
/**
 * Most times a group's median daily rate that an account joining it by its templates may
 * work at: a load balancer keeps a pool's accounts within a few tens of percent of each other.
 */
const LOAD_FIT = 4;
const WAVE_MS = 15 * 60_000;
/** How long the first suspect on a shared card waits for its card-mates before linking otherwise. */
const CARD_WAIT_MS = 24 * 3_600_000;
/** Pseudo-count for a template none of a group's members has used. */
const FIT_PRIOR = 0.1;
/**
 * Accounts a client must have been seen with before it links them: a handful of accounts that
 * happen to be the first on a popular SDK are not a shared custom client.
 */
const MIN_CLIENT_ACCOUNTS = 5;
/**
 * Share of a client's accounts that must be suspects for it to link them. Stricter than for a
 * template: an SDK version that happens to be popular with several operators' pools is shared by
 * a few ordinary users too, while a custom client is used by no one else.
 */
const CLIENT_SUSPECT_SHARE = 0.6;

/** Whether the account's daily volume is a share of work such a group gives its accounts. */
function fitsLoad(account: AccountState, groupDailyRate: number): boolean {
  return groupDailyRate <= 0 || account.settledDailyRate() <= LOAD_FIT * groupDailyRate;
}

export class Linker {
  readonly campaigns = new Map<string, CampaignState>();
  /**
   * Campaign of each template that links a campaign's accounts. A template two campaigns both
   * use is no signature of either: it stays here, so the registry keeps it, but is contested.
   */
  readonly templateCampaign = new Map<string, string>();
  private readonly contested = new Set<string>();
  /** Each group's schedule, worked out once a tick. */
  private readonly schedules = new Map<string, { nowHour: number; schedule: Schedule | null }>();
  private readonly groups = new UnionFind();
  private readonly suspects = new Set<string>();
  private readonly changed = new Set<AccountState>();
  /** Suspect accounts per payment instrument and per sign-up wave, to join on. */
  private readonly byPayment = new Map<string, string>();
  private readonly byWave = new Map<string, string>();
  /**
   * Accounts, and suspect accounts, per client (AccountState#clientKey). A client most of whose
   * accounts are suspects is no popular SDK.
   */
  private readonly clientAccounts = new Map<string, number>();
  private readonly clientSuspects = new Map<string, number>();
  /** The first SAMPLE suspects of each client, whose groups a client's vote goes to. */
  private readonly clientSample = new Map<string, string[]>();
  /** Campaign id per union-find root, so a group keeps its id as it grows. */
  private readonly rootCampaign = new Map<string, string>();
  private nextId = 1;

  constructor(
    private readonly accounts: Map<string, AccountState>,
    private readonly templates: TemplateRegistry,
    private readonly context: SuspicionContext,
    private readonly options: LinkerOptions = DEFAULT_LINKER_OPTIONS,
  ) {}

  /** An account made a request: judged at the next tick, or at once if it touches a campaign. */
  onRequest(account: AccountState, templateKey: string | null, nowMs: number): void {
    if (account.clientKey !== null && !account.clientCounted) {
      account.clientCounted = true;
      this.clientAccounts.set(account.clientKey, (this.clientAccounts.get(account.clientKey) ?? 0) + 1);
      if (this.suspects.has(account.id)) this.countClientSuspect(account);
    }
    if (account.flagged || account.allowlisted) return;
    this.changed.add(account);
    // An account already linked to others is judged with its group at the tick; the fast path
    // is for newcomers, so that one shared template cannot pull another pool into a campaign.
    if (this.suspects.has(account.id) && this.groups.members(account.id).length > 1) return;
    const campaignId =
      templateKey && !this.contested.has(templateKey) ? this.templateCampaign.get(templateKey) : undefined;
    if (campaignId) account.campaignRequests += 1;
    const payment = account.paymentFp();
    const viaPayment = payment ? this.paymentCampaign(payment) : undefined;
    // The campaign's signature: its payment instrument, or two opening prompts on its templates.
    const target = viaPayment ?? (account.campaignRequests >= 2 ? campaignId : undefined);
    if (!target) return;
    const suspicion = accountSuspicion(account, this.context);
    if (!suspicion.seedsAlone && !isSuspicious(suspicion, JOIN_SCORE)) return;
    const campaign = this.campaigns.get(target);
    if (!campaign || (target !== viaPayment && !this.runsLike(account, campaign, nowMs))) return;
    this.join(account);
    this.groups.union(account.id, campaign.accounts.values().next().value ?? account.id);
    this.flag(account, campaign, nowMs, suspicion.traits);
  }

  /**
   * Templates can be shared by two operators; a respawned account also pays, signs up and
   * connects the way the campaign's accounts do, and works the hours its scheduler runs.
   */
  private runsLike(account: AccountState, campaign: CampaignState, nowMs: number): boolean {
    // A card the campaign has never paid with says this may be someone else's pool: let the
    // account prove itself through its own group at the next tick instead.
    if (!this.paysLike(account, campaign.payments)) return false;
    // A pool's scheduler gives each account a like share of the work; an account that does many
    // times that share (an evaluation harness that runs the same public questions) is not one.
    if (!fitsLoad(account, campaign.assessment.dailyRate)) return false;
    const channel = account.signupChannel();
    const agent = account.userAgents.top(1)[0]?.key;
    // Logs without user agents: neither side has one, and absence proves nothing either way.
    const agentFits = agent === undefined ? campaign.userAgents.size === 0 : campaign.userAgents.has(agent);
    if (!(channel === null || campaign.channels.has(channel)) || !agentFits) return false;
    const member = campaign.accounts.values().next().value;
    return member === undefined || this.scheduleFit(account, this.groups.find(member), nowMs) >= 0;
  }

  /**
   * A ban is news about the account (its `banned` trait): it is judged again at the next tick,
   * though a banned account makes no more requests to put it there.
   */
  onBan(account: AccountState): void {
    if (!account.flagged && !account.allowlisted) this.changed.add(account);
  }

  /**
   * Whether the account pays as accounts paying with `cards` do: with one of those cards, or,
   * where those are cards of one account each (some operators buy a virtual card for each
   * account), with a card of its own. A card of its own beside accounts that share theirs, or a
   * shared card none of them uses, says it is someone else's.
   */
  private paysLike(account: AccountState, cards: ReadonlySet<string>): boolean {
    const payment = account.paymentFp();
    if (payment === null || cards.size === 0 || cards.has(payment)) return true;
    const holders = (card: string) => this.context.paymentAccounts.get(card) ?? 0;
    if (holders(payment) >= 2) return false;
    let own = 0;
    for (const card of cards) if (holders(card) <= 1) own += 1;
    return own * 2 > cards.size;
  }

  /**
   * `fitsLoad` against the median daily rate of a group's accounts (of a sample), the median a
   * campaign's assessment keeps (`GroupAssessment.dailyRate`).
   */
  private fitsGroupLoad(account: AccountState, root: string): boolean {
    return fitsLoad(
      account,
      median(dailyRates(this.sampleAccounts(this.groups.members(root), SCHEDULE_SAMPLE))),
    );
  }

  /** The payment instruments of a group's accounts (of a sample, for a large group). */
  private groupCards(root: string): Set<string> {
    const cards = new Set<string>();
    for (const member of this.sampleAccounts(this.groups.members(root), SAMPLE)) {
      const card = member.paymentFp();
      if (card !== null) cards.add(card);
    }
    return cards;
  }

  onAllowlist(account: AccountState): void {
    account.allowlisted = true;
    if (account.flagged && account.campaignId)
      this.campaigns.get(account.campaignId)?.accounts.delete(account.id);
    account.flagged = false;
    account.campaignId = null;
  }

  /** Judges accounts that changed, links the suspect ones, and flags groups that form campaigns. */
  tick(nowMs: number): void {
    if (this.changed.size === 0) return;
    this.schedules.clear();
    const touched = new Set<string>();
    for (const account of this.changed) {
      if (account.flagged || account.allowlisted) continue;
      const suspicion = accountSuspicion(account, this.context);
      // Strong suspects may start a group; weaker ones may only join one that is a campaign.
      const seed = isSeed(suspicion);
      if (!seed && !isSuspicious(suspicion, JOIN_SCORE)) continue;
      this.join(account);
      this.linkAccount(account, nowMs, !seed);
      const root = this.groups.find(account.id);
      if (seed || this.groups.members(root).length > 1) touched.add(root);
    }
    this.changed.clear();
    for (const root of touched) this.judgeGroup(this.groups.find(root), nowMs);
  }

  private join(account: AccountState): void {
    if (this.suspects.has(account.id)) return;
    this.suspects.add(account.id);
    this.groups.add(account.id);
    if (account.clientCounted && account.clientKey !== null) this.countClientSuspect(account);
  }

  private countClientSuspect(account: AccountState): void {
    const client = account.clientKey as string;
    this.clientSuspects.set(client, (this.clientSuspects.get(client) ?? 0) + 1);
    const sample = this.clientSample.get(client);
    if (sample === undefined) this.clientSample.set(client, [account.id]);
    else if (sample.length < SAMPLE) sample.push(account.id);
  }

  /** Whether CLIENT_SUSPECT_SHARE of the accounts seen with this client are suspects. */
  private readonly linkingClient = (client: string | null): client is string => {
    if (client === null) return false;
    const accounts = this.clientAccounts.get(client) ?? 0;
    const suspects = this.clientSuspects.get(client) ?? 0;
    return accounts >= MIN_CLIENT_ACCOUNTS && suspects >= accounts * CLIENT_SUSPECT_SHARE;
  };

  /**
   * Joins the account, once, to the one group it fits best, rather than to every group it
   * touches, so that one generic template cannot chain two operators' pools together.
   */
  private linkAccount(account: AccountState, nowMs: number, campaignsOnly = false): void {
    // An account joins a group once; later votes would merge whole groups through it.
    if (this.groups.members(account.id).length > 1) return;
    const votes = new Map<string, number>();
    const vote = (memberId: string, weight: number) => {
      const root = this.groups.find(memberId);
      if (root !== this.groups.find(account.id)) votes.set(root, (votes.get(root) ?? 0) + weight);
    };
    // A template votes for the groups its suspect users belong to, in proportion: one used by
    // two pools alike gives each half a vote, one a pool has to itself gives it a whole vote.
    const templateVotes = new Map<string, number>();
    // Templates each group shares with the account, for when no group gathers two votes.
    const sharedTemplates = new Map<string, number>();
    let linkingTemplates = 0;
    /**
     * Per template other suspects use too, its suspect users in each group: what the account's
     * templates say about which group it belongs to, including those too widely used to link by.
     */
    const uses: Map<string, number>[] = [];
    /** Counts a signature's other suspect users per group; `linkable` says if it links them. */
    const tally = (ids: Iterable<string>, linkable: (suspect: number) => boolean): void => {
      let suspect = 0;
      const perRoot = new Map<string, number>();
      for (const id of ids) {
        if (!this.suspects.has(id) || id === account.id) continue;
        suspect += 1;
        const root = this.groups.find(id);
        perRoot.set(root, (perRoot.get(root) ?? 0) + 1);
      }
      const linking = suspect > 0 && linkable(suspect);
      if (linking || suspect >= 2) uses.push(perRoot);
      if (!linking) return;
      linkingTemplates += 1;
      for (const [root, n] of perRoot) {
        templateVotes.set(root, (templateVotes.get(root) ?? 0) + n / suspect);
        sharedTemplates.set(root, (sharedTemplates.get(root) ?? 0) + 1);
      }
    };
    for (const key of account.templates.keys) {
      const group = this.templates.get(key);
      if (!group || group.accountCount < 2) continue;
      tally(
        group.accounts.keys(),
        (suspect) => suspect + 1 >= group.accounts.size * this.options.templateSuspectShare,
      );
    }
    // A client most of whose accounts are suspects (a custom harvesting client, not a popular
    // SDK) is one more signature the account shares, worth a template: it links only beside one.
    const client = account.clientKey;
    if (this.linkingClient(client)) tally(this.clientSample.get(client) ?? [], () => true);
    // One shared template may be coincidence; two are a shared script. Templates can be
    // public, though, while a payment instrument belongs to one operator: it weighs more.
    for (const [root, n] of templateVotes) if (n >= 1.5) vote(root, Math.min(n, 3));
    const payment = account.paymentFp();
    if (payment) {
      const member = this.byPayment.get(payment);
      if (member === undefined) this.byPayment.set(payment, account.id);
      else vote(member, 4);
    }
    if (account.createdMs !== null) {
      const wave = `${account.signupChannel() ?? '-'}:${Math.floor(account.createdMs / WAVE_MS)}`;
      const member = this.byWave.get(wave);
      if (member === undefined) this.byWave.set(wave, account.id);
      else vote(member, 1);
    }
    let best: string | null = null;
    const payer = payment ? this.byPayment.get(payment) : undefined;
    if (
      payer === account.id &&
      (this.context.paymentAccounts.get(payment!) ?? 0) >= 3 &&
      account.firstMs > nowMs - CARD_WAIT_MS
    ) {
      // The first suspect on a card that several accounts were created with: its card-mates link
      // to it as they turn suspect. Joining another group by templates now would take the whole
      // card's pool with it (they follow the card), so one wrong guess costs dozens of accounts.
      return;
    }
    if (payer !== undefined && this.groups.find(payer) !== this.groups.find(account.id)) {
      // A payment instrument belongs to one operator: its group wins outright.
      best = this.groups.find(payer);
    } else if (sharedTemplates.size > 0) {
      // Several operators may run the same public templates; the bigger pool then holds more of
      // every one of them. Choose the group whose members use these templates most typically.
      best = this.bestFit(account, uses, sharedTemplates, nowMs);
    }
    if (best === null) return;
    const shared = sharedTemplates.get(best) ?? 0;
    // One shared template may be coincidence; two votes are a shared script. A pool's script
    // spread over several groups splits each template's vote between them, and logs without
    // sign-up records give no payment or wave votes: an account that shares most of its linking
    // templates, and at least three, with one group still belongs with it.
    const byScript = shared >= Math.max(3, Math.ceil(linkingTemplates / 2));
    if ((votes.get(best) ?? 0) < 2 && !byScript) return;
    if (campaignsOnly) {
      // A weaker suspect joins a campaign only if it also pays, signs up and connects like it,
      // and another group only on a shared script (most of its linking templates, three or more,
      // used mostly by suspects) if it pays like that group. Pools that pay with a card per
      // account from addresses that stay put have few members strong enough to seed, and would
      // otherwise never gather.
      const campaign = this.campaigns.get(this.rootCampaign.get(best) ?? '');
      if (campaign) {
        if (!this.runsLike(account, campaign, nowMs)) return;
      } else if (
        !byScript ||
        !this.paysLike(account, this.groupCards(best)) ||
        !this.fitsGroupLoad(account, best)
      )
        return;
    }
    this.groups.union(account.id, best);
  }

  /**
   * Of the groups the account shares templates with, the one under which its templates and its
   * hours are most likely: the product over its templates of the share of the group's members
   * that use each (smoothed), so that a small pool that uses exactly these templates beats a
   * large one that uses them among many others, times how well the group's schedule explains
   * the hours the account worked.
   */
  private bestFit(
    account: AccountState,
    uses: readonly Map<string, number>[],
    candidates: ReadonlyMap<string, number>,
    nowMs: number,
  ): string | null {
    let best: string | null = null;
    let bestFit = Number.NEGATIVE_INFINITY;
    for (const root of candidates.keys()) {
      const size = this.groups.members(root).length;
      // A group whose schedule the account's hours contradict is not its pool, even the only one.
      let fit = this.scheduleFit(account, root, nowMs);
      if (fit < 0) continue;
      for (const perRoot of uses) fit += Math.log(((perRoot.get(root) ?? 0) + FIT_PRIOR) / (size + 1));
      if (fit > bestFit || (fit === bestFit && best !== null && size > this.groups.members(best).length)) {
        best = root;
        bestFit = fit;
      }
    }
    return best;
  }

  /** How well a group's schedule explains the account's busy hours (see schedule.ts). */
  private scheduleFit(account: AccountState, root: string, nowMs: number): number {
    const nowHour = Math.floor(nowMs / HOUR_MS);
    let cached = this.schedules.get(root);
    if (cached === undefined || cached.nowHour !== nowHour) {
      const members = this.sampleAccounts(this.groups.members(root), SCHEDULE_SAMPLE);
      cached = { nowHour, schedule: traceSchedule(members, nowHour) };
      this.schedules.set(root, cached);
    }
    return cached.schedule === null ? 0 : scheduleFit(account, cached.schedule);
  }

  /** The states of at most about `n` of these accounts, spread evenly over the list. */
  private sampleAccounts(ids: readonly string[], n: number): AccountState[] {
    return evenSample(ids, n)
      .map((id) => this.accounts.get(id))
      .filter((a): a is AccountState => a !== undefined);
  }

  private paymentCampaign(payment: string): string | undefined {
    const member = this.byPayment.get(payment);
    if (member === undefined) return undefined;
    return this.rootCampaign.get(this.groups.find(member));
  }

  /**
   * Assesses every campaign again on all the accounts it holds now, so that its evidence speaks
   * for the whole campaign (its schedule over the whole period, the bans since it was found)
   * rather than for the accounts it had when it was detected. Its score never falls by it.
   */
  reassess(nowMs: number): void {
    for (const campaign of this.campaigns.values()) {
      const members = this.sampleAccounts([...campaign.accounts], SAMPLE);
      if (members.length === 0) continue;
      const assessment = assessPool({
        members,
        totalAccounts: campaign.accounts.size,
        cardAccounts: cardPool(members, this.context.paymentAccounts),
        cardCountries: cardCountries(members, this.context.paymentCountries),
        nowMs,
        linkingClient: this.linkingClient,
      });
      campaign.assessment = assessment;
      campaign.score = Math.max(campaign.score, assessment.score);
    }
  }

  private judgeGroup(root: string, nowMs: number): void {
    const members = this.groups.members(root);
    // Accounts at work on cards that a pool's worth of accounts signed up with are judged as that
    // pool; otherwise the group itself must be one. Two such accounts, or one behind a proxy
    // pool's exits (a lab or a team on one card works from addresses of its own).
    if (members.length === 1 && !this.onPoolExits(members[0]!)) return;
    const accounts = this.sampleAccounts(members, SAMPLE);
    const cardAccounts = cardPool(accounts, this.context.paymentAccounts);
    if (members.length < MIN_POOL && cardAccounts < MIN_POOL) return;
    const assessment = assessPool({
      members: accounts,
      totalAccounts: members.length,
      cardAccounts,
      cardCountries: cardCountries(accounts, this.context.paymentCountries),
      nowMs,
      linkingClient: this.linkingClient,
    });
    if (assessment.score < this.options.campaignThreshold) return;
    const campaign = this.campaignOf(root, members, assessment, nowMs);
    for (const id of members) {
      const account = this.accounts.get(id);
      if (account && !account.flagged && !account.allowlisted) {
        this.flag(account, campaign, nowMs, accountSuspicion(account, this.context).traits);
      }
    }
  }

  /** Whether a lone suspect's addresses are a rotating proxy pool's exits (`Suspicion.poolExits`). */
  private onPoolExits(id: string): boolean {
    const account = this.accounts.get(id);
    return account !== undefined && accountSuspicion(account, this.context).poolExits;
  }

  /** The campaign of this group: an existing one if any member already has one, else a new id. */
  private campaignOf(
    root: string,
    members: string[],
    assessment: GroupAssessment,
    nowMs: number,
  ): CampaignState {
    let id = this.rootCampaign.get(root);
    if (!id) {
      // A group inherits a campaign only when most of its already-flagged members are in it:
      // one member that joined another campaign early must not carry the whole group there.
      const votes = new Map<string, number>();
      let flagged = 0;
      for (const m of members) {
        const existing = this.accounts.get(m)?.campaignId;
        if (!existing) continue;
        flagged += 1;
        votes.set(existing, (votes.get(existing) ?? 0) + 1);
      }
      for (const [candidate, n] of votes)
        if (n * 2 > flagged && n * 2 >= members.length * 0.2) id = candidate;
    }
    let campaign = id ? this.campaigns.get(id) : undefined;
    if (!campaign) {
      id = `C-${String(this.nextId++).padStart(4, '0')}`;
      campaign = {
        id,
        templates: new Set(),
        accounts: new Set(),
        firstSeenMs: nowMs,
        detectedMs: nowMs,
        score: assessment.score,
        assessment,
        payments: new Set(),
        channels: new Set(),
        userAgents: new Set(),
      };
      this.campaigns.set(id, campaign);
    }
    this.rootCampaign.set(root, campaign.id);
    if (assessment.score >= campaign.score || campaign.accounts.size < assessment.accounts) {
      campaign.score = Math.max(campaign.score, assessment.score);
      campaign.assessment = assessment;
    }
    return campaign;
  }

  private flag(account: AccountState, campaign: CampaignState, nowMs: number, traits: string[]): void {
    account.flagged = true;
    account.firstFlaggedMs = nowMs;
    account.campaignId = campaign.id;
    campaign.accounts.add(account.id);
    campaign.firstSeenMs = Math.min(campaign.firstSeenMs, account.firstMs);
    const payment = account.paymentFp();
    // Said only when another of the campaign's accounts paid with it first.
    const sharedPayment = payment !== null && campaign.payments.has(payment);
    if (payment) campaign.payments.add(payment);
    const channel = account.signupChannel();
    if (channel) campaign.channels.add(channel);
    for (const { key } of account.userAgents.top(2)) campaign.userAgents.add(key);
    // Its opening-prompt templates that are mostly the campaign's own become its signature;
    // templates everyone uses (greetings, common tasks) never do.
    // For the reason: templates the account shares with another account of its group or campaign.
    const root = this.groups.find(account.id);
    let shared = 0;
    for (const key of account.templates.keys) {
      const group = this.templates.get(key);
      if (!group || group.accountCount < 2) continue;
      for (const [id] of group.accounts) {
        if (id !== account.id && (campaign.accounts.has(id) || this.groups.find(id) === root)) {
          shared += 1;
          break;
        }
      }
      // Mostly used by flagged accounts (of this or another campaign): a pool's template, not
      // everyone's. A pool split across several campaigns still owns its templates together.
      let flaggedUsers = 0;
      for (const [id] of group.accounts)
        if (campaign.accounts.has(id) || this.accounts.get(id)?.flagged) flaggedUsers += 1;
      if (flaggedUsers < 2 || flaggedUsers * 2 < group.accounts.size) continue;
      campaign.templates.add(key);
      const owner = this.templateCampaign.get(key);
      if (owner === undefined) this.templateCampaign.set(key, campaign.id);
      else if (owner !== campaign.id) this.contested.add(key);
    }
    account.reasons = [
      `linked to campaign ${campaign.id} (${campaign.accounts.size} accounts so far) through ${shared} shared prompt template${shared === 1 ? '' : 's'}${sharedPayment ? ', its payment instrument' : ''}${account.createdMs === null ? '' : ' or its sign-up wave'}`,
      `pool-member traits: ${traits.join(', ')}`,
      ...evidenceLines(campaign.assessment),
    ];
    const elicited = account.share(account.elicitationHits);
    if (elicited >= 0.2) {
      const cue = account.cues.top(1)[0]?.key;
      account.reasons.push(
        `${Math.round(elicited * 100)}% of its requests ask for reasoning traces${cue ? ` (${cue})` : ''}`,
      );
    }
    if (account.ipRotation() >= 0.3) {
      account.reasons.push(
        `used ${account.ips.estimate()} client addresses for ${account.requests} requests`,
      );
    }
  }
}
