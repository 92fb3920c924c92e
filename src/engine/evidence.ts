// Judges whether a group of linked accounts behaves like one operator's pool.
// Each family of evidence is scored 0..1 and worded for an analyst; no single family is
// enough, because each one alone also describes some benign population.
import { type AccountState, PROGRAM_CHANNELS } from './account-state.ts';
import { SCHEDULE_SAMPLE, traceSchedule } from './schedule.ts';
import { evenSample } from './sketches.ts';

export interface Family {
  name: 'pool' | 'content' | 'infrastructure' | 'load' | 'churn';
  score: number;
  reason: string;
}

export interface GroupAssessment {
  score: number;
  families: Family[];
  accounts: number;
  /** Median of the members' settled daily request rates: the share of work a pool's scheduler gives each. */
  dailyRate: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A template shared by fewer accounts than this is not a pool. */
export const MIN_POOL = 5;
/** Requests most members must have made before how evenly a group's work is spread is judged. */
const LOAD_REQUESTS = 12;
/** Accounts a group needs before how evenly its work is spread is judged. */
const LOAD_ACCOUNTS = 8;
/** Most that shared sign-ups (programs, cards, waves) weigh when the members' addresses stay put. */
const SIGNUP_ALONE = 0.4;
/**
 * Home countries (`AccountState#homeCountry`) of the accounts at work on one payment instrument
 * for the card to count in full although every account keeps its address.
 */
export const CARD_COUNTRIES = 5;
/** Countries kept per payment instrument (`Engine#paymentCountries`): past this many, more say nothing new. */
export const MAX_CARD_COUNTRIES = 8;

/** "5 countries", or "8+ countries" once the count reaches what is kept per card. */
export const cardCountriesText = (countries: number): string =>
  `${countries}${countries >= MAX_CARD_COUNTRIES ? '+' : ''} countries`;

/** The middle value, or the mean of the two middle ones; 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

const clamp01 = (x: number) => (x < 0 ? 0 : Math.min(x, 1));
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Coefficient of variation, robust to one outlier: trimmed of the extremes. */
function spread(values: number[]): number {
  if (values.length < 3) return 0;
  const s = [...values].sort((a, b) => a - b).slice(1, -1);
  const m = mean(s);
  if (m === 0) return 0;
  return Math.sqrt(mean(s.map((v) => (v - m) ** 2))) / m;
}

/** Largest number of accounts created within `windowMs` of each other. */
function largestWave(createdMs: number[], windowMs: number): number {
  const s = [...createdMs].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < s.length; hi++) {
    while (s[hi]! - s[lo]! > windowMs) lo += 1;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/** The settled daily request rates of the accounts active on a day or more. */
export function dailyRates(accounts: readonly AccountState[]): number[] {
  return accounts.filter((a) => a.activeDays >= 1).map((a) => a.settledDailyRate());
}

export interface PoolInput {
  /** Accounts of the group (a sample when the group is large). */
  members: AccountState[];
  /** Accounts in all, when `members` is a sample. */
  totalAccounts: number;
  /**
   * Accounts signed up with the payment instruments two or more members share, active or not
   * (see `cardPool`): an operator registers its pool ahead of using it, so a pool whose first
   * accounts have just started work is as big as the cards they pay with say.
   */
  cardAccounts?: number;
  /**
   * Most home countries of the accounts at work on one of the payment instruments two or more
   * members share (see `cardCountries`).
   */
  cardCountries?: number;
  /** Event time of the judgement, to trace the members' shared schedule up to it. */
  nowMs?: number;
  /** Whether a client (AccountState#clientKey) is one that links accounts: used mostly by suspects. */
  linkingClient?: (client: string | null) => boolean;
}

/**
 * The payment instruments that two or more of these accounts pay with (its own, for one
 * account), each with the number of them that do.
 */
function sharedCards(accounts: readonly AccountState[]): Map<string, number> {
  const holders = new Map<string, number>();
  for (const a of accounts) {
    const fp = a.paymentFp();
    if (fp) holders.set(fp, (holders.get(fp) ?? 0) + 1);
  }
  const shared = Math.min(2, accounts.length);
  for (const [fp, n] of holders) if (n < shared) holders.delete(fp);
  return holders;
}

/**
 * Accounts signed up with the payment instruments that two or more of these accounts pay with
 * (its own, for one account): the pool they draw from. `paymentAccounts` counts sign-up records
 * per instrument.
 */
export function cardPool(
  accounts: readonly AccountState[],
  paymentAccounts: ReadonlyMap<string, number>,
): number {
  let total = 0;
  for (const [fp, n] of sharedCards(accounts)) total += Math.max(n, paymentAccounts.get(fp) ?? 0);
  return total;
}

/**
 * The most home countries that the accounts at work on one payment instrument come from, over the
 * instruments that two or more of these accounts pay with (its own, for one account).
 */
export function cardCountries(
  accounts: readonly AccountState[],
  paymentCountries: ReadonlyMap<string, readonly string[]> | undefined,
): number {
  if (paymentCountries === undefined) return 0;
  let most = 0;
  for (const fp of sharedCards(accounts).keys()) most = Math.max(most, paymentCountries.get(fp)?.length ?? 0);
  return most;
}

export function assessPool({
  members: accounts,
  totalAccounts,
  cardAccounts = 0,
  cardCountries: countries = 0,
  nowMs,
  linkingClient,
}: PoolInput): GroupAssessment {
  const families: Family[] = [];

  // Stated, not scored: a round-the-clock pool is as much a pool as one that works in shifts.
  const nowHour = nowMs === undefined ? null : Math.floor(nowMs / HOUR_MS);
  const schedule = nowHour === null ? null : traceSchedule(evenSample(accounts, SCHEDULE_SAMPLE), nowHour);
  const span = schedule === null ? 0 : schedule.nowHour - schedule.startHour;
  const idle = schedule === null ? 0 : Math.round(span * (1 - schedule.busyShare));
  // Payments and sign-up waves link only accounts whose sign-up record was seen.
  const links = accounts.some((a) => a.signup !== null)
    ? 'shared prompt templates, payment instruments or sign-up waves'
    : 'shared prompt templates';
  const onClient = linkingClient ? accounts.filter((a) => linkingClient(a.clientKey)).length : 0;
  const clientPart =
    onClient === 0
      ? ''
      : `; ${pct(onClient / accounts.length)} connect with a client (TLS fingerprint, or user agent) seen mostly on accounts with pool traits`;
  // Accounts not yet at work count towards the pool only through a card its active ones share.
  const registered =
    cardAccounts <= totalAccounts
      ? ''
      : totalAccounts === 1
        ? `; ${cardAccounts} accounts in all signed up with its payment instrument`
        : `; ${cardAccounts} accounts in all signed up with the payment instruments they share`;
  const linked = totalAccounts === 1 ? 'one account at work' : `${totalAccounts} accounts linked by ${links}`;
  families.push({
    name: 'pool',
    score: clamp01((Math.max(totalAccounts, cardAccounts) - 2) / 6),
    reason: `${linked}${registered}${clientPart}${idle >= 3 && idle >= span * 0.1 ? `; they work to one schedule, all idle in the same ${idle} of the last ${span} hours` : ''}`,
  });

  const elicitation = mean(accounts.map((a) => a.share(a.elicitationHits)));
  const harvest = mean(accounts.map((a) => a.share(a.harvestHits)));
  const content = Math.max(clamp01(elicitation / 0.4), clamp01(harvest / 0.5));
  const contentParts: string[] = [];
  if (elicitation >= 0.1)
    contentParts.push(`${pct(elicitation)} of requests ask for reasoning traces or grading`);
  if (harvest >= 0.1)
    contentParts.push(`${pct(harvest)} ask for maximal outputs, several samples or log-probabilities`);
  families.push({ name: 'content', score: content, reason: contentParts.join('; ') || 'ordinary content' });

  const rotation = median(
    accounts.map((a) => a.addressChange() * (a.requests === 0 ? 0 : a.consumerRequests / a.requests)),
  );
  // Address blocks a day count whatever the network kind, so the family holds on logs without
  // one; data-centre traffic and accounts that keep their addresses do not count.
  const blocks = median(accounts.map((a) => a.roamingBlocksPerDay()));
  const withChannel = accounts.filter((a) => a.signupChannel() !== null);
  const programs =
    withChannel.length === 0
      ? 0
      : mean(withChannel.map((a) => (PROGRAM_CHANNELS.has(a.signupChannel()!) ? 1 : 0)));
  const payments = new Map<string, number>();
  for (const a of accounts) {
    const fp = a.paymentFp();
    if (fp) payments.set(fp, (payments.get(fp) ?? 0) + 1);
  }
  const sharedPayment = [...payments.values()].filter((n) => n >= 3).reduce((a, b) => a + b, 0);
  const created = accounts.map((a) => a.createdMs).filter((t): t is number => t !== null);
  const wave = created.length === 0 ? 0 : largestWave(created, HOUR_MS) / Math.max(created.length, MIN_POOL);
  const infraParts: string[] = [];
  if (rotation >= 0.2)
    infraParts.push(
      `addresses rotate on consumer networks (${rotation.toFixed(2)} new addresses per request)`,
    );
  if (blocks >= 4)
    infraParts.push(`accounts connect from a median of ${Math.round(blocks)} address blocks a day`);
  if (programs >= 0.3)
    infraParts.push(`${pct(programs)} signed up through education, startup or research programs`);
  if (sharedPayment >= 3)
    infraParts.push(`${sharedPayment} accounts share payment instruments in groups of 3 or more`);
  if (wave >= 0.3) infraParts.push(`${pct(wave)} were created within one hour of each other`);
  const paymentInfra = clamp01(sharedPayment / Math.max(6, accounts.length * 0.3));
  const signupInfra = Math.max(clamp01((programs - 0.2) / 0.4), paymentInfra, clamp01((wave - 0.2) / 0.4));
  const addressInfra = Math.max(clamp01((rotation - 0.1) / 0.3), clamp01((blocks - 2) / 4));
  // A lab, a team or a class signs up together, through a program, on one card, and then each
  // member works from an address of their own (a home line, a campus or office network); a pool
  // hides behind addresses that change. Shared sign-ups are strong evidence only beside those,
  // or when the accounts on one card live in many countries: a card is billed to one household,
  // lab or company, whose members live in one or two, while a pool that keeps one residential
  // exit per account (static, "ISP" proxies) is spread over the countries its proxies sell.
  const cardsAbroad = countries >= CARD_COUNTRIES && paymentInfra > 0;
  if (cardsAbroad)
    infraParts.push(
      `the accounts at work on one of their payment instruments connect from consumer networks in ${cardCountriesText(countries)}`,
    );
  else if (signupInfra >= 0.5 && addressInfra < 0.5)
    infraParts.push('but each account keeps to its own addresses, as people do');
  const infra = Math.max(
    addressInfra,
    addressInfra >= 0.5 ? signupInfra : Math.min(signupInfra, SIGNUP_ALONE),
    cardsAbroad ? paymentInfra : 0,
  );
  families.push({
    name: 'infrastructure',
    score: infra,
    reason: infraParts.join('; ') || 'ordinary infrastructure',
  });

  const rates = dailyRates(accounts);
  const cv = spread(rates);
  // Counts of a few requests differ by chance alone (a count of 4 has a spread of 0.5), so the
  // spread is judged once most members have made enough requests (leaving out the ones that have
  // not would keep only the busiest, which look alike). A load balancer then keeps accounts
  // within a few tens of percent of each other; people differ several-fold. A handful of accounts
  // (the spread is trimmed of the two extremes) can look alike by chance, or because the busiest
  // members of a team turn suspect, and link, first.
  const measured = accounts.filter((a) => a.requests >= LOAD_REQUESTS).length >= accounts.length * 0.8;
  families.push({
    name: 'load',
    score: rates.length >= LOAD_ACCOUNTS && measured ? clamp01((0.6 - cv) / 0.3) : 0,
    reason: `per-account daily volume is ${cv < 0.45 ? 'evenly balanced' : 'uneven'} (spread ${cv.toFixed(2)}, median ${Math.round(median(rates))} requests a day)`,
  });

  const ages = accounts.map((a) => a.ageAtFirstRequestDays()).filter((d): d is number => d !== null);
  const lifespans = accounts.map((a) => (a.lastMs - a.firstMs) / DAY_MS);
  const bans = mean(accounts.map((a) => (a.banned ? 1 : 0)));
  const youth = ages.length >= MIN_POOL ? clamp01((2 - median(ages)) / 2) : 0;
  const churn = Math.max(youth * clamp01((14 - median(lifespans)) / 10), clamp01(bans / 0.2));
  const churnParts: string[] = [];
  if (ages.length >= MIN_POOL && median(ages) < 2)
    churnParts.push(
      `accounts start work ${median(ages) < 0.05 ? 'minutes' : `${median(ages).toFixed(1)} days`} after sign-up`,
    );
  if (bans > 0) churnParts.push(`${pct(bans)} already banned`);
  families.push({ name: 'churn', score: churn, reason: churnParts.join('; ') || 'established accounts' });

  const byName = Object.fromEntries(families.map((f) => [f.name, f.score])) as Record<Family['name'], number>;
  // A pool is required; then content, infrastructure, load and churn add up, and two of them
  // must be clearly present so that one benign trait alone never carries a verdict.
  const support =
    byName.content * 0.35 + byName.infrastructure * 0.3 + byName.load * 0.15 + byName.churn * 0.2;
  const strong = [byName.content, byName.infrastructure, byName.load, byName.churn].filter(
    (s) => s >= 0.5,
  ).length;
  const score = strong >= 2 ? byName.pool * clamp01(support / 0.6) : byName.pool * Math.min(0.45, support);
  return { score: clamp01(score), families, accounts: totalAccounts, dailyRate: median(rates) };
}

export function evidenceLines(assessment: GroupAssessment): string[] {
  return assessment.families.filter((f) => f.score >= 0.5).map((f) => f.reason);
}
