// Does one account carry the traits of a pool member? Each trait alone is common among
// benign users (a phone rotates addresses, students sign up through campus programs, eval
// harnesses ask for maximal outputs), so an account needs two or more before linking looks
// for the others it works with.
import { type AccountState, PROGRAM_CHANNELS } from './account-state.ts';
import { CARD_COUNTRIES, cardCountriesText } from './evidence.ts';

export interface Suspicion {
  score: number;
  traits: string[];
  /**
   * Weight that makes this account a suspect on its own. Lower when no sign-up record was seen:
   * the sign-up traits (a new account, a program channel, a shared card) cannot add to its score
   * then, and many providers' logs carry requests only.
   */
  seedScore: number;
  /**
   * Whether the account may seed a group on one trait: no sign-up record was seen, so the sign-up
   * traits that would be its second cannot show, and its one trait is a proxy pool's addressing:
   * consumer addresses rotating as a pool's do, or, where network kinds are unknown, a new address
   * on most requests from many address blocks a day; and it has made SEED_ALONE_REQUESTS
   * requests. A group still becomes a campaign only on the pool evidence of all its members
   * (evidence.ts).
   */
  seedsAlone: boolean;
  /**
   * Whether the account's addresses are a rotating proxy pool's exits, on however few requests:
   * a new consumer address on a third of its requests or more after the first, from three
   * consumer networks (providers) or more, about one a day or more. A phone changes address on
   * most requests through one carrier; a household moves between one broadband provider and one
   * carrier.
   */
  poolExits: boolean;
}

/** Consumer networks (providers) beyond what one household uses: a proxy pool's exits. */
export const PROXY_NETWORKS = 8;
/** Consumer networks, about one a day or more, that no household reaches: see `Suspicion.poolExits`. */
export const POOL_EXIT_NETWORKS = 3;
/** Requests an account must make before its traits mean anything. */
export const MIN_REQUESTS = 3;
/** Requests before one trait alone may make an account a suspect (see `Suspicion.seedsAlone`). */
export const SEED_ALONE_REQUESTS = 8;

export interface SuspicionContext {
  /** Accounts created with each payment instrument. */
  paymentAccounts: ReadonlyMap<string, number>;
  /**
   * Distinct home countries (`AccountState#homeCountry`) of the accounts at work on each payment
   * instrument, up to a few: a card is billed to one household, lab or company.
   */
  paymentCountries?: ReadonlyMap<string, readonly string[]>;
}

