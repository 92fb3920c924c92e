import { describe, expect, it } from 'vitest';
import { project } from './events.ts';
import { DAY_MS, DISTINCT_IP_CAP, HOUR_MS } from './features.ts';
import { ProfileBuilder } from './profile.ts';
import { accountRecord, MINUTE, request, T0 } from './test-traffic.ts';

describe('account features', () => {
  it('counts volume, peaks, tokens, networks and behaviour from a small hand-made account', () => {
    const builder = new ProfileBuilder();
    builder.push(accountRecord('a', T0 - 2 * DAY_MS));
    // Day 1: three requests in hour 0, one in hour 5. Day 2: one request.
    builder.push(request('a', T0, { clientIp: '10.0.0.1', clientNetwork: 'datacenter', longOutput: true }));
    builder.push(request('a', T0 + MINUTE, { clientIp: '10.0.0.2', usesTools: true, turn: 3 }));
    builder.push(request('a', T0 + 2 * MINUTE, { clientIp: '10.0.0.1', inputTokens: 400, turn: 2 }));
    builder.push(request('a', T0 + 5 * HOUR_MS, { clientNetwork: 'mobile', outputTokens: 1500 }));
    builder.push(request('a', T0 + DAY_MS, { clientNetwork: 'education' }));
    const [a] = builder.finish().accounts;
    expect(a).toMatchObject({
      accountId: 'a',
      requests: 5,
      activeDays: 2,
      requestsPerActiveDay: 2.5,
      peakDayRequests: 4,
      peakHourRequests: 3,
      inputTokensPerRequest: 160,
      outputTokensPerRequest: 700,
      distinctIps: 3,
      datacenterShare: 0.2,
      consumerShare: 0.6,
      longOutputShare: 0.2,
      meanTurn: 1.6,
      toolUseShare: 0.2,
      accountAgeDays: 2,
      firstRequestMs: T0,
      lastRequestMs: T0 + DAY_MS,
    });
    // Hours 0 (4 requests) and 5 (1): entropy of (0.8, 0.2) over log 24.
    const expected = -(0.8 * Math.log(0.8) + 0.2 * Math.log(0.2)) / Math.log(24);
    expect(a!.hourOfDaySpread).toBeCloseTo(expected, 10);
  });

  it('caps the distinct IP count and leaves age unknown without an account record', () => {
    const builder = new ProfileBuilder();
    for (let i = 0; i < DISTINCT_IP_CAP + 10; i++)
      builder.push(request('b', T0 + i * MINUTE, { clientIp: `10.1.0.${i}` }));
    const [b] = builder.finish().accounts;
    expect(b!.distinctIps).toBe(DISTINCT_IP_CAP);
    expect(b!.accountAgeDays).toBeNull();
  });

  it('keeps an account seen only by its account record, with no requests', () => {
    const builder = new ProfileBuilder();
    builder.push(accountRecord('c', T0));
    const profile = builder.finish();
    expect(profile.accounts).toMatchObject([{ accountId: 'c', requests: 0, accountAgeDays: null }]);
    expect(profile.endMs).toBe(T0);
  });

  it('replays slightly out-of-order input in time order', () => {
    const inOrder = new ProfileBuilder();
    const shuffled = new ProfileBuilder();
    const times = [0, 1, 2, 61, 62, 63, 64].map((m) => T0 + m * MINUTE);
    for (const t of times) inOrder.push(request('d', t));
    for (const t of [times[3]!, times[0]!, times[5]!, times[1]!, times[2]!, times[6]!, times[4]!])
      shuffled.push(request('d', t));
    expect(shuffled.finish().accounts).toEqual(inOrder.finish().accounts);
  });

  it('projects canonical records to the fields the features need', () => {
    expect(
      project({
        type: 'request',
        time: '2026-01-05T00:00:00Z',
        request_id: 'r1',
        account_id: 'a',
        model: 'm',
        client_ip: '10.0.0.1',
        params: { max_tokens: 32_000 },
        usage: { input_tokens: 5, output_tokens: 7 },
        tool_results: 1,
      }),
    ).toEqual({
      kind: 'request',
      timeMs: T0,
      accountId: 'a',
      clientIp: '10.0.0.1',
      clientNetwork: null,
      inputTokens: 5,
      outputTokens: 7,
      longOutput: true,
      turn: 1,
      usesTools: true,
    });
    expect(project({ type: 'model_release', time: '2026-01-05T00:00:00Z', model: 'm' })).toEqual({
      kind: 'other',
      timeMs: T0,
    });
  });
});
