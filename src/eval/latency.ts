// The two "how fast" metrics: time from a campaign's first request to its first flagged account,
// and how many requests an account registered to replace a banned one made before it was
// flagged. Pure functions of labels, verdicts and the facts gathered from the traffic.
import type { AccountVerdict, LabelRecord } from '../contract/outputs.ts';
import type { EventFacts } from './event-facts.ts';
import { type Distribution, distribution } from './metrics.ts';
import { isFlagged, type ScoreAccountsOptions, verdictIndex } from './score-accounts.ts';

/** The true campaign of an attack account: its campaign_id, or its operator when there is none. */
export function trueCampaign(label: LabelRecord): string {
  return label.campaign_id || label.operator || '(unknown campaign)';
}

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

/** When the analysis flagged an account (ms), undefined when not flagged or flagged without a time. */
function flaggedAt(verdict: AccountVerdict | undefined, options: ScoreAccountsOptions): number | undefined {
  if (!verdict || !isFlagged(verdict, options) || verdict.first_flagged_at === null) return undefined;
  return Date.parse(verdict.first_flagged_at);
}

function attackLabels(labels: readonly LabelRecord[]): LabelRecord[] {
  const seen = new Set<string>();
  return labels.filter((l) => l.label === 'attack' && !seen.has(l.account_id) && seen.add(l.account_id));
}

export interface CampaignDetection {
  campaign: string;
  operator: string | null;
  accounts: number;
  flagged: number;
  firstRequestAt: string | null;
  firstFlaggedAt: string | null;
  /** Null when the campaign was never flagged (with a time) or its first request is unknown. */
  secondsToDetect: number | null;
}

export interface TimeToDetect {
  /** Where first-request times came from; null when neither source had them (figures n/a). */
  source: 'events' | 'verdict first_seen' | null;
  campaigns: CampaignDetection[];
  detected: number;
  undetected: number;
  seconds: Distribution;
}

/**
 * Per true campaign: its first request (earliest over its accounts) to its first flagged account
 * (earliest `first_flagged_at` over its flagged accounts).
 */
export function timeToDetect(
  labels: readonly LabelRecord[],
  verdicts: readonly AccountVerdict[],
  firstRequestAt: ReadonlyMap<string, number> | null,
  source: TimeToDetect['source'],
  options: ScoreAccountsOptions = {},
): TimeToDetect {
  const byAccount = verdictIndex(verdicts);
  const rows = new Map<string, { row: CampaignDetection; start?: number; flag?: number }>();
  for (const label of attackLabels(labels)) {
    const campaign = trueCampaign(label);
    const entry = rows.get(campaign) ?? {
      row: {
        campaign,
        operator: label.operator ?? null,
        accounts: 0,
        flagged: 0,
        firstRequestAt: null,
        firstFlaggedAt: null,
        secondsToDetect: null,
      },
    };
    entry.row.accounts += 1;
    const verdict = byAccount.get(label.account_id);
    if (isFlagged(verdict, options)) entry.row.flagged += 1;
    const start = firstRequestAt?.get(label.account_id);
    if (start !== undefined && (entry.start === undefined || start < entry.start)) entry.start = start;
    const flag = flaggedAt(verdict, options);
    if (flag !== undefined && (entry.flag === undefined || flag < entry.flag)) entry.flag = flag;
    rows.set(campaign, entry);
  }
  const campaigns = [...rows.values()]
    .map(({ row, start, flag }) => ({
      ...row,
      firstRequestAt: iso(start),
      firstFlaggedAt: iso(flag),
      secondsToDetect: start !== undefined && flag !== undefined ? (flag - start) / 1000 : null,
    }))
    .sort((a, b) => a.campaign.localeCompare(b.campaign));
  const seconds = campaigns.flatMap((c) => (c.secondsToDetect === null ? [] : [c.secondsToDetect]));
  return {
    source: firstRequestAt ? source : null,
    campaigns,
    detected: campaigns.filter((c) => c.firstFlaggedAt !== null).length,
    undetected: campaigns.filter((c) => c.firstFlaggedAt === null).length,
    seconds: distribution(seconds),
  };
}

