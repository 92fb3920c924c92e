import { describe, expect, it } from 'vitest';
import type { LabelRecord } from '../contract/outputs.ts';
import { ProfileBuilder, type TrafficProfile } from './profile.ts';
import type { RateLimitSetting } from './rate-limit.ts';
import { request, T0 } from './test-traffic.ts';
import { tuneBaseline } from './tune.ts';

const settings: RateLimitSetting[] = [
  { name: 'tight', requestsPerHour: 5, requestsPerDay: 1_000, totalRequests: 1_000 },
  { name: 'middle', requestsPerHour: 15, requestsPerDay: 1_000, totalRequests: 1_000 },
  { name: 'wide', requestsPerHour: 50, requestsPerDay: 1_000, totalRequests: 1_000 },
];

/** Per-hour volumes: attackers at 20 and 30, benign accounts at 10 (many) and 40 (one). */
function labelledCase(): { profile: TrafficProfile; labels: LabelRecord[] } {
  const builder = new ProfileBuilder({ rateLimitSettings: settings });
  const labels: LabelRecord[] = [];
  const add = (id: string, perHour: number, label: LabelRecord) => {
    for (let i = 0; i < perHour; i++) builder.push(request(id, T0 + i * 1000));
    labels.push(label);
  };
  add('atk-1', 20, { account_id: 'atk-1', label: 'attack', archetype: 'hydra', operator: 'op' });
  add('atk-2', 30, { account_id: 'atk-2', label: 'attack', archetype: 'hydra', operator: 'op' });
  add('busy', 40, { account_id: 'busy', label: 'benign', archetype: 'eval_harness' });
  for (let i = 0; i < 20; i++)
    add(`user-${i}`, 10, { account_id: `user-${i}`, label: 'benign', archetype: 'casual' });
  return { profile: builder.finish(), labels };
}

describe('tuneBaseline', () => {
  it('picks the setting with the most recall within the false-positive budget', () => {
    const { profile, labels } = labelledCase();
    // 21 benign: one false positive is 4.8%. "tight" flags everyone, "middle" both attackers and
    // the busy benign account, "wide" nobody.
    const tuned = tuneBaseline('rate-limit', profile, labels, { maxFalsePositiveRate: 0.05 });
    expect(tuned.best).toMatchObject({ method: 'rate-limit', setting: { name: 'middle' } });
    expect(tuned.candidates.map((c) => [c.baseline.setting.name, c.recall, c.withinBudget])).toEqual([
      ['tight', 1, false],
      ['middle', 1, true],
      ['wide', 0, true],
    ]);
    const strict = tuneBaseline('rate-limit', profile, labels, { maxFalsePositiveRate: 0.001 });
    expect(strict.best).toMatchObject({ setting: { name: 'wide' } });
  });

  it('gives each anomaly method its own best threshold on the tuning traffic', () => {
    const { profile, labels } = labelledCase();
    const tuned = tuneBaseline('anomaly', profile, labels, { maxFalsePositiveRate: 0.05 });
    expect(tuned.candidates).toHaveLength(3);
    for (const c of tuned.candidates) {
      expect(c.withinBudget).toBe(true);
      expect(c.baseline.method).toBe('anomaly');
    }
    expect(tuned.best).not.toBeNull();
  });
});
