import { describe, expect, it } from 'vitest';
import { CUES, DAMPERS } from './elicitation-cues.ts';
import { type Gate, gateOf, NgramSet } from './regex-gate.ts';
import { samplePrompts } from './sample-prompts.ts';

const allows = (pattern: RegExp, text: string) => new NgramSet(text).passes(gateOf(pattern));

describe('regex gates', () => {
  it('require the literals every match contains', () => {
    expect(allows(/reason(?:ing)?\s+trace/, 'a reasoning trace')).toBe(true);
    expect(allows(/reason(?:ing)?\s+trace/, 'a reasoning path')).toBe(false);
    expect(allows(/\b(?:rubric|criteria)\b/, 'grade by these criteria')).toBe(true);
    expect(allows(/\b(?:rubric|criteria)\b/, 'grade it')).toBe(false);
    expect(allows(/ab+c/, 'abbbc')).toBe(true);
    expect(allows(/x?y*z{0,3}/, '')).toBe(true);
    expect(allows(/推理过程|答案/, '这个答案')).toBe(true);
    expect(allows(/推理过程|答案/, '这个回答')).toBe(false);
    expect(allows(/SELECT \w+/i, 'select name from t')).toBe(true);
  });

  it('never hide a match of a cue or damper pattern (every generated sample)', () => {
    const patterns = [...DAMPERS.flatMap((d) => d.patterns), ...CUES.flatMap((c) => c.groups.flat())];
    const gates = patterns.map(gateOf);
    for (const s of samplePrompts(5, 1500)) {
      const lower = s.text.toLowerCase();
      const grams = new NgramSet(lower);
      patterns.forEach((p, i) => {
        if (p.test(lower)) expect(grams.passes(gates[i] as Gate)).toBe(true);
      });
    }
  });
});
