import { describe, expect, it } from 'vitest';
import { EventFactsBuilder } from './event-facts.ts';
import { requestCutoffs, respawnLatency, timeToDetect } from './latency.ts';
import { handEvents, handLabels, handVerdicts } from './test-support/hand-made.ts';

function handFacts() {
  const tracked = new Set(handLabels.filter((l) => l.label === 'attack').map((l) => l.account_id));
  const builder = new EventFactsBuilder({ tracked, cutoffs: requestCutoffs(handLabels, handVerdicts) });
  for (const record of handEvents) expect(builder.add(record)).toBeNull();
  return builder.result();
}

describe('requestCutoffs', () => {
  it('uses the flag time, counts everything when never flagged, and skips flags without a time', () => {
    const cutoffs = requestCutoffs(handLabels, handVerdicts);
    expect(cutoffs.get('k3')).toBe(Date.parse('2026-02-01T01:25:00.000Z'));
    expect(cutoffs.get('k4')).toBe(Number.POSITIVE_INFINITY);
    expect(cutoffs.has('m1')).toBe(false);
    expect(cutoffs.has('b1')).toBe(false);
  });
});

describe('timeToDetect', () => {
  it('measures each true campaign from its first request to its first flag', () => {
    const t = timeToDetect(handLabels, handVerdicts, handFacts().firstRequestAt, 'events');
    expect(t.campaigns).toEqual([
      // K1: first request 00:05 (k1, delivered last), first flag 00:50 (k1): 45 min.
      {
        campaign: 'K1',
        operator: 'op1',
        accounts: 5,
        flagged: 3,
        firstRequestAt: '2026-02-01T00:05:00.000Z',
        firstFlaggedAt: '2026-02-01T00:50:00.000Z',
        secondsToDetect: 2700,
      },
      // K2: m1 is flagged without a time, so the first timed flag is m2 at 04:30, 1.5 h after 03:00.
      {
        campaign: 'K2',
        operator: 'op2',
        accounts: 2,
        flagged: 2,
        firstRequestAt: '2026-02-01T03:00:00.000Z',
        firstFlaggedAt: '2026-02-01T04:30:00.000Z',
        secondsToDetect: 5400,
      },
    ]);
    expect(t).toMatchObject({ source: 'events', detected: 2, undetected: 0 });
    expect(t.seconds).toEqual({ n: 2, median: 4050, p90: 5130, max: 5400 });
  });

  it('reports n/a without first-request times, and never-detected campaigns', () => {
    const unflagged = handVerdicts.map((v) => ({ ...v, flagged: false }));
    const t = timeToDetect(handLabels, unflagged, null, 'events');
    expect(t.source).toBeNull();
    expect(t).toMatchObject({ detected: 0, undetected: 2 });
    expect(t.seconds.median).toBeNull();
  });
});

describe('respawnLatency', () => {
  it('finds accounts created after a ban in the same campaign and counts their requests before flagged', () => {
    const r = respawnLatency(handLabels, handVerdicts, handFacts());
    // k3: created 01:05 after k1's ban at 01:00; requests 01:10 and 01:20 (delivered twice) before its
    // flag at 01:25 -> 2. k4: created 01:30, never flagged -> all 3. k5: no account record, so created
    // at its first request 02:15, flagged at 02:15 -> 0 (strictly before). k1 and k2 predate any ban.
    expect(r.accounts.map((a) => [a.account_id, a.afterBanOf, a.requestsBeforeFlag])).toEqual([
      ['k3', 'k1', 2],
      ['k4', 'k1', 3],
      ['k5', 'k1', 0],
    ]);
    expect(r).toMatchObject({
      available: true,
      respawned: 3,
      flagged: 2,
      neverFlagged: 1,
      flaggedWithoutTime: 0,
    });
    expect(r.requestsBeforeFlag).toEqual({ n: 3, median: 2, p90: 2.8, max: 3 });
  });

  it('leaves out a respawned account flagged without a time', () => {
    const verdicts = handVerdicts.map((v) => (v.account_id === 'k3' ? { ...v, first_flagged_at: null } : v));
    const tracked = new Set(handLabels.filter((l) => l.label === 'attack').map((l) => l.account_id));
    const builder = new EventFactsBuilder({ tracked, cutoffs: requestCutoffs(handLabels, verdicts) });
    for (const record of handEvents) builder.add(record);
    const r = respawnLatency(handLabels, verdicts, builder.result());
    expect(r.flaggedWithoutTime).toBe(1);
    expect(r.requestsBeforeFlag).toEqual({ n: 2, median: 1.5, p90: 2.7, max: 3 });
  });

  it('is unavailable without events', () => {
    expect(respawnLatency(handLabels, handVerdicts, null).available).toBe(false);
  });
});

describe('EventFactsBuilder', () => {
  it('rejects records it cannot use, with a reason', () => {
    const builder = new EventFactsBuilder({ tracked: new Set(), cutoffs: new Map() });
    expect(builder.add({ type: 'request', time: 'yesterday', account_id: 'a' })).toMatch(/cannot be parsed/);
    expect(builder.add({ type: 'request', time: '2026-02-01T00:00:00Z' })).toMatch(/without account_id/);
    expect(builder.add({ type: 'request', time: '2026-02-01T00:00:00Z', account_id: 'a' })).toMatch(
      /request_id/,
    );
    expect(builder.add({ type: 'model_release', time: '2026-02-01T00:00:00Z' })).toBeNull();
  });
});
