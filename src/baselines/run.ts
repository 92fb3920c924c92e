// Runs a baseline at one setting on a traffic profile and writes its verdicts to the output
// contract (accounts.jsonl), so `hydrawatch eval` scores it exactly as it scores the detector.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { AccountVerdict } from '../contract/outputs.ts';
import type { Checked } from '../contract/validate.ts';
import { type AnomalySetting, anomalyVerdicts, parseAnomalySetting } from './anomaly.ts';
import type { TrafficProfile } from './profile.ts';
import { parseRateLimitSetting, type RateLimitSetting, rateLimitVerdict } from './rate-limit.ts';

export const BASELINE_METHODS = ['rate-limit', 'anomaly'] as const;
export type BaselineMethod = (typeof BASELINE_METHODS)[number];

export type BaselineSetting =
  | { method: 'rate-limit'; setting: RateLimitSetting }
  | { method: 'anomaly'; setting: AnomalySetting };

/** Reads `--setting` for a method: a tier or custom limits, or an anomaly method[:threshold]. */
export function parseBaselineSetting(method: BaselineMethod, text: string): Checked<BaselineSetting> {
  if (method === 'rate-limit') {
    const parsed = parseRateLimitSetting(text);
    return parsed.ok ? { ok: true, value: { method, setting: parsed.value } } : parsed;
  }
  const parsed = parseAnomalySetting(text);
  return parsed.ok ? { ok: true, value: { method, setting: parsed.value } } : parsed;
}

/** A short name for reports: `rate-limit tier-2`, `anomaly iforest ≥ 0.612`. */
export function describeBaseline(baseline: BaselineSetting): string {
  if (baseline.method === 'rate-limit') return `rate-limit ${baseline.setting.name}`;
  return `anomaly ${baseline.setting.method} ≥ ${baseline.setting.threshold.toFixed(3)}`;
}

/**
 * Verdicts for every account in the profile. A rate-limit setting must be one the profile was
 * built with (its crossing times come from the replay); any anomaly setting works.
 */
export function runBaseline(profile: TrafficProfile, baseline: BaselineSetting): AccountVerdict[] {
  if (baseline.method === 'anomaly')
    return anomalyVerdicts(profile.accounts, baseline.setting, profile.endMs);
  const setting = baseline.setting;
  const index = profile.rateLimitSettings.findIndex((s) => s.name === setting.name);
  if (index < 0)
    throw new Error(`rate-limit setting ${setting.name} was not replayed; pass it to the profile`);
  return profile.accounts.map((features) =>
    rateLimitVerdict(features, setting, profile.limitCrossedAt.get(features.accountId)![index]!),
  );
}

/** Writes verdicts as JSON Lines, waiting on the stream so memory stays flat for large runs. */
export async function writeVerdicts(path: string, verdicts: Iterable<AccountVerdict>): Promise<void> {
  const out = createWriteStream(path);
  const failed = once(out, 'error').then(([error]) => {
    throw error;
  });
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };
  for (const verdict of verdicts) await write(`${JSON.stringify(verdict)}\n`);
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}
