// A university lab benchmarking a reasoning model, or a remote team whose coding agents run on one
// company card, looks like a pool on paper: its members signed up together through a program on
// one card, and every request asks for maximal outputs and a large thinking budget. Each member
// keeps to its own addresses, though (the campus network, a home line), and their volumes differ
// several-fold; a pool on consumer proxies with the same sign-ups is still found.
import { describe, expect, it } from 'vitest';
import type { TrafficRecord } from '../contract/events.ts';
import { Engine } from './engine.ts';
import { project } from './facts.ts';
import { HOUR, MINUTE, rng, START } from './test-support/synthetic.ts';

const QUESTIONS = [
  'A train travels {n} km in 3 hours. What is its average speed?',
  'What is the remainder when {n} is divided by 7?',
  'Solve for x: 3x + {n} = 4487.',
  'A shirt costs {n} dollars and is discounted by 30%. What is the final price?',
  'How many positive divisors does {n} have?',
];

interface Group {
  /**
   * Where its requests come from: the lab's two campus NAT addresses, each member's own home line,
   * or a new consumer exit each time.
   */
  addresses: 'campus' | 'homes' | 'proxies';
  /** The country of each member's addresses (`client_country`), when the logs carry one. */
  countries?: readonly string[];
  /** Minutes between one account's requests, on average, per account. */
  gapMinutes: readonly number[];
}

/**
 * Ten accounts signed up through an education program on one card a day before; the first
 * `gapMinutes.length` of them send benchmark questions with maximal outputs and a large thinking
 * budget from 09:00 to 18:00 for five days.
 */
function traffic({ addresses, gapMinutes, countries }: Group): TrafficRecord[] {
  const random = rng(11);
  const records: TrafficRecord[] = [];
  for (let a = 0; a < 10; a++) {
    const accountId = `lab-${a}`;
    records.push({
      type: 'account',
      time: new Date(START - 24 * HOUR + a * 7 * MINUTE).toISOString(),
      account_id: accountId,
      payment_fp: 'card-lab',
      signup_channel: 'education',
    });
    const gap = gapMinutes[a];
    if (gap === undefined) continue;
    for (let day = 0; day < 5; day++) {
      const dayStart = START + day * 24 * HOUR;
      for (
        let t = dayStart + (9 + random()) * HOUR;
        t < dayStart + 18 * HOUR;
        t += gap * (0.5 + random()) * MINUTE
      ) {
        const ip = {
          campus: `192.0.2.${1 + (a % 2)}`,
          homes: `${30 + a * 7}.${40 + a}.${a * 3}.${10 + a}`,
          proxies: `${11 + Math.floor(random() * 200)}.${Math.floor(random() * 250)}.${Math.floor(random() * 250)}.${1 + Math.floor(random() * 250)}`,
        }[addresses];
        records.push({
          type: 'request',
          time: new Date(t).toISOString(),
          request_id: `${accountId}-${t}`,
          account_id: accountId,
          model: 'claude-sonnet-4-5',
          client_ip: ip,
          client_network: addresses === 'campus' ? 'education' : 'residential',
          ...(countries ? { client_country: countries[a % countries.length]! } : {}),
          user_agent: 'python-httpx/0.27.0',
          conversation_id: `${accountId}-${t}`,
          turn: 1,
          prompt: `${QUESTIONS[Math.floor(random() * QUESTIONS.length)]!.replace('{n}', String(100 + Math.floor(random() * 9000)))}\nThink step by step, then give the final answer.`,
          params: { max_tokens: 64_000, thinking_budget: 32_000 },
        });
      }
    }
  }
  return records.sort((x, y) => x.time.localeCompare(y.time));
}

function flagged(records: TrafficRecord[]): number {
  const engine = new Engine();
  for (const record of records) engine.push(project(record));
  engine.finish();
  return [...engine.accounts.values()].filter((a) => a.flagged).length;
}

/** Eight students, from one who runs the benchmark all day to one who checks in now and then. */
const STUDENTS = [2, 3, 6, 12, 20, 4, 8, 40];

describe('a group whose sign-ups are shared, by where it works from', () => {
  it('leaves a lab on its campus network alone, however its sign-ups and parameters look', () => {
    expect(flagged(traffic({ addresses: 'campus', gapMinutes: STUDENTS }))).toBe(0);
    // Its first two students, on a card ten accounts signed up with: no pool either.
    expect(flagged(traffic({ addresses: 'campus', gapMinutes: STUDENTS.slice(0, 2) }))).toBe(0);
  });

  it('leaves a remote team alone, each member on a home line of their own', () => {
    expect(flagged(traffic({ addresses: 'homes', gapMinutes: STUDENTS }))).toBe(0);
  });

  it('leaves a remote team alone when its home lines are in one or two countries', () => {
    expect(
      flagged(traffic({ addresses: 'homes', gapMinutes: STUDENTS, countries: ['DE', 'DE', 'DE', 'PL'] })),
    ).toBe(0);
  });

  it('flags accounts on one card that each keep a home line of their own in many countries', () => {
    // A pool on static residential ("ISP") proxies, one exit per account bought where they sell,
    // its load as uneven as the team's, so that no other family than content carries it.
    const countries = ['US', 'GB', 'DE', 'JP', 'BR', 'IN', 'CA', 'KR'];
    expect(flagged(traffic({ addresses: 'homes', gapMinutes: STUDENTS, countries }))).toBe(8);
    // The same accounts in four countries are a team spread wide, not evidence of a pool.
    expect(
      flagged(traffic({ addresses: 'homes', gapMinutes: STUDENTS, countries: countries.slice(0, 4) })),
    ).toBe(0);
  });

  it('flags the same sign-ups and requests sent through consumer proxies, evenly spread', () => {
    expect(flagged(traffic({ addresses: 'proxies', gapMinutes: [5, 5, 5, 5, 5, 5, 5, 5] }))).toBe(8);
  });
});
