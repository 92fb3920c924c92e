import { describe, expect, it } from 'vitest';
import type { AccountRecord, RequestRecord } from '../contract/events.ts';
import { AccountState, networkBlock } from './account-state.ts';
import { requestFacts } from './facts.ts';
import {
  accountSuspicion,
  isSeed,
  isSuspicious,
  PROXY_NETWORKS,
  SEED_SCORE,
  SEED_SCORE_WITHOUT_SIGNUP,
} from './suspicion.ts';

const START = Date.parse('2026-03-02T00:00:00Z');
const HOUR = 3_600_000;
const context = { paymentAccounts: new Map<string, number>() };

/** An account fed `n` requests, one every `everyMs`, with the address `ipOf(i)`. */
function accountWith(
  n: number,
  everyMs: number,
  ipOf: (i: number) => string,
  extra: Partial<RequestRecord> = {},
): AccountState {
  const a = new AccountState('acct-1');
  for (let i = 0; i < n; i++) {
    const record: RequestRecord = {
      type: 'request',
      time: new Date(START + i * everyMs).toISOString(),
      request_id: `r-${i}`,
      account_id: 'acct-1',
      model: 'model-a',
      client_ip: ipOf(i),
      prompt: `Question ${i}: what is the capital of country number ${i}?`,
      ...extra,
    };
    a.onRequest(requestFacts(record), null, new Map());
  }
  return a;
}

/** Gives the account a sign-up record from a month before its first request, through the web. */
function signUpLongAgo(account: AccountState): void {
  const signup: AccountRecord = {
    type: 'account',
    time: new Date(START - 30 * 24 * HOUR).toISOString(),
    account_id: account.id,
    signup_channel: 'web',
  };
  account.onSignup(signup, Date.parse(signup.time));
}

/** A different provider's /16 on every request, as a residential proxy pool hands them out. */
const poolExit = (i: number) => `${20 + (i % 180)}.${(i * 37) % 250}.${i % 200}.${(i * 7) % 250}`;
/** A home line: the same address, now and then a neighbour in the same block. */
const homeLine = (i: number) => `81.2.69.${160 + (i % 3)}`;

describe('address blocks per day', () => {
  it('names the /16 of an IPv4 address and the /32 of an IPv6 one', () => {
    expect(networkBlock('203.0.113.7')).toBe('203.0');
    expect(networkBlock('2001:db8:85a3::8a2e:370:7334')).toBe('2001:db8');
  });

  it('is a trait for a pool on addresses alone, with no network kind given', () => {
    const pool = accountWith(40, HOUR / 2, poolExit);
    expect(pool.blocksPerDay()).toBeGreaterThanOrEqual(4);
    expect(accountSuspicion(pool, context).traits.some((t) => t.includes('address blocks a day'))).toBe(true);
  });

  it('is not a trait for a home line, nor for cloud addresses a fleet is known to use', () => {
    const home = accountWith(40, HOUR / 2, homeLine);
    expect(home.blocksPerDay()).toBeLessThan(2);
    expect(accountSuspicion(home, context).traits.some((t) => t.includes('address blocks'))).toBe(false);
    const fleet = accountWith(40, HOUR / 2, poolExit, { client_network: 'datacenter' });
    expect(accountSuspicion(fleet, context).traits.some((t) => t.includes('address blocks'))).toBe(false);
  });

  it('is not a trait when most requests come from one address between rare changes', () => {
    // Many requests from each address (a CI runner per job): few new addresses per request.
    const jobs = accountWith(200, HOUR / 8, (i) => poolExit(Math.floor(i / 20)));
    expect(jobs.ipRotation()).toBeLessThan(0.1);
    expect(accountSuspicion(jobs, context).traits.some((t) => t.includes('address blocks'))).toBe(false);
  });
});

