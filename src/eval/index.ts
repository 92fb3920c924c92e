// The scoring library behind `hydrawatch eval`, for benchmarks and baselines that score their
// own verdicts the same way: one import for readers, metrics, operating points and the report.
export { type EventFacts, EventFactsBuilder, type EventFields, readEventFacts } from './event-facts.ts';
export {
  type AblationCount,
  ablateFields,
  ablateRecord,
  FIELD_ABLATIONS,
  type FieldAblation,
} from './field-ablation.ts';
export { formatDuration, formatPercent, formatReport } from './format-report.ts';
export { type GroupingScores, type OperatorGrouping, scoreGrouping, trueOperator } from './grouping.ts';
export {
  type CampaignDetection,
  type RespawnedAccount,
  type RespawnLatency,
  requestCutoffs,
  respawnLatency,
  type TimeToDetect,
  timeToDetect,
  trueCampaign,
} from './latency.ts';
export { adjustedRandIndex, type Distribution, distribution, purity, quantile, rate } from './metrics.ts';
export {
  type OperatingPoint,
  RANKING_BUDGETS,
  recallAtFalsePositiveRate,
  rocAuc,
  type ScoredAccount,
  type ScoreRanking,
  scoredAccounts,
  scoreRanking,
} from './operating-point.ts';
export {
  formatProblem,
  type InputFile,
  type InputProblem,
  readCampaigns,
  readLabels,
  readVerdicts,
} from './read-inputs.ts';
export {
  type AccountScores,
  type ArchetypeScore,
  type Confusion,
  type ScoreAccountsOptions,
  scoreAccounts,
} from './score-accounts.ts';
export {
  EVAL_REPORT_VERSION,
  type EvalReport,
  type ScoreRunPaths,
  scoreInputs,
  scoreRun,
} from './score-run.ts';
