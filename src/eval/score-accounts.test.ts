import { describe, expect, it } from 'vitest';
import type { AccountVerdict, LabelRecord } from '../contract/outputs.ts';
import { scoreAccounts } from './score-accounts.ts';

const attack = (account_id: string, archetype: string): LabelRecord => ({
  account_id,
  label: 'attack',
  archetype,
  operator: 'op',
});
const benign = (account_id: string, archetype: string): LabelRecord => ({
  account_id,
  label: 'benign',
  archetype,
});
const verdict = (account_id: string, flagged: boolean, score = flagged ? 0.9 : 0.1): AccountVerdict => ({
  account_id,
  flagged,
  score,
  campaign_id: null,
  first_flagged_at: null,
  reasons: [],
});

const labels = [
  attack('a1', 'hydra'),
  attack('a2', 'hydra'),
  attack('a3', 'hydra'),
  attack('a4', 'reseller_mix'),
  benign('b1', 'eval_harness'),
  benign('b2', 'eval_harness'),
  benign('b3', 'eval_harness'),
  benign('b4', 'eval_harness'),
  benign('b5', 'casual'),
  benign('b6', 'casual'),
];
const verdicts = [
  verdict('a1', true, 0.95),
  verdict('a2', true, 0.7),
  verdict('a3', false, 0.4),
  verdict('b1', true, 0.6),
  verdict('b2', false),
  verdict('b3', false),
  verdict('b4', false),
  verdict('b6', false),
  verdict('x1', true),
  verdict('x2', false),
];

describe('scoreAccounts', () => {
  it('scores overall and per archetype, missing verdicts as not flagged', () => {
    const scores = scoreAccounts(labels, verdicts);
    expect(scores.confusion).toEqual({
      truePositives: 2,
      falsePositives: 1,
      falseNegatives: 2,
      trueNegatives: 5,
    });
    expect(scores.precision).toBeCloseTo(2 / 3, 12);
    expect(scores.recall).toBe(0.5);
    expect(scores.falsePositiveRate).toBeCloseTo(1 / 6, 12);
    expect(scores).toMatchObject({
      labelled: 10,
      attack: 4,
      benign: 6,
      missingVerdicts: 2,
      unlabelledVerdicts: 2,
      unlabelledFlagged: 1,
    });
    expect(scores.archetypes).toEqual([
      { archetype: 'hydra', label: 'attack', accounts: 3, flagged: 2, missing: 0, rate: 2 / 3 },
      { archetype: 'reseller_mix', label: 'attack', accounts: 1, flagged: 0, missing: 1, rate: 0 },
      { archetype: 'casual', label: 'benign', accounts: 2, flagged: 0, missing: 1, rate: 0 },
      { archetype: 'eval_harness', label: 'benign', accounts: 4, flagged: 1, missing: 0, rate: 0.25 },
    ]);
  });

  it('flags by score at a threshold when asked', () => {
    const scores = scoreAccounts(labels, verdicts, { threshold: 0.65 });
    expect(scores.confusion).toEqual({
      truePositives: 2,
      falsePositives: 0,
      falseNegatives: 2,
      trueNegatives: 6,
    });
    expect(scores.unlabelledFlagged).toBe(1);
  });

  it('gives null rates, not NaN, when a class is absent', () => {
    const scores = scoreAccounts([benign('b1', 'casual')], []);
    expect(scores.recall).toBeNull();
    expect(scores.precision).toBeNull();
    expect(scores.falsePositiveRate).toBe(0);
  });

  it('counts a labelled account once even if labelled twice', () => {
    expect(
      scoreAccounts([attack('a1', 'hydra'), attack('a1', 'hydra')], [verdict('a1', true)]).labelled,
    ).toBe(1);
  });
});
