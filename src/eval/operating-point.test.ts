import { describe, expect, it } from 'vitest';
import type { AccountVerdict, LabelRecord } from '../contract/outputs.ts';
import {
  recallAtFalsePositiveRate,
  rocAuc,
  type ScoredAccount,
  scoredAccounts,
  scoreRanking,
} from './operating-point.ts';
import { scoreAccounts } from './score-accounts.ts';

const a = (score: number): ScoredAccount => ({ label: 'attack', score });
const b = (score: number): ScoredAccount => ({ label: 'benign', score });

describe('recallAtFalsePositiveRate', () => {
  const accounts = [a(0.9), a(0.8), a(0.6), a(0.3), b(0.85), b(0.5), b(0.4), b(0.2), b(0.1)];

  it('finds the most permissive threshold within the benign budget', () => {
    // Descending: 0.9 A, 0.85 B (1/5 = 0.2 ok), 0.8 A, 0.6 A, 0.5 B (2/5 breaches 0.2).
    expect(recallAtFalsePositiveRate(accounts, 0.2)).toEqual({
      threshold: 0.6,
      truePositives: 3,
      falsePositives: 1,
      recall: 0.75,
      falsePositiveRate: 0.2,
    });
    expect(recallAtFalsePositiveRate(accounts, 0)).toMatchObject({
      threshold: 0.9,
      recall: 0.25,
      falsePositives: 0,
    });
    expect(recallAtFalsePositiveRate(accounts, 1)).toMatchObject({
      threshold: 0.1,
      recall: 1,
      falsePositiveRate: 1,
    });
  });

  it('flags equal scores together, so a tie with a benign account costs the attack too', () => {
    expect(recallAtFalsePositiveRate([a(0.7), b(0.7), b(0.1)], 0)).toMatchObject({
      threshold: Number.POSITIVE_INFINITY,
      recall: 0,
      falsePositives: 0,
    });
  });

  it('never flags unscored accounts', () => {
    const labels: LabelRecord[] = [
      { account_id: 'a1', label: 'attack', archetype: 'hydra', operator: 'op' },
      { account_id: 'a2', label: 'attack', archetype: 'hydra', operator: 'op' },
      { account_id: 'b1', label: 'benign', archetype: 'casual' },
    ];
    const verdicts: AccountVerdict[] = [
      { account_id: 'a1', flagged: true, score: 0.8, campaign_id: null, first_flagged_at: null, reasons: [] },
      {
        account_id: 'b1',
        flagged: false,
        score: 0.2,
        campaign_id: null,
        first_flagged_at: null,
        reasons: [],
      },
    ];
    const point = recallAtFalsePositiveRate(scoredAccounts(labels, verdicts), 1);
    expect(point).toMatchObject({ threshold: 0.2, recall: 0.5, falsePositiveRate: 1 });
    // The threshold feeds scoreAccounts for the per-archetype view at that operating point.
    expect(scoreAccounts(labels, verdicts, { threshold: point.threshold }).archetypes[0]).toMatchObject({
      rate: 0.5,
    });
  });

  it('rejects a budget outside 0..1', () => {
    expect(() => recallAtFalsePositiveRate([], 2)).toThrow(RangeError);
  });
});

describe('rocAuc and scoreRanking', () => {
  it('counts the attack-benign pairs the scores order rightly, ties as half', () => {
    // 4 attack x 5 benign = 20 pairs. Attack 0.9 beats all 5, 0.8 and 0.6 beat 4, 0.3 beats 2.
    const accounts = [a(0.9), a(0.8), a(0.6), a(0.3), b(0.85), b(0.5), b(0.4), b(0.2), b(0.1)];
    expect(rocAuc(accounts)).toBeCloseTo(15 / 20, 12);
    // A tie between an attack and a benign account is half a pair either way.
    expect(rocAuc([a(0.5), b(0.5)])).toBe(0.5);
    expect(rocAuc([a(0.5), a(0.2), b(0.5), b(0.1)])).toBeCloseTo((1.5 + 1) / 4, 12);
    // Perfect and reversed rankings; unscored accounts rank last, below any score.
    expect(rocAuc([a(0.2), b(0.1), b(Number.NEGATIVE_INFINITY)])).toBe(1);
    expect(rocAuc([a(Number.NEGATIVE_INFINITY), b(0)])).toBe(0);
    expect(rocAuc([a(0.5)])).toBeNull();
    expect(rocAuc([b(0.5)])).toBeNull();
  });

  it('gives recall at each benign budget and the AUC, whatever the verdicts flag', () => {
    // 1,000 benign accounts: one above every attack account, nine more between the attack scores.
    const benign = [
      b(0.95),
      ...Array.from({ length: 9 }, () => b(0.35)),
      ...Array.from({ length: 990 }, () => b(0)),
    ];
    const attack = [a(0.9), a(0.4), a(0.3), a(0.1)];
    const ranking = scoreRanking([...attack, ...benign]);
    expect(ranking.atFalsePositiveRate.map((p) => [p.budget, p.recall, p.falsePositives])).toEqual([
      [0, 0, 0],
      [0.001, 0.5, 1],
      [0.01, 1, 10],
    ]);
    expect(ranking.atFalsePositiveRate.map((p) => p.threshold)).toEqual([Number.POSITIVE_INFINITY, 0.4, 0.1]);
    // Pairs won: 0.9 and 0.4 beat all but the 0.95, 0.3 and 0.1 only the 990 zeros.
    expect(ranking.auc).toBeCloseTo((999 + 999 + 990 + 990) / 4000, 12);
  });
});