/** Per attack account, the cutoff before which its requests count: flag time, or all if never flagged. */
export function requestCutoffs(
  labels: readonly LabelRecord[],
  verdicts: readonly AccountVerdict[],
  options: ScoreAccountsOptions = {},
): Map<string, number> {
  const byAccount = verdictIndex(verdicts);
  const cutoffs = new Map<string, number>();
  for (const label of attackLabels(labels)) {
    const verdict = byAccount.get(label.account_id);
    if (!isFlagged(verdict, options)) cutoffs.set(label.account_id, Number.POSITIVE_INFINITY);
    else {
      const at = flaggedAt(verdict, options);
      // Flagged without a time: its latency is unknown, so it is left out rather than guessed.
      if (at !== undefined) cutoffs.set(label.account_id, at);
    }
  }
  return cutoffs;
}

export interface RespawnedAccount {
  account_id: string;
  campaign: string;
  createdAt: string;
  /** The earlier ban in the same campaign that this account followed. */
  afterBanOf: string;
  bannedAt: string;
  flagged: boolean;
  /** Null when flagged without a `first_flagged_at`. */
  requestsBeforeFlag: number | null;
}

export interface RespawnLatency {
  /** False without an events file: respawns cannot be seen in the outputs alone. */
  available: boolean;
  respawned: number;
  flagged: number;
  neverFlagged: number;
  /** Flagged but with no `first_flagged_at`, so left out of the distribution. */
  flaggedWithoutTime: number;
  /** Over respawned accounts with a known count (never-flagged ones count all their requests). */
  requestsBeforeFlag: Distribution;
  accounts: RespawnedAccount[];
}

const NO_RESPAWN_DATA: RespawnLatency = {
  available: false,
  respawned: 0,
  flagged: 0,
  neverFlagged: 0,
  flaggedWithoutTime: 0,
  requestsBeforeFlag: distribution([]),
  accounts: [],
};

/**
 * Finds respawned accounts (attack accounts created at or after a ban of another account of the
 * same true campaign; created = first `account` record, else first request) and the requests
 * each made before it was flagged, from facts gathered with `requestCutoffs` as cutoffs.
 */
export function respawnLatency(
  labels: readonly LabelRecord[],
  verdicts: readonly AccountVerdict[],
  facts: EventFacts | null,
  options: ScoreAccountsOptions = {},
): RespawnLatency {
  if (!facts) return NO_RESPAWN_DATA;
  const byAccount = verdictIndex(verdicts);
  const attack = attackLabels(labels);
  // Bans per campaign, earliest first, so the first ban of a different account is found quickly.
  const bans = new Map<string, { account: string; at: number }[]>();
  for (const label of attack) {
    const at = facts.bannedAt.get(label.account_id);
    if (at === undefined) continue;
    const list = bans.get(trueCampaign(label)) ?? [];
    list.push({ account: label.account_id, at });
    bans.set(trueCampaign(label), list);
  }
  for (const list of bans.values()) list.sort((a, b) => a.at - b.at);
  const accounts: RespawnedAccount[] = [];
  for (const label of attack) {
    const created = facts.createdAt.get(label.account_id) ?? facts.firstRequestAt.get(label.account_id);
    if (created === undefined) continue;
    const ban = bans.get(trueCampaign(label))?.find((b) => b.account !== label.account_id);
    if (!ban || ban.at > created) continue;
    const verdict = byAccount.get(label.account_id);
    accounts.push({
      account_id: label.account_id,
      campaign: trueCampaign(label),
      createdAt: iso(created)!,
      afterBanOf: ban.account,
      bannedAt: iso(ban.at)!,
      flagged: isFlagged(verdict, options),
      requestsBeforeFlag: facts.requestsBeforeCutoff.get(label.account_id) ?? null,
    });
  }
  const counts = accounts.flatMap((a) => (a.requestsBeforeFlag === null ? [] : [a.requestsBeforeFlag]));
  return {
    available: true,
    respawned: accounts.length,
    flagged: accounts.filter((a) => a.flagged).length,
    neverFlagged: accounts.filter((a) => !a.flagged).length,
    flaggedWithoutTime: accounts.filter((a) => a.requestsBeforeFlag === null).length,
    requestsBeforeFlag: distribution(counts),
    accounts,
  };
}
