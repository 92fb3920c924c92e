// Scores one analysis run from its files: reads labels, verdicts, optional campaigns and events,
// and assembles the versioned report that the terminal table and the JSON output both show.
import type { AccountVerdict, Campaign, LabelRecord } from '../contract/outputs.ts';
import type { Checked } from '../contract/validate.ts';
import { type EventFacts, readEventFacts } from './event-facts.ts';
import { type GroupingScores, scoreGrouping } from './grouping.ts';
import {
  type RespawnLatency,
  requestCutoffs,
  respawnLatency,
  type TimeToDetect,
  timeToDetect,
} from './latency.ts';
import { type ScoreRanking, scoredAccounts, scoreRanking } from './operating-point.ts';
import { type InputFile, type InputProblem, readCampaigns, readLabels, readVerdicts } from './read-inputs.ts';
import { type AccountScores, type ScoreAccountsOptions, scoreAccounts } from './score-accounts.ts';

/**
 * Version of the report format; bumped on any change to the shape of `EvalReport`
 * (1.1.0 added `ranking`).
 */
export const EVAL_REPORT_VERSION = '1.1.0';

export interface InputSummary {
  file: string;
  /** Records used. */
  records: number;
  /** Lines or items skipped as unusable. */
  rejected: number;
}

export interface EvalReport {
  version: string;
  inputs: {
    labels: InputSummary;
    accounts: InputSummary;
    campaigns: InputSummary | null;
    events: (InputSummary & { requests: number }) | null;
  };
  /** The first problems found in each input (all are counted in `inputs.*.rejected`). */
  problems: InputProblem[];
  accounts: AccountScores;
  /** How the verdicts' scores rank the labelled accounts, apart from their `flagged` field. */
  ranking: ScoreRanking;
  grouping: GroupingScores;
  timeToDetect: TimeToDetect;
  respawn: RespawnLatency;
}

export interface ScoreRunPaths {
  labelsPath: string;
  accountsPath: string;
  campaignsPath?: string;
  /** JSONL traffic, gzip detected by magic bytes, `-` for stdin. */
  eventsPath?: string;
}

export interface ScoreInputs {
  labels: readonly LabelRecord[];
  verdicts: readonly AccountVerdict[];
  campaigns?: readonly Campaign[] | null;
  events?: EventFacts | null;
}

/** First request per account as an analysis may report it (optional `first_seen` on a verdict). */
function verdictFirstSeen(verdicts: readonly AccountVerdict[]): Map<string, number> | null {
  const firstSeen = new Map<string, number>();
  for (const verdict of verdicts) {
    const value = (verdict as AccountVerdict & { first_seen?: unknown }).first_seen;
    const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (!Number.isNaN(at) && !firstSeen.has(verdict.account_id)) firstSeen.set(verdict.account_id, at);
  }
  return firstSeen.size > 0 ? firstSeen : null;
}

/** The scoring half of `scoreRun`, for callers that already hold the records in memory. */
export function scoreInputs(
  inputs: ScoreInputs,
  options: ScoreAccountsOptions = {},
): Pick<EvalReport, 'accounts' | 'ranking' | 'grouping' | 'timeToDetect' | 'respawn'> {
  const { labels, verdicts } = inputs;
  const events = inputs.events ?? null;
  const fallback = events ? null : verdictFirstSeen(verdicts);
  return {
    accounts: scoreAccounts(labels, verdicts, options),
    ranking: scoreRanking(scoredAccounts(labels, verdicts)),
    grouping: scoreGrouping(labels, verdicts, inputs.campaigns ?? null, options),
    timeToDetect: events
      ? timeToDetect(labels, verdicts, events.firstRequestAt, 'events', options)
      : timeToDetect(labels, verdicts, fallback, fallback ? 'verdict first_seen' : null, options),
    respawn: respawnLatency(labels, verdicts, events, options),
  };
}

const summary = <T>(input: InputFile<T>): InputSummary => ({
  file: input.file,
  records: input.records.length,
  rejected: input.rejected,
});

/**
 * Reads and scores one run. Fails (with a reason naming the file) only when an input cannot be
 * read at all or the labels hold no usable line; bad lines are skipped and listed in `problems`.
 */
export async function scoreRun(
  paths: ScoreRunPaths,
  options: ScoreAccountsOptions = {},
): Promise<Checked<EvalReport>> {
  const [labels, verdicts, campaigns] = await Promise.all([
    readLabels(paths.labelsPath),
    readVerdicts(paths.accountsPath),
    paths.campaignsPath ? readCampaigns(paths.campaignsPath) : Promise.resolve(null),
  ]);
  if (!labels.ok) return labels;
  if (!verdicts.ok) return verdicts;
  if (campaigns && !campaigns.ok) return campaigns;
  if (labels.value.records.length === 0) {
    return {
      ok: false,
      reason: `${paths.labelsPath}: no usable label lines (${labels.value.rejected} rejected)`,
    };
  }
  let events: EventFacts | null = null;
  if (paths.eventsPath) {
    const attack = labels.value.records.filter((l) => l.label === 'attack').map((l) => l.account_id);
    const read = await readEventFacts(paths.eventsPath, {
      tracked: new Set(attack),
      cutoffs: requestCutoffs(labels.value.records, verdicts.value.records, options),
    });
    if (!read.ok) return read;
    events = read.value;
  }
  const scores = scoreInputs(
    {
      labels: labels.value.records,
      verdicts: verdicts.value.records,
      campaigns: campaigns?.value.records ?? null,
      events,
    },
    options,
  );
  return {
    ok: true,
    value: {
      version: EVAL_REPORT_VERSION,
      inputs: {
        labels: summary(labels.value),
        accounts: summary(verdicts.value),
        campaigns: campaigns ? summary(campaigns.value) : null,
        events:
          events && paths.eventsPath
            ? {
                file: paths.eventsPath,
                records: events.records,
                rejected: events.rejected,
                requests: events.requests,
              }
            : null,
      },
      problems: [
        ...labels.value.problems,
        ...verdicts.value.problems,
        ...(campaigns?.value.problems ?? []),
        ...(events?.problems ?? []),
      ],
      ...scores,
    },
  };
}
