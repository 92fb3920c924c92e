import { describe, expect, it } from 'vitest';
import { HOUR_MS } from './features.ts';
import { ProfileBuilder } from './profile.ts';
import { parseRateLimitSetting, type RateLimitSetting } from './rate-limit.ts';
import { runBaseline } from './run.ts';
import { MINUTE, request, T0 } from './test-traffic.ts';

const strict: RateLimitSetting = { name: 'strict', requestsPerHour: 2, requestsPerDay: 5, totalRequests: 8 };
const loose: RateLimitSetting = {
  name: 'loose',
  requestsPerHour: 100,
  requestsPerDay: 100,
  totalRequests: 100,
};

function verdicts(pushes: (builder: ProfileBuilder) => void, setting = strict) {
  const builder = new ProfileBuilder({ rateLimitSettings: [strict, loose] });
  pushes(builder);
  const profile = builder.finish();
  return new Map(runBaseline(profile, { method: 'rate-limit', setting }).map((v) => [v.account_id, v]));
}

describe('rate-limit baseline', () => {
  it('flags exactly the accounts over a limit, at the request that went over', () => {
    const byAccount = verdicts((b) => {
      // hourly: 3 requests in one clock hour, the third goes over 2/hour.
      for (const m of [0, 10, 20]) b.push(request('hourly', T0 + m * MINUTE));
      // steady: 2 per hour for 2 hours: at the hour limit, never over; 4 a day is under 5.
      for (const m of [0, 30, 60, 90]) b.push(request('steady', T0 + m * MINUTE));
      // daily: 2 per hour over 3 hours = 6 in a day, the sixth goes over 5/day.
      for (const m of [0, 30, 60, 90, 120, 150]) b.push(request('daily', T0 + 5 * HOUR_MS + m * MINUTE));
    });
    expect(byAccount.get('hourly')).toMatchObject({
      flagged: true,
      first_flagged_at: new Date(T0 + 20 * MINUTE).toISOString(),
      campaign_id: null,
    });
    expect(byAccount.get('hourly')!.reasons[0]).toMatch(/3 requests in one hour, over the strict limit of 2/);
    expect(byAccount.get('daily')).toMatchObject({
      flagged: true,
      first_flagged_at: new Date(T0 + 5 * HOUR_MS + 150 * MINUTE).toISOString(),
    });
    expect(byAccount.get('steady')).toMatchObject({ flagged: false, first_flagged_at: null, reasons: [] });
  });

  it('scores volume relative to the limit: 0.5 at the limit, above it when over', () => {
    const byAccount = verdicts((b) => {
      for (const m of [0, 10, 20]) b.push(request('over', T0 + m * MINUTE));
      for (const m of [0, 10]) b.push(request('at', T0 + m * MINUTE));
      b.push(request('under', T0));
    });
    expect(byAccount.get('at')!.score).toBeCloseTo(0.5, 10);
    expect(byAccount.get('over')!.score).toBeCloseTo(1.5 / 2.5, 10);
    expect(byAccount.get('under')!.score).toBeCloseTo(1 / 3, 10);
  });

  it('uses each setting its own crossing time', () => {
    const byAccount = verdicts((b) => {
      for (let i = 0; i < 101; i++) b.push(request('busy', T0 + i * 1000));
    }, loose);
    expect(byAccount.get('busy')!.first_flagged_at).toBe(new Date(T0 + 100_000).toISOString());
  });

  it('refuses a setting the profile was not replayed with', () => {
    const profile = new ProfileBuilder({ rateLimitSettings: [strict] }).finish();
    expect(() => runBaseline(profile, { method: 'rate-limit', setting: loose })).toThrow(/not replayed/);
  });

  it('parses tier names and custom limits, and rejects anything else', () => {
    expect(parseRateLimitSetting('tier-2')).toMatchObject({ ok: true, value: { name: 'tier-2' } });
    expect(parseRateLimitSetting('hour=5, day=50, total=500')).toEqual({
      ok: true,
      value: {
        name: 'hour=5, day=50, total=500',
        requestsPerHour: 5,
        requestsPerDay: 50,
        totalRequests: 500,
      },
    });
    expect(parseRateLimitSetting('tier-9')).toMatchObject({ ok: false });
    expect(parseRateLimitSetting('hour=0,day=1,total=1')).toMatchObject({ ok: false });
  });
});
