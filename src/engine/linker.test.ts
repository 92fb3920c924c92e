// Two operators' pools that share what public scripts share: templates, clients, networks. The
// linker must keep them apart on what they do not share: the templates only one of them uses,
// and the hours their schedulers run. No sign-up records, so no payment or wave links help.
import { describe, expect, it } from 'vitest';
import type { TrafficRecord } from '../contract/events.ts';
import { Engine } from './engine.ts';
import { project } from './facts.ts';
import { HOUR, MINUTE, rng, START } from './test-support/synthetic.ts';
import { accountVerdicts } from './verdicts.ts';

const SCRIPTS = [
  'Write a Python function that parses the nginx access log at {n} and returns error counts grouped by upstream service',
  'Refactor this TypeScript module so that every exported function validates its arguments, module id {n}',
  'Given the CSV export number {n}, compute the monthly churn rate per customer segment and plot it as a table',
  'Design a REST endpoint for order {n} that supports pagination, filtering by status and sorting by creation date',
  'Explain the failing unit test in build {n} and propose a patch that fixes the race condition in the cache layer',
  'Translate the SQL query for report {n} into a pandas pipeline that produces the same aggregated columns',
  'Write a bash script that rotates the backups in directory {n}, keeping seven daily and four weekly archives',
  'Review the Go handler for ticket {n} and list every place where an error is ignored or wrapped without context',
  'Summarise the architecture decision record {n} for a new engineer and list the trade-offs it accepted',
  'Convert the JSON schema {n} into TypeScript types with doc comments and runtime guards for every field',
  'Draft a migration plan for database shard {n} from MySQL to PostgreSQL with rollback steps for each stage',
  'Generate property-based tests for the date parser in release {n}, covering leap years and time zones',
  'Profile the image resizing service instance {n} and suggest three changes that cut its memory use in half',
  'Write a Rust function that merges sorted iterators for stream {n} without allocating intermediate vectors',
];

interface Pool {
  name: string;
  accounts: number;
  /** Indexes into SCRIPTS. */
  scripts: number[];
  /** Whether the pool's scheduler runs at hour h (UTC hours since START). */
  runs: (hour: number) => boolean;
  /** A card all its accounts were created with; with it, each account has a sign-up record. */
  card?: string;
  /** The client its accounts connect with; by default a popular SDK's user agent and no TLS. */
  client?: { agent: string; tls: string };
  /** Ordinary users instead of a pool: one office address, ordinary output limits. */
  ordinary?: boolean;
  /**
   * Only this many of its accounts make requests; all of them signed up with `card` a day
   * before the traffic starts, as an operator registers a pool ahead of using it.
   */
  working?: number;
  /** Request parameters instead of the default ones (maximal outputs, four samples). */
  params?: Record<string, number>;
  /** A phone's carrier: a new mobile address on every request, all from this one network (ASN). */
  carrier?: number;
  /**
   * Each account signs up through this channel with a card of its own, five minutes before its
   * first request, and keeps one residential address ("static" proxies, or a person at home).
   */
  ownCards?: string;
  /** Minutes between requests, at random between the two; by default 20 to 60. */
  every?: [number, number];
}

/**
 * Each pool account sends an opening prompt every 20–60 minutes while its scheduler runs, for
 * three days, from a new residential address each time, asking for maximal outputs.
 */
