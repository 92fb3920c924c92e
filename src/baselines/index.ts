// The baselines users run today (per-account rate limits, per-account anomaly scores), as a
// library for benchmarks and docs/RESULTS.md: profile traffic once, run or tune any setting.
export {
  ANOMALY_FEATURES,
  ANOMALY_METHODS,
  ANOMALY_SETTINGS,
  type AnomalyMethod,
  type AnomalyScore,
  type AnomalySetting,
  anomalyScores,
  anomalyVerdicts,
  parseAnomalySetting,
} from './anomaly.ts';
export { type AccountFeatures, DISTINCT_IP_CAP } from './features.ts';
export { isolationForestScores } from './isolation-forest.ts';
export {
  DEFAULT_LATENESS_MS,
  ProfileBuilder,
  type ProfileOptions,
  profileTraffic,
  type ReadProfileOptions,
  type TrafficProfile,
} from './profile.ts';
export {
  parseRateLimitSetting,
  RATE_LIMIT_SETTINGS,
  type RateLimitSetting,
  rateLimitVerdict,
} from './rate-limit.ts';
export {
  BASELINE_METHODS,
  type BaselineMethod,
  type BaselineSetting,
  describeBaseline,
  parseBaselineSetting,
  runBaseline,
  writeVerdicts,
} from './run.ts';
export {
  DEFAULT_MAX_FALSE_POSITIVE_RATE,
  type TunedBaseline,
  type TuningCandidate,
  type TuningOptions,
  tuneBaseline,
} from './tune.ts';
