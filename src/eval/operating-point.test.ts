import { describe, expect, it } from 'vitest';
import type { AccountVerdict, LabelRecord } from '../contract/outputs.ts';
import { recallAtFalsePositiveRate, type ScoredAccount, scoredAccounts } from './operating-point.ts';
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
