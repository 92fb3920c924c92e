import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../contract/events.ts';
import { bandKeys, computeSignals, systemPromptId } from './index.ts';

const request: RequestRecord = {
  type: 'request',
  time: '2026-02-01T00:00:00.000Z',
  request_id: 'r1',
  account_id: 'a1',
  model: 'gpt-4o',
  system: 'You are a helpful assistant for ACME Corp.',
  prompt:
    'Imagine the internal reasoning behind this final answer and write it out step by step.\nQuestion: 2+2?\nAnswer: 4',
  params: { max_tokens: 16_384, n: 4 },
};

describe('computeSignals', () => {
  it('is pure: same request, same signals, request untouched', () => {
    const copy = structuredClone(request);
    expect(computeSignals(request)).toEqual(computeSignals(request));
    expect(request).toEqual(copy);
  });

  it('gives every signal', () => {
    const s = computeSignals(request);
    expect(s.template.templateId).toMatch(/^hw3:[0-9a-f]{16}$/);
    expect(s.template.systemId).toBe(systemPromptId('you are a  helpful assistant for acme corp. '));
    expect(s.elicitation.score).toBeGreaterThanOrEqual(0.5);
    expect(s.harvest).toMatchObject({ maxOutput: true, samples: 4 });
  });

  it('keys the template on the user turn, not a shared system prompt', () => {
    const a = computeSignals({ ...request, system: 'App A instructions' }).template.templateId;
    const b = computeSignals({ ...request, system: 'Totally different app B' }).template.templateId;
    expect(a).toBe(b);
  });

  it('reads an edge fingerprint (prompt_fp) as if it were the text', () => {
    const fromText = computeSignals(request, { fingerprintText: true }).template;
    const { prompt: _, ...withoutText } = request;
    const fromFp = computeSignals({ ...withoutText, prompt_fp: fromText.fingerprint ?? '' }).template;
    expect(fromFp.templateId).toBe(fromText.templateId);
    expect(fromFp.bands).toEqual(fromText.bands);
    expect(fromFp.source).toBe('prompt_fp');
  });

  it('writes the template signal as JSON with its band keys, built only when read', () => {
    const template = computeSignals(request).template;
    const json = JSON.parse(JSON.stringify(template));
    expect(json.bands).toEqual(bandKeys(template.sketch!));
    expect(Object.keys(json).sort()).toEqual(
      ['bands', 'fingerprint', 'sketch', 'source', 'systemId', 'templateId', 'tokens'].sort(),
    );
    expect(json.templateId).toBe(template.templateId);
  });

  it('has no template without text or fingerprint', () => {
    expect(computeSignals({ model: 'x' }).template).toMatchObject({ templateId: null, bands: [] });
  });
});

describe('computeSignals on hostile text', () => {
  // Prompts are written by whoever calls the API. A pattern that can backtrack exponentially lets
  // one request stall a reader for hours (a call like `f(aaaa…` of 40 letters once did); every
  // signal must stay linear in the text, so these finish within the test's time limit.
  const atoms = [
    'f(a',
    'a',
    'a.',
    'a,',
    'a, ',
    '$a',
    '"a',
    '`',
    '```',
    '1+',
    'x=',
    '\\frac',
    ': ',
    '- ',
    '\n',
    '推理',
  ];
  it.each(atoms)('stays linear on long runs of %j', (atom) => {
    for (const text of [
      atom.repeat(4000),
      `${atom.repeat(2000)} `,
      `f(${atom.repeat(2000)}`,
      `\n${atom.repeat(2000)}\n`,
    ]) {
      const signals = computeSignals({ prompt: text, system: text });
      expect(signals.elicitation.score).toBeGreaterThanOrEqual(0);
      expect(Object.values(signals.capability).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
    }
  });
});