function traffic(pools: Pool[], days = 3): TrafficRecord[] {
  const records: TrafficRecord[] = [];
  const random = rng(7);
  for (const pool of pools) {
    for (let a = 0; a < pool.accounts; a++) {
      const accountId = `${pool.name}-${String(a).padStart(2, '0')}`;
      let t = START + random() * 40 * MINUTE;
      let signedUp = pool.card === undefined && pool.ownCards === undefined;
      // Drawn without the random stream, which the other tests' traffic is made from.
      const home = `${11 + a}.${(a * 37) % 250}.${(a * 91) % 250}.${1 + ((a * 53) % 250)}`;
      if (pool.working !== undefined) {
        const time = new Date(START - 24 * HOUR + a * MINUTE).toISOString();
        records.push({ type: 'account', time, account_id: accountId, payment_fp: pool.card! });
        signedUp = true;
        if (a >= pool.working) continue;
      }
      for (let i = 0; t < START + days * 24 * HOUR; i++) {
        if (pool.runs(Math.floor((t - START) / HOUR))) {
          if (!signedUp) {
            const time = new Date(t - 5 * MINUTE).toISOString();
            records.push({
              type: 'account',
              time,
              account_id: accountId,
              payment_fp: pool.card ?? `card-${accountId}`,
              ...(pool.ownCards ? { signup_channel: pool.ownCards } : {}),
            });
            signedUp = true;
          }
          const script = SCRIPTS[pool.scripts[Math.floor(random() * pool.scripts.length)]!]!;
          records.push({
            type: 'request',
            time: new Date(t).toISOString(),
            request_id: `${accountId}-${i}`,
            account_id: accountId,
            model: 'claude-sonnet-4-5',
            client_ip: pool.ordinary
              ? `198.51.100.${1 + a}`
              : pool.ownCards
                ? home
                : `${11 + Math.floor(random() * 200)}.${Math.floor(random() * 250)}.${Math.floor(random() * 250)}.${1 + Math.floor(random() * 250)}`,
            client_network: pool.ordinary ? 'business' : pool.carrier ? 'mobile' : 'residential',
            ...(pool.carrier ? { client_asn: pool.carrier } : {}),
            user_agent: pool.client?.agent ?? 'OpenAI/Python 1.54.0',
            ...(pool.client ? { tls_fingerprint: pool.client.tls } : {}),
            conversation_id: `${accountId}-c${i}`,
            turn: 1,
            prompt: script.replace('{n}', String(1000 + Math.floor(random() * 9000))),
            params: pool.params ?? (pool.ordinary ? { max_tokens: 1_024 } : { max_tokens: 64_000, n: 4 }),
          });
        }
        const [least, most] = pool.every ?? [20, 60];
        t += (least + random() * (most - least)) * MINUTE;
      }
    }
  }
  return records.sort((x, y) => x.time.localeCompare(y.time));
}

/** The campaign of every flagged account, and which pools each campaign holds. */
function analyse(records: TrafficRecord[]) {
  const engine = new Engine();
  for (const record of records) engine.push(project(record));
  engine.finish();
  const flagged = [...engine.accounts.values()].filter((a) => a.flagged);
  const poolsOf = new Map<string, Set<string>>();
  for (const account of flagged) {
    const pool = account.id.split('-')[0]!;
    const campaign = account.campaignId ?? `alone:${account.id}`;
    poolsOf.set(campaign, (poolsOf.get(campaign) ?? new Set()).add(pool));
  }
  const count = (pool: string) => flagged.filter((a) => a.id.startsWith(`${pool}-`)).length;
  const reasons = [...engine.linker.campaigns.values()].map((c) => c.assessment.families[0]!.reason);
  return { poolsOf, count, reasons };
}

const always = () => true;
const eightScripts = [0, 1, 2, 3, 4, 5, 6, 7];

describe('linking two pools that run the same public script', () => {
  it('keeps a smaller pool apart from a larger one by the templates only it uses', () => {
    const shared = [0, 1, 2, 3, 4];
    const { poolsOf, count, reasons } = analyse(
      traffic([
        { name: 'big', accounts: 30, scripts: [...shared, 5, 6, 7, 8], runs: always },
        { name: 'small', accounts: 12, scripts: [...shared, 9, 10, 11, 12], runs: always },
      ]),
    );
    expect(count('big')).toBeGreaterThanOrEqual(24);
    expect(count('small')).toBeGreaterThanOrEqual(9);
    // Round the clock, neither pool is said to keep a schedule.
    expect(reasons.length).toBeGreaterThanOrEqual(2);
    expect(reasons.filter((r) => r.includes('one schedule'))).toEqual([]);
    for (const [campaign, pools] of poolsOf)
      expect([campaign, [...pools]]).toEqual([campaign, [...pools].slice(0, 1)]);
  });

  it("keeps a pool that takes up a campaign's script apart by the hours its scheduler runs", () => {
    // Each scheduler runs six hours and rests three; the second starts on day three, five hours
    // out of step with the first, whose campaign by then owns the script's templates.
    const { poolsOf, count, reasons } = analyse(
      traffic(
        [
          { name: 'early', accounts: 24, scripts: eightScripts, runs: (h) => h % 9 < 6 },
          { name: 'late', accounts: 24, scripts: eightScripts, runs: (h) => h >= 48 && (h + 5) % 9 < 6 },
        ],
        5,
      ),
    );
    expect(count('early')).toBeGreaterThanOrEqual(18);
    expect(count('late')).toBeGreaterThanOrEqual(18);
    // The evidence says so: each scheduler rests a third of the time.
    expect(
      reasons.filter((r) => /work to one schedule, all idle in the same \d+ of the last/.test(r)),
    ).toHaveLength(2);
    for (const [campaign, pools] of poolsOf)
      expect([campaign, [...pools]]).toEqual([campaign, [...pools].slice(0, 1)]);
  });

  it('keeps a pool that shares a card apart from a campaign its first suspect resembles', () => {
    // The newcomers follow their card wherever its first suspect goes: that one must wait for
    // its card-mates rather than join the campaign whose script it runs.
    const { poolsOf, count } = analyse(
      traffic(
        [
          { name: 'old', accounts: 30, scripts: eightScripts, runs: always, card: 'card-old' },
          { name: 'new', accounts: 20, scripts: eightScripts, runs: (h) => h >= 60, card: 'card-new' },
        ],
        5,
      ),
    );
    expect(count('old')).toBeGreaterThanOrEqual(24);
    expect(count('new')).toBeGreaterThanOrEqual(16);
    for (const [campaign, pools] of poolsOf)
      expect([campaign, [...pools]]).toEqual([campaign, [...pools].slice(0, 1)]);
  });
});