export function accountSuspicion(a: AccountState, context: SuspicionContext): Suspicion {
  const seedScore = a.signup === null ? SEED_SCORE_WITHOUT_SIGNUP : SEED_SCORE;
  if (a.requests < MIN_REQUESTS || a.allowlisted)
    return { score: 0, traits: [], seedScore, seedsAlone: false, poolExits: false };
  const traits: string[] = [];
  let score = 0;
  let poolAddressing = false;
  const consumer = a.consumerRequests / a.requests;
  const rotation = a.ipRotation() * consumer;
  // A proxy pool hands out exits across many ISPs, day after day; a person moves between a
  // home line and one carrier. A phone changes address now and then; a pool on most calls.
  const networks = a.consumerNetworks.estimate();
  const manyNetworks = networks >= 4 && networks >= 0.75 * a.activeDays;
  // A household reaches the API through one broadband provider and a carrier or two; a pool that
  // hands out a new exit for each session (not each request) crosses eight providers or more.
  const proxyNetworks = networks >= PROXY_NETWORKS && networks >= 0.5 * a.activeDays;
  if (rotation >= 0.6 || (manyNetworks && rotation >= 0.3) || (proxyNetworks && rotation >= 0.1)) {
    score += 0.3;
    // Alone, only a new address on most requests or every day: a person who travels, or whose
    // provider leases addresses from several networks, may collect eight over the weeks.
    poolAddressing = rotation >= 0.6 || (manyNetworks && rotation >= 0.3);
    traits.push(
      rotation >= 0.6
        ? 'a new consumer address on most requests'
        : `addresses from ${networks} consumer networks in ${a.activeDays} days`,
    );
  } else if (rotation >= 0.3 || manyNetworks) {
    score += 0.15;
    traits.push(
      manyNetworks
        ? `addresses from ${networks} consumer networks in ${a.activeDays} days`
        : 'rotating consumer addresses',
    );
  } else if (a.requests >= 8 && a.roamingBlocksPerDay() >= 4) {
    // Without network kinds (many logs carry the address only), a pool still shows: its exits
    // come from several providers' address blocks every day, where a person uses one or two.
    score += 0.3;
    // Alone, only with a new address on most requests: without network kinds, a fleet of cloud
    // servers spans several blocks a day too, but keeps each address for many requests.
    poolAddressing = a.ipRotation() >= 0.6;
    traits.push(`addresses from ${Math.round(a.blocksPerDay())} address blocks a day`);
  }
  // A person's day has a quiet third, whatever the time zone; a script's does not. Judged on
  // enough requests over two days or more, so that a few late sessions do not look like it.
  const quiet = a.quietHoursShare();
  if (a.requests >= 48 && a.activeDays >= 2 && quiet >= 0.2) {
    score += 0.15;
    traits.push(`active round the clock (${Math.round(quiet * 100)}% of requests in its quietest 8 hours)`);
  }
  const content = Math.max(a.share(a.elicitationHits) / 0.4, a.share(a.harvestHits) / 0.5);
  if (content >= 1) {
    score += 0.25;
    traits.push('harvesting content');
  }
  const age = a.ageAtFirstRequestDays();
  if (age !== null && age < 2) {
    score += 0.15;
    traits.push('new account put straight to work');
  }
  const channel = a.signupChannel();
  if (channel !== null && PROGRAM_CHANNELS.has(channel)) {
    score += 0.15;
    traits.push(`signed up through ${channel.replace('_', ' ')}`);
  }
  const payment = a.paymentFp();
  if (payment !== null && (context.paymentAccounts.get(payment) ?? 0) >= 3) {
    // A card is billed to one household, lab or company, whose members live in one country or
    // two; one whose accounts at work connect from many is a pool's, on exits bought abroad.
    const countries = context.paymentCountries?.get(payment)?.length ?? 0;
    if (countries >= CARD_COUNTRIES) {
      score += 0.4;
      traits.push(`payment instrument shared by 3+ accounts at work in ${cardCountriesText(countries)}`);
    } else {
      score += 0.15;
      traits.push('payment instrument shared by 3+ accounts');
    }
  }
  if (a.banned) {
    score += 0.15;
    traits.push('banned');
  }
  // Alone, it waits for a few opening prompts: an account that links on its first three joins
  // whichever small group those happen to match, and a pool fragments into groups too small to judge.
  const seedsAlone = a.signup === null && poolAddressing && a.requests >= SEED_ALONE_REQUESTS;
  const poolExits =
    networks >= POOL_EXIT_NETWORKS && networks >= 0.75 * a.activeDays && a.addressChange() * consumer >= 0.3;
  return { score, traits, seedScore, seedsAlone, poolExits };
}

/** Weight that makes an account a suspect on its own, to seed a group. */
export const SEED_SCORE = 0.55;
/** The same when the account's sign-up record was not seen (see `Suspicion.seedScore`). */
export const SEED_SCORE_WITHOUT_SIGNUP = 0.45;
/** Weight enough to join a campaign whose signature the account already matches. */
export const JOIN_SCORE = 0.4;

/** Whether the account may start a group: two traits of seed weight, or the one that seeds alone. */
export function isSeed(s: Suspicion): boolean {
  return s.seedsAlone || isSuspicious(s);
}

/** Two traits or more, and enough weight for the purpose (by default, to seed a group). */
export function isSuspicious(s: Suspicion, minScore = s.seedScore): boolean {
  // Trait weights are decimal fractions: 0.3 + 0.15 must reach 0.45.
  return s.traits.length >= 2 && s.score >= minScore - 1e-9;
}
