// Campaign grouping: whether the attack accounts an analysis flagged were put together by the
// operator really behind them. Scored over flagged attack accounts only, so grouping quality is
// not confounded with recall (missed accounts) or precision (benign accounts flagged).
import type { AccountVerdict, Campaign, LabelRecord } from '../contract/outputs.ts';
import { adjustedRandIndex, contingency, purity, rate } from './metrics.ts';
import { isFlagged, type ScoreAccountsOptions, verdictIndex } from './score-accounts.ts';

export interface OperatorGrouping {
  operator: string;
  /** This operator's attack accounts that were flagged. */
  flagged: number;
  /** Distinct predicted campaigns they were spread over (an ungrouped account is its own). */
  campaigns: number;
  /**
   * Share of same-operator accounts in the campaigns this operator's accounts landed in,
   * weighted by account: 1 when those campaigns hold no other operator's accounts.
   */
  purity: number | null;
  /** Largest share of the operator's flagged accounts found in a single predicted campaign. */
  largestCampaignShare: number | null;
}

export interface CampaignFileSummary {
  campaigns: number;
  /** Campaigns whose labelled members are mostly attack accounts. */
  mostlyAttack: number;
  /** Campaigns whose labelled members are mostly (or half) benign accounts. */
  mostlyBenign: number;
  /** Campaigns none of whose members are labelled. */
  unlabelled: number;
  /** Accounts whose verdict names a different campaign than the one listing them. */
  membershipConflicts: number;
  /** Campaign ids named by verdicts but absent from campaigns.json. */
  unknownCampaignIds: number;
}

export interface GroupingScores {
  /** Which accounts the grouping figures are computed over, in words for the report. */
  population: string;
  accounts: number;
  /** Flagged attack accounts with no campaign at all; each is scored as a campaign of one. */
  ungrouped: number;
  predictedCampaigns: number;
  purity: number | null;
  /** Null below two accounts, where there are no pairs to agree or disagree on. */
  adjustedRandIndex: number | null;
  operators: OperatorGrouping[];
  campaignFile: CampaignFileSummary | null;
}

/** The true group of an attack account: its operator, or its campaign when no operator is given. */
export function trueOperator(label: LabelRecord): string {
  return label.operator || label.campaign_id || '(unknown operator)';
}

// NUL cannot appear in contract ids written by sane tools, so these never collide with real ones.
const ungroupedKey = (accountId: string): string => `\u0000ungrouped\u0000${accountId}`;

function membership(campaigns: readonly Campaign[]): Map<string, string> {
  const campaignOf = new Map<string, string>();
  for (const campaign of campaigns) {
    for (const accountId of campaign.accounts)
      if (!campaignOf.has(accountId)) campaignOf.set(accountId, campaign.campaign_id);
  }
  return campaignOf;
}

function summarizeCampaignFile(
  labels: readonly LabelRecord[],
  verdicts: Map<string, AccountVerdict>,
  campaigns: readonly Campaign[],
): CampaignFileSummary {
  const labelOf = new Map(labels.map((l) => [l.account_id, l.label]));
  const summary: CampaignFileSummary = {
    campaigns: campaigns.length,
    mostlyAttack: 0,
    mostlyBenign: 0,
    unlabelled: 0,
    membershipConflicts: 0,
    unknownCampaignIds: 0,
  };
  const known = new Set(campaigns.map((c) => c.campaign_id));
  for (const campaign of campaigns) {
    let attack = 0;
    let benign = 0;
    for (const accountId of new Set(campaign.accounts)) {
      const label = labelOf.get(accountId);
      if (label === 'attack') attack += 1;
      else if (label === 'benign') benign += 1;
      const named = verdicts.get(accountId)?.campaign_id;
      if (named && named !== campaign.campaign_id) summary.membershipConflicts += 1;
    }
    if (attack + benign === 0) summary.unlabelled += 1;
    else if (attack > benign) summary.mostlyAttack += 1;
    else summary.mostlyBenign += 1;
  }
  const unknown = new Set<string>();
  for (const verdict of verdicts.values()) {
    if (verdict.campaign_id !== null && !known.has(verdict.campaign_id)) unknown.add(verdict.campaign_id);
  }
  summary.unknownCampaignIds = unknown.size;
  return summary;
}

function operatorRows(predicted: readonly string[], truth: readonly string[]): OperatorGrouping[] {
  const table = contingency(predicted, truth);
  const clusterSize = new Map<string, number>();
  for (const [cluster, row] of table)
    clusterSize.set(
      cluster,
      [...row.values()].reduce((a, b) => a + b, 0),
    );
  const operators = [...new Set(truth)].sort();
  return operators.map((operator) => {
    let flagged = 0;
    let campaigns = 0;
    let weightedPurity = 0;
    let largest = 0;
    for (const [cluster, row] of table) {
      const n = row.get(operator) ?? 0;
      if (n === 0) continue;
      flagged += n;
      campaigns += 1;
      weightedPurity += (n * n) / clusterSize.get(cluster)!;
      largest = Math.max(largest, n);
    }
    return {
      operator,
      flagged,
      campaigns,
      purity: rate(weightedPurity, flagged),
      largestCampaignShare: rate(largest, flagged),
    };
  });
}

/**
 * Scores the predicted campaigns of flagged attack accounts against their true operators. A
 * verdict's own `campaign_id` wins; otherwise membership in campaigns.json, if given, is used.
 */
export function scoreGrouping(
  labels: readonly LabelRecord[],
  verdicts: readonly AccountVerdict[],
  campaigns: readonly Campaign[] | null = null,
  options: ScoreAccountsOptions = {},
): GroupingScores {
  const byAccount = verdictIndex(verdicts);
  const listedIn = campaigns ? membership(campaigns) : new Map<string, string>();
  const predicted: string[] = [];
  const truth: string[] = [];
  let ungrouped = 0;
  const seen = new Set<string>();
  for (const label of labels) {
    if (label.label !== 'attack' || seen.has(label.account_id)) continue;
    seen.add(label.account_id);
    const verdict = byAccount.get(label.account_id);
    if (!isFlagged(verdict, options)) continue;
    const campaignId = verdict?.campaign_id ?? listedIn.get(label.account_id);
    if (!campaignId) ungrouped += 1;
    predicted.push(campaignId ?? ungroupedKey(label.account_id));
    truth.push(trueOperator(label));
  }
  return {
    population: 'flagged attack accounts',
    accounts: predicted.length,
    ungrouped,
    predictedCampaigns: new Set(predicted).size,
    purity: purity(predicted, truth),
    adjustedRandIndex: predicted.length >= 2 ? adjustedRandIndex(predicted, truth) : null,
    operators: operatorRows(predicted, truth),
    campaignFile: campaigns ? summarizeCampaignFile(labels, byAccount, campaigns) : null,
  };
}
