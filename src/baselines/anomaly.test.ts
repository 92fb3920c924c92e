import { describe, expect, it } from 'vitest';
import { ANOMALY_METHODS, anomalyScores, anomalyVerdicts, parseAnomalySetting } from './anomaly.ts';
import { HOUR_MS } from './features.ts';
import { averagePathLength, isolationForestScores } from './isolation-forest.ts';
import { ProfileBuilder, type TrafficProfile } from './profile.ts';
import { combineZ, median, robustScale, robustZ } from './robust-z.ts';
import { MINUTE, request, T0 } from './test-traffic.ts';

/** 40 ordinary accounts with a little variety, and one that hits hard from many datacenter IPs. */
function population(): TrafficProfile {
  const builder = new ProfileBuilder();
  for (let a = 0; a < 40; a++) {
    for (let i = 0; i < 5 + (a % 7); i++) {
      builder.push(
        request(`user-${a}`, T0 + (a % 5) * HOUR_MS + i * 7 * MINUTE, { outputTokens: 400 + 20 * (a % 9) }),
      );
    }
  }
  for (let i = 0; i < 400; i++) {
    builder.push(
      request('outlier', T0 + i * 30_000, {
        clientIp: `203.0.113.${i % 60}`,
        clientNetwork: 'datacenter',
        outputTokens: 9000,
        longOutput: true,
      }),
    );
  }
  return builder.finish();
}

describe('robust z-scores', () => {
  it('centres on the median and scales by the MAD, falling back to the mean deviation', () => {
    expect(median([3, 0, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const scale = robustScale([1, 2, 3, 4, 100]);
    expect(scale.centre).toBe(3);
    expect(robustZ(4, scale)).toBeCloseTo(0.6745, 4);
    // Over half zeros: MAD is 0, so the mean absolute deviation sets the spread.
    expect(robustScale([0, 0, 0, 1]).spread).toBeCloseTo(0.25 * 1.2533, 6);
    expect(robustScale([5, 5, 5]).spread).toBe(0);
    expect(combineZ([3, -4], 'max')).toBe(4);
    expect(combineZ([3, -4], 'rms')).toBeCloseTo(Math.sqrt(12.5), 10);
  });
});

describe('isolation forest', () => {
  it('isolates the outlier first, and the same seed gives the same scores', () => {
    const rows = Array.from({ length: 200 }, (_, i) => [Math.sin(i) * 0.5, Math.cos(i * 1.3) * 0.5]);
    rows.push([8, -8]);
    const scores = isolationForestScores(rows, { seed: 7 });
    const top = scores.indexOf(Math.max(...scores));
    expect(top).toBe(200);
    expect(scores[200]).toBeGreaterThan(0.7);
    expect(isolationForestScores(rows, { seed: 7 })).toEqual(scores);
    expect(averagePathLength(2)).toBe(1);
    expect(averagePathLength(256)).toBeCloseTo(10.24, 1);
  });
});

describe('anomaly baseline', () => {
  it.each(ANOMALY_METHODS)('ranks the obvious outlier first (%s)', (method) => {
    const profile = population();
    const scores = anomalyScores(profile.accounts, method);
    const ranked = [...scores].sort((a, b) => b.score - a.score);
    expect(ranked[0]!.accountId).toBe('outlier');
    for (const s of scores) expect(s.score).toBeGreaterThanOrEqual(0);
    for (const s of scores) expect(s.score).toBeLessThan(1);
  });

  it('flags at the threshold, at the end of the run, and says which features stood out', () => {
    const profile = population();
    const verdicts = anomalyVerdicts(
      profile.accounts,
      { name: 'm', method: 'robust-max', threshold: 0.9 },
      profile.endMs,
    );
    const flagged = verdicts.filter((v) => v.flagged);
    expect(flagged.map((v) => v.account_id)).toEqual(['outlier']);
    expect(flagged[0]!.first_flagged_at).toBe(new Date(profile.endMs).toISOString());
    expect(flagged[0]!.reasons.join('\n')).toMatch(/high datacenter share: 100%/);
  });

  it('parses a method with an optional threshold', () => {
    expect(parseAnomalySetting('iforest')).toMatchObject({
      ok: true,
      value: { method: 'iforest', threshold: 0.6 },
    });
    expect(parseAnomalySetting('robust-rms:0.7')).toMatchObject({ ok: true, value: { threshold: 0.7 } });
    expect(parseAnomalySetting('robust-rms:2')).toMatchObject({ ok: false });
    expect(parseAnomalySetting('zscore')).toMatchObject({ ok: false });
  });
});