describe('judging the first accounts of a pool registered ahead', () => {
  // Two accounts at work are no pool on their own; the card they both pay with, which six more
  // accounts signed up with the day before, says how big a pool they belong to.
  const harvesting = { max_tokens: 64_000, thinking_budget: 32_000, n: 4 };
  const registered = (name: string, card: string, working: number): Pool => ({
    name,
    accounts: 8,
    working,
    scripts: [0, 1],
    runs: always,
    card,
    params: harvesting,
  });

  it('flags two working accounts as the pool their shared card was registered for', () => {
    const { count, reasons } = analyse(traffic([registered('pool', 'card-p', 2)], 1));
    expect(count('pool')).toBe(2);
    expect(reasons).toEqual([
      expect.stringMatching(
        /^2 accounts linked by .*; 8 accounts in all signed up with the payment instruments they share/,
      ),
    ]);
  });

  it('leaves two ordinary users alone on a card their family shares', () => {
    const family: Pool = {
      ...registered('family', 'card-f', 2),
      ordinary: true,
      params: { max_tokens: 1_024 },
    };
    expect(analyse(traffic([family], 1)).count('family')).toBe(0);
  });

  it('does not count a card only one of the working accounts pays with', () => {
    // Two ordinary users linked by the script they both run, each on a card of its own: neither
    // card says anything about the other account.
    const user = (name: string, card: string): Pool => ({ ...registered(name, card, 1), ordinary: true });
    const { count } = analyse(traffic([user('one', 'card-1'), user('two', 'card-2')], 1));
    expect(count('one') + count('two')).toBe(0);
  });

  it("keeps two pools' first accounts apart, each with the pool of its own card", () => {
    const { poolsOf, count } = analyse(
      traffic([registered('one', 'card-1', 1), registered('two', 'card-2', 1)], 1),
    );
    expect([count('one'), count('two')]).toEqual([1, 1]);
    expect([...poolsOf.values()].map((pools) => pools.size)).toEqual([1, 1]);
  });

  it("flags one account behind a proxy pool's exits as the pool its card was registered for", () => {
    const { count, reasons } = analyse(traffic([registered('pool', 'card-p', 1)], 1));
    expect(count('pool')).toBe(1);
    expect(reasons).toEqual([
      expect.stringMatching(/^one account at work; 8 accounts in all signed up with its payment instrument/),
    ]);
  });

  it("leaves one harvesting account alone on its lab's card while it keeps its address", () => {
    // A lab that benchmarks a reasoning model signs up on one card and asks for maximal outputs,
    // from the lab's own network.
    const lab: Pool = { ...registered('lab', 'card-l', 1), ordinary: true };
    expect(analyse(traffic([lab], 1)).count('lab')).toBe(0);
  });

  it('leaves one harvesting account alone on a shared card when its phone changes address', () => {
    // A phone's carrier hands it a new address on most requests, all from one network.
    const phone: Pool = { ...registered('phone', 'card-m', 1), carrier: 21928 };
    expect(analyse(traffic([phone], 1)).count('phone')).toBe(0);
  });
});

describe('linking by a client that mostly suspects use', () => {
  // Each account runs two scripts: two shared templates alone do not link an account to another
  // (it takes three, or two votes); a client that mostly suspects use counts as a third.
  const custom = { agent: 'harvest-client/0.3', tls: 't13d0912h2_c0ffee000001_5eed00000001' };
  const pool = (client?: Pool['client']): Pool => ({
    name: 'pool',
    accounts: 16,
    scripts: [3, 4],
    runs: always,
    ...(client ? { client } : {}),
  });

  it('joins a pool whose accounts share a custom client beside their templates', () => {
    const { poolsOf, count, reasons } = analyse(traffic([pool(custom)]));
    expect(count('pool')).toBeGreaterThanOrEqual(12);
    expect([...poolsOf.values()].map((pools) => [...pools])).toEqual([['pool']]);
    // The evidence names the link an analyst can check.
    expect(reasons).toEqual([
      expect.stringMatching(/; 100% connect with a client \(TLS fingerprint, or user agent\)/),
    ]);
  });

  it('does not link by a client that ordinary users share too', () => {
    // The same pool on the client a team of ordinary users also runs: no pool-wide link.
    const office: Pool = { name: 'office', accounts: 40, scripts: [8, 9], runs: always, ordinary: true };
    const { count } = analyse(traffic([pool(custom), { ...office, client: custom }]));
    expect(count('office')).toBe(0);
    expect(count('pool')).toBeLessThan(5);
  });
});