describe('suspect thresholds', () => {
  const roundTheClock = (a: AccountState) =>
    accountSuspicion(a, context).traits.some((t) => t.startsWith('active round the clock'));

  it('round the clock is a trait for steady work over days, not for a busy person or a few hours', () => {
    expect(roundTheClock(accountWith(96, HOUR, homeLine))).toBe(true);
    expect(roundTheClock(accountWith(12, HOUR, homeLine))).toBe(false);
    // A heavy user from 08:00 to 22:00 every day for a week, one request every 10 minutes.
    const daytime = new AccountState('acct-1');
    for (let day = 0; day < 7; day++)
      for (let minute = 8 * 60; minute < 22 * 60; minute += 10) {
        const time = new Date(START + day * 24 * HOUR + minute * 60_000).toISOString();
        const request: RequestRecord = {
          type: 'request',
          time,
          request_id: `d-${day}-${minute}`,
          account_id: 'acct-1',
          model: 'model-a',
          client_ip: homeLine(minute),
          prompt: 'Refactor this function to use async/await.',
        };
        daytime.onRequest(requestFacts(request), null, new Map());
      }
    expect(daytime.quietHoursShare()).toBe(0);
    expect(roundTheClock(daytime)).toBe(false);
  });

  it('lowers the seed weight when the sign-up record was never seen, and only then', () => {
    const pool = accountWith(96, HOUR / 2, poolExit);
    const s = accountSuspicion(pool, context);
    expect(s.seedScore).toBe(SEED_SCORE_WITHOUT_SIGNUP);
    // 0.3 (address blocks) + 0.15 (round the clock): exactly the seed weight, despite float sums.
    expect(s.score).toBeCloseTo(0.45, 9);
    expect(isSuspicious(s)).toBe(true);
    signUpLongAgo(pool);
    const known = accountSuspicion(pool, context);
    expect(known.seedScore).toBe(SEED_SCORE);
    expect(isSuspicious(known)).toBe(false);
  });

  it("lets a proxy pool's addressing seed alone only when no sign-up record was seen", () => {
    // 20 requests in 10 hours: too few for the round-the-clock trait, so addressing is the one trait.
    const pool = accountWith(20, HOUR / 2, poolExit);
    const s = accountSuspicion(pool, context);
    expect(s.traits).toHaveLength(1);
    expect(s.traits[0]).toMatch(/address blocks a day/);
    expect(isSuspicious(s)).toBe(false);
    expect(s.seedsAlone).toBe(true);
    expect(isSeed(s)).toBe(true);
    // A weaker trait (a few consumer networks, no rotation to speak of) never seeds alone.
    const roaming = accountWith(20, HOUR / 2, (i) => (i % 10 === 0 ? poolExit(i) : homeLine(i)), {
      client_network: 'residential',
    });
    expect(isSeed(accountSuspicion(roaming, context))).toBe(false);
    // A fleet of eight cloud servers in eight blocks, network kind unknown: the block trait, but
    // each address serves many requests, so it does not seed alone.
    const fleet = accountWith(40, HOUR / 4, (i) => `${30 + (i % 8) * 11}.7.1.${1 + (i % 8)}`);
    const fleetSuspicion = accountSuspicion(fleet, context);
    expect(fleetSuspicion.traits.some((t) => t.includes('address blocks a day'))).toBe(true);
    expect(isSeed(fleetSuspicion)).toBe(false);
    signUpLongAgo(pool);
    const known = accountSuspicion(pool, context);
    expect(known.seedsAlone).toBe(false);
    expect(isSeed(known)).toBe(false);
  });
});

