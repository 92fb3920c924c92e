// Test support for the report tests: a small run pushed through the real engine, with one
// campaign set by hand so the report's tests do not move whenever the linker is retuned.
import type { EnforcementRecord } from '../contract/events.ts';
import type { AnalysisResult } from '../engine/analyze.ts';
import { Engine } from '../engine/engine.ts';
import { assessPool } from '../engine/evidence.ts';
import type { EventFacts, RequestFacts } from '../engine/facts.ts';
import { accountVerdicts, campaignList } from '../engine/verdicts.ts';
import { newReadStats } from '../ingest/read.ts';
import { CAPABILITIES, type CapabilityDistribution } from '../signals/types.ts';

export const HOSTILE_ID = '<script>alert(1)</script>';
export const HOSTILE_REASON = 'reason with <img src=x onerror=alert(2)> & "quotes"';
const START_MS = Date.parse('2026-02-01T00:00:00.000Z');
const HOUR_MS = 3_600_000;

function capability(top: (typeof CAPABILITIES)[number]): CapabilityDistribution {
  const out = Object.fromEntries(CAPABILITIES.map((c) => [c, 0])) as CapabilityDistribution;
  out[top] = 1;
  return out;
}

function request(
  accountId: string,
  timeMs: number,
  templateId: string,
  extraction: boolean,
  ip: string,
): RequestFacts {
  return {
    type: 'request',
    timeMs,
    accountId,
    orgId: null,
    model: timeMs >= START_MS + 24 * HOUR_MS ? 'helix-5' : 'helix-4',
    ip,
    asn: 7922,
    network: extraction ? 'residential' : 'datacenter',
    country: null,
    userAgent: 'sdk/1.0',
    tlsFingerprint: null,
    turn: 1,
    inputTokens: 400,
    outputTokens: extraction ? 4000 : 300,
    reasoningTokens: 0,
    toolResults: 0,
    tools: 0,
    signals: {
      template: { templateId, bands: [] },
      elicitation: { score: extraction ? 0.9 : 0, cues: extraction ? ['reconstruct-reasoning'] : [] },
      capability: capability(extraction ? 'math_reasoning' : 'coding'),
      harvest: {
        maxOutput: extraction,
        largeThinking: extraction,
        samples: 1,
        logprobs: false,
        batch: false,
        score: extraction ? 0.8 : 0,
      },
    },
  };
}

export interface SampleRunOptions {
  /** Unflagged one-request accounts added on top, to exercise the report's caps. */
  extraAccounts?: number;
}

/** Six pool accounts (one with a hostile id, one banned) over two days, three ordinary ones, a release. */
export function sampleRun(options: SampleRunOptions = {}): AnalysisResult {
  const engine = new Engine();
  const pool = ['pool-a', 'pool-b', 'pool-c', 'pool-d', 'pool-e', HOSTILE_ID];
  const events: EventFacts[] = [{ type: 'model_release', timeMs: START_MS + 24 * HOUR_MS, model: 'helix-5' }];
  pool.forEach((id, i) => {
    // Staggered starts, as a pool brings accounts online one after another.
    for (let t = START_MS + i * 3 * HOUR_MS; t < START_MS + 48 * HOUR_MS; t += 20 * 60_000) {
      events.push(
        request(
          id,
          t + i * 1000,
          i % 2 === 0 ? 'hw2:pool-reasoning' : 'hw2:pool-grading',
          true,
          `73.1.${i}.${t % 250}`,
        ),
      );
    }
  });
  ['office-1', 'office-2', 'ci-bot'].forEach((id, i) => {
    for (let t = START_MS + 2 * HOUR_MS; t < START_MS + 40 * HOUR_MS; t += (i + 1) * 90 * 60_000) {
      events.push(request(id, t, `hw2:benign-${i}`, false, '10.0.0.1'));
    }
  });
  for (let i = 0; i < (options.extraAccounts ?? 0); i++) {
    events.push(
      request(`casual-${i}`, START_MS + (i % 48) * HOUR_MS, `hw2:casual-${i % 7}`, false, '10.0.0.2'),
    );
  }
  const ban: EnforcementRecord = {
    type: 'enforcement',
    time: new Date(START_MS + 30 * HOUR_MS).toISOString(),
    account_id: 'pool-b',
    action: 'ban',
  };
  events.push({ type: 'enforcement', timeMs: START_MS + 30 * HOUR_MS, record: ban });
  events.sort((a, b) => a.timeMs - b.timeMs);
  for (const event of events) engine.push(event);
  engine.finish();

  // Replace whatever the linker concluded with one known campaign.
  engine.linker.campaigns.clear();
  for (const a of engine.accounts.values()) {
    a.flagged = false;
    a.campaignId = null;
    a.firstFlaggedMs = null;
    a.reasons = [];
  }
  const members = pool.map((id) => engine.accounts.get(id)!);
  const assessment = assessPool({
    members,
    totalAccounts: members.length,
  });
  engine.linker.campaigns.set('C-1', {
    id: 'C-1',
    templates: new Set(['hw2:pool-reasoning', 'hw2:pool-grading']),
    accounts: new Set(pool),
    firstSeenMs: START_MS,
    detectedMs: START_MS + 4 * HOUR_MS,
    score: 0.92,
    assessment,
    payments: new Set(),
    channels: new Set(),
    userAgents: new Set(),
  });
  members.forEach((a, i) => {
    a.flagged = true;
    a.campaignId = 'C-1';
    a.firstFlaggedMs = Math.max(START_MS + 4 * HOUR_MS, a.firstMs + HOUR_MS);
    a.reasons = i === members.length - 1 ? [HOSTILE_REASON] : ['shares a pool template with 5 accounts'];
  });

  const read = newReadStats();
  read.records = events.length;
  read.linesIn = events.length + 2;
  read.rejected = 2;
  read.sources.push({
    name: 'sample.jsonl',
    container: 'plain',
    format: 'canonical',
    lines: events.length + 2,
  });
  return {
    engine,
    read,
    accounts: [...accountVerdicts(engine)],
    campaigns: campaignList(engine),
    seconds: 0.5,
    engineSeconds: 0.2,
  };
}