describe('pools with a card per account behind addresses that stay put', () => {
  // Nothing is shared but the script: no card, no rotating exits. Each account is new, signed up
  // through a program and runs round the clock (three traits, 0.45: enough to join, not to seed).
  const pool: Pool = {
    name: 'pool',
    accounts: 30,
    scripts: [0, 1, 2, 3],
    runs: always,
    ownCards: 'education',
    params: { max_tokens: 2_048 },
  };

  it('gathers the accounts that run one script into a campaign', () => {
    const { poolsOf, count, reasons } = analyse(traffic([pool]));
    expect(count('pool')).toBeGreaterThanOrEqual(20);
    expect([...poolsOf.values()].map((pools) => [...pools])).toEqual([['pool']]);
    expect(reasons).toEqual([expect.stringMatching(/^\d+ accounts linked by shared prompt templates/)]);
  });

  it('leaves out an evaluation harness that runs the same script at many times their volume', () => {
    // A lab's new harness account, signed up through a research program, runs round the clock:
    // the same three traits, but a request every minute or two where each pool account makes
    // one or two an hour.
    const harness: Pool = {
      ...pool,
      name: 'harness',
      accounts: 1,
      ownCards: 'research_program',
      every: [1, 2],
    };
    const { count } = analyse(traffic([pool, harness]));
    expect(count('pool')).toBeGreaterThanOrEqual(20);
    expect(count('harness')).toBe(0);
  });

  it('leaves alone a class that signs up together and runs its course scripts in the day', () => {
    // The same sign-ups and scripts, from people: each works nine to six, with ordinary limits.
    const day = (hour: number) => hour % 24 >= 9 && hour % 24 < 18;
    const { count } = analyse(traffic([{ ...pool, name: 'class', runs: day }], 5));
    expect(count('class')).toBe(0);
  });
});

describe('verdicts of accounts no pool was linked to', () => {
  it("ranks a lone account with a pool member's traits above ordinary users, below the flag line", () => {
    // One account of a pool that shares nothing with its others: its own card and address, a
    // startup-program sign-up minutes before work starts, maximal outputs round the clock.
    const lone: Pool = {
      name: 'lone',
      accounts: 1,
      scripts: [0, 4, 9],
      runs: always,
      ownCards: 'startup_program',
    };
    const office: Pool = {
      name: 'office',
      accounts: 6,
      scripts: [2, 8],
      runs: (h) => h % 24 >= 8 && h % 24 < 18,
      ordinary: true,
    };
    // A student who signed up through a campus programme just before starting: two weak traits,
    // common among ordinary users, which raise the score a little but give no reason to watch.
    const student: Pool = {
      name: 'student',
      accounts: 1,
      scripts: [5],
      runs: (h) => h % 24 >= 9 && h % 24 < 17,
      ownCards: 'education',
      ordinary: true,
    };
    const engine = new Engine();
    for (const record of traffic([lone, office, student])) engine.push(project(record));
    engine.finish();
    const verdicts = new Map([...accountVerdicts(engine)].map((v) => [v.account_id, v]));
    const suspect = verdicts.get('lone-00')!;
    expect(suspect.flagged).toBe(false);
    expect(suspect.campaign_id).toBeNull();
    expect(suspect.score).toBeGreaterThan(0.2);
    expect(suspect.score).toBeLessThan(0.5);
    expect(suspect.reasons).toEqual([
      expect.stringMatching(/^not flagged: no pool was linked to it; its own traits: /),
    ]);
    expect(suspect.reasons[0]).toMatch(/round the clock/);
    expect(suspect.reasons[0]).toMatch(/signed up through startup program/);
    const weak = verdicts.get('student-00')!;
    expect(weak.flagged).toBe(false);
    expect(weak.reasons).toEqual([]);
    expect(weak.score).toBeGreaterThan(0);
    expect(weak.score).toBeLessThan(suspect.score);
    const users = [...verdicts.values()].filter((v) => v.account_id.startsWith('office-'));
    expect(users).toHaveLength(6);
    for (const user of users) {
      expect(user.flagged).toBe(false);
      expect(user.reasons).toEqual([]);
      expect(user.score).toBeLessThan(suspect.score / 2);
    }
  });
});
