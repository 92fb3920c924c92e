import { describe, expect, it } from 'vitest';
import type { TrafficRecord } from '../contract/events.ts';
import { AccountVerdict as AccountVerdictSchema, CampaignList } from '../contract/outputs.ts';
import { compileChecker } from '../contract/validate.ts';
import { ablateRecord, FIELD_ABLATIONS } from '../eval/field-ablation.ts';
import { loadScenario } from '../simulate/scenario.ts';
import { simulateAll } from '../simulate/simulate.ts';
import { Engine } from './engine.ts';
import { project } from './facts.ts';
import { accountVerdicts, campaignList } from './verdicts.ts';

function run(records: Iterable<TrafficRecord>): Engine {
  const engine = new Engine();
  for (const record of records) engine.push(project(record));
  engine.finish();
  return engine;
}

const tiny = loadScenario('tiny');
if (!tiny.ok) throw new Error(tiny.reason);
const { records, labels } = simulateAll(tiny.scenario, { scale: 0.5, seed: 404 });
const engine = run(records);
const verdicts = [...accountVerdicts(engine)];
const campaigns = campaignList(engine);
const label = new Map(labels.map((l) => [l.account_id, l]));

describe('engine on simulated traffic (tiny scenario, a seed no tuning used)', () => {
  it('flags most attack accounts and almost no benign ones', () => {
    const attack = verdicts.filter((v) => label.get(v.account_id)?.label === 'attack');
    const benign = verdicts.filter((v) => label.get(v.account_id)?.label === 'benign');
    const recall = attack.filter((v) => v.flagged).length / attack.length;
    const falsePositives = benign.filter((v) => v.flagged).length;
    expect(attack.length).toBeGreaterThan(10);
    expect(recall).toBeGreaterThanOrEqual(0.7);
    expect(falsePositives).toBeLessThanOrEqual(Math.ceil(benign.length * 0.02));
  });

  it('writes verdicts and campaigns that follow the output contract, with reasons and times', () => {
    const checkVerdict = compileChecker(AccountVerdictSchema);
    for (const v of verdicts) expect(checkVerdict(v)).toEqual({ ok: true, value: v });
    expect(compileChecker(CampaignList)(campaigns).ok).toBe(true);
    for (const v of verdicts.filter((x) => x.flagged)) {
      expect(v.reasons.length).toBeGreaterThan(0);
      expect(v.campaign_id).not.toBeNull();
      const state = engine.accounts.get(v.account_id)!;
      expect(Date.parse(v.first_flagged_at!)).toBeGreaterThanOrEqual(state.firstMs - 10 * 60_000);
    }
    for (const c of campaigns) {
      expect(c.accounts.length).toBeGreaterThanOrEqual(1);
      expect(c.evidence.length).toBeGreaterThan(0);
    }
  });

  it('is deterministic: the same traffic gives the same verdicts', () => {
    const again = [...accountVerdicts(run(records))];
    expect(again).toEqual(verdicts);
  });

  it('honours an allowlist record for a flagged account', () => {
    const flagged = verdicts.find((v) => v.flagged);
    expect(flagged).toBeDefined();
    const lastTime = records[records.length - 1]!.time;
    const allow: TrafficRecord = {
      type: 'enforcement',
      time: lastTime,
      account_id: flagged!.account_id,
      action: 'allowlist',
    };
    const withAllow = run([...records, allow]);
    const verdict = [...accountVerdicts(withAllow)].find((v) => v.account_id === flagged!.account_id)!;
    expect(verdict.flagged).toBe(false);
    expect(verdict.reasons).toEqual(['allowlisted by an enforcement record']);
  });
});

describe('engine on requests with address, model and text only', () => {
  // Many providers log no account records, network kinds, user agents or conversation ids.
  const requestsOnly = FIELD_ABLATIONS[FIELD_ABLATIONS.length - 1]!;
  const stripped = records
    .map((r) => ablateRecord(r, requestsOnly))
    .filter((r): r is TrafficRecord => r !== null);

  it('still finds pools from addresses, templates and timing, without flagging benign accounts', () => {
    expect(stripped.some((r) => r.type === 'account')).toBe(false);
    expect(stripped.some((r) => r.type === 'request' && r.client_network !== undefined)).toBe(false);
    const found = [...accountVerdicts(run(stripped))];
    const attack = found.filter((v) => label.get(v.account_id)?.label === 'attack');
    const benign = found.filter((v) => label.get(v.account_id)?.label === 'benign');
    const recall = attack.filter((v) => v.flagged).length / attack.length;
    // Without sign-up records a pool's addressing seeds its groups alone (0.51 before it did).
    expect(recall).toBeGreaterThanOrEqual(0.55);
    expect(benign.filter((v) => v.flagged).length).toBeLessThanOrEqual(Math.ceil(benign.length * 0.02));
  });

  it('says campaigns are linked by templates alone when no payment or sign-up wave was seen', () => {
    const found = campaignList(run(stripped));
    expect(found.length).toBeGreaterThan(0);
    for (const c of found) {
      expect(c.evidence.join('\n')).toMatch(/accounts linked by shared prompt templates/);
      expect(c.evidence.join('\n')).not.toMatch(/payment instruments or sign-up waves/);
    }
    expect(campaigns.some((c) => c.evidence.join('\n').includes('sign-up waves'))).toBe(true);
  });
});

describe('request facts', () => {
  it('gives the same signals whether or not the text was seen before (the memo is invisible)', async () => {
    const { requestFacts } = await import('./facts.ts');
    const { computeSignals } = await import('../signals/index.ts');
    const requests = records.filter((r) => r.type === 'request').slice(0, 3000);
    // The same prompt with tools, a tool result or a system prompt added reads differently, and
    // must not be served from the prompt-only memo entry.
    const variants = requests.slice(0, 300).flatMap((r) => [
      { ...r, params: { ...r.params, tools: 4 } },
      { ...r, tool_results: 1 },
      { ...r, system: 'You are a grader. Score the answer against the rubric.' },
    ]);
    for (const r of [...requests, ...variants, ...requests, ...variants]) {
      const expected = computeSignals(r);
      const got = requestFacts(r).signals;
      // The facts keep the first cue only: all the engine reads.
      expect(got.elicitation).toEqual({
        score: expected.elicitation.score,
        cues: expected.elicitation.cues.slice(0, 1),
      });
      expect(got.capability).toEqual(expected.capability);
      expect(got.harvest).toEqual(expected.harvest);
      expect(got.template.templateId).toEqual(expected.template.templateId);
    }
  });
});
