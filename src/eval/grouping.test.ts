import { describe, expect, it } from 'vitest';
import type { AccountVerdict, Campaign, LabelRecord } from '../contract/outputs.ts';
import { scoreGrouping } from './grouping.ts';

const attack = (account_id: string, operator: string): LabelRecord => ({
  account_id,
  label: 'attack',
  archetype: 'hydra',
  operator,
});
const verdict = (account_id: string, flagged: boolean, campaign_id: string | null): AccountVerdict => ({
  account_id,
  flagged,
  score: flagged ? 0.9 : 0.1,
  campaign_id,
  first_flagged_at: null,
  reasons: [],
});
const campaign = (campaign_id: string, accounts: string[]): Campaign => ({
  campaign_id,
  score: 0.9,
  accounts,
  first_seen: '2026-02-01T00:00:00.000Z',
  last_seen: '2026-02-02T00:00:00.000Z',
  requests: 10,
  evidence: [],
});

const labels: LabelRecord[] = [
  attack('a1', 'op1'),
  attack('a2', 'op1'),
  attack('a3', 'op1'),
  attack('a4', 'op2'),
  attack('a5', 'op2'),
  attack('a6', 'op3'),
  attack('a7', 'op1'),
  { account_id: 'b1', label: 'benign', archetype: 'casual' },
  { account_id: 'b2', label: 'benign', archetype: 'casual' },
];
const verdicts = [
  verdict('a1', true, 'C1'),
  verdict('a2', true, 'C1'),
  verdict('a3', true, 'C2'),
  verdict('a4', true, 'C2'),
  verdict('a5', true, 'C2'),
  verdict('a6', true, null),
  verdict('a7', false, 'C1'),
  verdict('b1', true, 'C1'),
];

describe('scoreGrouping', () => {
  it('scores flagged attack accounts only, an ungrouped account as its own campaign', () => {
    const g = scoreGrouping(labels, verdicts);
    // Predicted [C1 C1 C2 C2 C2 U] vs [op1 op1 op1 op2 op2 op3]: purity 5/6, ARI 7/22 (metrics.test).
    expect(g).toMatchObject({
      population: 'flagged attack accounts',
      accounts: 6,
      ungrouped: 1,
      predictedCampaigns: 3,
    });
    expect(g.purity).toBeCloseTo(5 / 6, 12);
    expect(g.adjustedRandIndex).toBeCloseTo(7 / 22, 12);
    expect(g.campaignFile).toBeNull();
  });

  it('reports per operator purity, spread and largest share', () => {
    const [op1, op2, op3] = scoreGrouping(labels, verdicts).operators;
    // op1: 2 of 2 in C1, 1 of 3 in C2 -> (2*2/2 + 1*1/3) / 3 = 7/9; largest 2 of 3.
    expect(op1).toMatchObject({ operator: 'op1', flagged: 3, campaigns: 2 });
    expect(op1!.purity).toBeCloseTo(7 / 9, 12);
    expect(op1!.largestCampaignShare).toBeCloseTo(2 / 3, 12);
    // op2: 2 of the 3 in C2 -> (2*2/3) / 2 = 2/3; all in one campaign.
    expect(op2).toMatchObject({ operator: 'op2', flagged: 2, campaigns: 1, largestCampaignShare: 1 });
    expect(op2!.purity).toBeCloseTo(2 / 3, 12);
    expect(op3).toEqual({ operator: 'op3', flagged: 1, campaigns: 1, purity: 1, largestCampaignShare: 1 });
  });

  it('takes membership from campaigns.json when a verdict names no campaign, and checks the file', () => {
    const campaigns = [
      campaign('C1', ['a1', 'a2', 'b1']),
      campaign('C2', ['a3', 'a4', 'a5', 'a6']),
      campaign('C3', ['b2', 'zz']),
      campaign('C4', ['zz']),
    ];
    const g = scoreGrouping(labels, [...verdicts, verdict('a8', true, 'C9')], campaigns);
    expect(g.ungrouped).toBe(0);
    expect(g.predictedCampaigns).toBe(2);
    expect(g.campaignFile).toEqual({
      campaigns: 4,
      mostlyAttack: 2,
      mostlyBenign: 1,
      unlabelled: 1,
      membershipConflicts: 0,
      unknownCampaignIds: 1,
    });
  });

  it('counts accounts whose verdict disagrees with the campaign listing them', () => {
    const g = scoreGrouping(labels, verdicts, [campaign('C1', ['a1', 'a3'])]);
    expect(g.campaignFile?.membershipConflicts).toBe(1);
  });

  it('has no ARI below two accounts', () => {
    expect(scoreGrouping([attack('a1', 'op1')], [verdict('a1', true, 'C1')]).adjustedRandIndex).toBeNull();
  });
});
