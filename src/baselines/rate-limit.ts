// The `rate-limit` baseline: what most API operators run today. An account is flagged when its
// volume goes over a per-account limit (requests per clock hour, per UTC day, or in total),
// at the time of the request that went over; the score is the volume relative to the limit.

import type { AccountVerdict } from '../contract/outputs.ts';
import type { Checked } from '../contract/validate.ts';
import type { AccountFeatures, AccountState } from './features.ts';

export interface RateLimitSetting {
  name: string;
  requestsPerHour: number;
  requestsPerDay: number;
  totalRequests: number;
}

/**
 * A ladder of limits in the shape of the usual API usage tiers, from a trial account to a large
 * customer's, each step about 3x the last (hour : day : total kept at 1 : 10 : 100). Hour and day
 * limits count requests in one clock hour and one UTC day; total counts the whole run.
 */
export const RATE_LIMIT_SETTINGS: readonly RateLimitSetting[] = [
  { name: 'trial', requestsPerHour: 10, requestsPerDay: 100, totalRequests: 1_000 },
  { name: 'free', requestsPerHour: 30, requestsPerDay: 300, totalRequests: 3_000 },
  { name: 'tier-1', requestsPerHour: 100, requestsPerDay: 1_000, totalRequests: 10_000 },
  { name: 'tier-2', requestsPerHour: 300, requestsPerDay: 3_000, totalRequests: 30_000 },
  { name: 'tier-3', requestsPerHour: 1_000, requestsPerDay: 10_000, totalRequests: 100_000 },
  { name: 'tier-4', requestsPerHour: 3_000, requestsPerDay: 30_000, totalRequests: 300_000 },
  { name: 'tier-5', requestsPerHour: 10_000, requestsPerDay: 100_000, totalRequests: 1_000_000 },
];

/** Whether the account's running counts are over any limit right after its latest request. */
export function isOverLimit(state: AccountState, setting: RateLimitSetting): boolean {
  return (
    state.hourCount > setting.requestsPerHour ||
    state.dayCount > setting.requestsPerDay ||
    state.requests > setting.totalRequests
  );
}

interface Exceedance {
  /** Largest of volume / limit over the three limits; above 1 means over a limit. */
  ratio: number;
  reasons: string[];
}

function exceedance(features: AccountFeatures, setting: RateLimitSetting): Exceedance {
  const checks: [number, number, string][] = [
    [features.peakHourRequests, setting.requestsPerHour, 'requests in one hour'],
    [features.peakDayRequests, setting.requestsPerDay, 'requests in one day'],
    [features.requests, setting.totalRequests, 'requests in total'],
  ];
  let ratio = 0;
  const reasons: string[] = [];
  for (const [volume, limit, what] of checks) {
    ratio = Math.max(ratio, volume / limit);
    if (volume > limit) {
      reasons.push(
        `${volume.toLocaleString('en-US')} ${what}, over the ${setting.name} limit of ${limit.toLocaleString('en-US')}`,
      );
    }
  }
  return { ratio, reasons };
}

/**
 * One verdict per account. `crossedAt` is the event time (ms) at which the replay first saw the
 * account over this setting's limits, NaN if never. The score r/(1+r) of the volume ratio r is
 * 0.5 exactly at the limit, so `eval --threshold` sweeps all three limits scaled together.
 */
export function rateLimitVerdict(
  features: AccountFeatures,
  setting: RateLimitSetting,
  crossedAt: number,
): AccountVerdict {
  const { ratio, reasons } = exceedance(features, setting);
  const flagged = reasons.length > 0;
  if (flagged !== !Number.isNaN(crossedAt)) {
    throw new Error(`rate-limit replay and totals disagree for ${features.accountId} (${setting.name})`);
  }
  return {
    account_id: features.accountId,
    flagged,
    score: ratio / (1 + ratio),
    campaign_id: null,
    first_flagged_at: flagged ? new Date(crossedAt).toISOString() : null,
    reasons,
  };
}

const CUSTOM_SETTING = /^hour=(\d+),day=(\d+),total=(\d+)$/;

/** A setting by tier name, or custom limits written `hour=N,day=N,total=N`. */
export function parseRateLimitSetting(text: string): Checked<RateLimitSetting> {
  const named = RATE_LIMIT_SETTINGS.find((s) => s.name === text);
  if (named) return { ok: true, value: named };
  const match = CUSTOM_SETTING.exec(text.replace(/\s+/g, ''));
  if (!match) {
    const names = RATE_LIMIT_SETTINGS.map((s) => s.name).join(', ');
    return {
      ok: false,
      reason: `unknown rate-limit setting "${text}"; use one of ${names} or hour=N,day=N,total=N`,
    };
  }
  const [requestsPerHour, requestsPerDay, totalRequests] = match.slice(1).map(Number) as [
    number,
    number,
    number,
  ];
  if (requestsPerHour < 1 || requestsPerDay < 1 || totalRequests < 1)
    return { ok: false, reason: `rate limits must be at least 1, got "${text}"` };
  return { ok: true, value: { name: text, requestsPerHour, requestsPerDay, totalRequests } };
}