describe('consumer networks an account reaches the API from', () => {
  /**
   * 60 requests over three days in sessions of five, each session from a new residential address
   * of the provider `asnOf(session)`: a new exit each session, not each request.
   */
  function sessions(
    asnOf: (session: number) => number,
    ipOf: (session: number) => string = poolExit,
  ): AccountState {
    const a = new AccountState('acct-1');
    for (let i = 0; i < 60; i++) {
      const session = Math.floor(i / 5);
      a.onRequest(
        requestFacts({
          type: 'request',
          time: new Date(START + session * 6 * HOUR + (i % 5) * 60_000).toISOString(),
          request_id: `r-${i}`,
          account_id: 'acct-1',
          model: 'model-a',
          client_ip: ipOf(session),
          client_network: 'residential',
          client_asn: asnOf(session),
          prompt: `Question ${i}: what is the capital of country number ${i}?`,
        }),
        null,
        new Map(),
      );
    }
    return a;
  }
  const networksTrait = (a: AccountState) =>
    accountSuspicion(a, context).traits.find((t) => t.includes('consumer networks'));

  it("weighs a new provider each session as a pool's addressing, but not enough to seed alone", () => {
    const pool = sessions((session) => 64_500 + session);
    expect(pool.ipRotation()).toBeLessThan(0.3);
    expect(pool.consumerNetworks.estimate()).toBeGreaterThanOrEqual(PROXY_NETWORKS);
    const s = accountSuspicion(pool, context);
    expect(networksTrait(pool)).toMatch(/^addresses from \d+ consumer networks in 3 days$/);
    // 0.3 for the providers and 0.15 for working round the clock: a suspect without a sign-up
    // record (the weaker network trait, 0.15, would leave it at 0.3).
    expect(s.traits).toHaveLength(2);
    expect(s.score).toBeCloseTo(0.45, 9);
    expect(isSeed(s)).toBe(true);
    // A person who travels may collect eight providers over the weeks: the trait never seeds alone.
    expect(s.seedsAlone).toBe(false);
  });

  it('is no pool for a household on one broadband provider and one carrier', () => {
    // A new address each session, as in the pool, but from two providers' blocks: a home line
    // whose lease changes and a phone.
    const phone = (session: number) => session % 3 === 0;
    const household = sessions(
      (session) => (phone(session) ? 64_601 : 64_602),
      (session) => (phone(session) ? `100.64.${session}.7` : `81.2.${session}.9`),
    );
    expect(household.ipRotation()).toBeCloseTo(sessions((s) => 64_500 + s).ipRotation(), 9);
    expect(networksTrait(household)).toBeUndefined();
    expect(isSeed(accountSuspicion(household, context))).toBe(false);
  });
});

describe('a payment instrument used from many countries', () => {
  /** An account at home on one residential line, signed up long ago with card `card-x`. */
  function onCard(): AccountState {
    const a = accountWith(12, HOUR, homeLine, { client_network: 'residential', client_country: 'US' });
    a.onSignup(
      {
        type: 'account',
        time: new Date(START - 30 * 24 * HOUR).toISOString(),
        account_id: a.id,
        signup_channel: 'startup_program',
        payment_fp: 'card-x',
      },
      START - 30 * 24 * HOUR,
    );
    return a;
  }
  const paymentAccounts = new Map([['card-x', 20]]);

  it('keeps a card that a household or a team uses, in one country or two, a weak trait', () => {
    const s = accountSuspicion(onCard(), {
      paymentAccounts,
      paymentCountries: new Map([['card-x', ['US', 'CA']]]),
    });
    expect(s.traits).toContain('payment instrument shared by 3+ accounts');
    expect(isSeed(s)).toBe(false);
  });

  it('makes a card whose accounts at work live in five countries or more a strong one', () => {
    const countries = ['US', 'GB', 'DE', 'JP', 'BR'];
    const s = accountSuspicion(onCard(), {
      paymentAccounts,
      paymentCountries: new Map([['card-x', countries]]),
    });
    expect(s.traits).toContain('payment instrument shared by 3+ accounts at work in 5 countries');
    // With the program it signed up through, enough to start a group; never alone.
    expect(isSeed(s)).toBe(true);
    expect(s.traits).toHaveLength(2);
  });
});
