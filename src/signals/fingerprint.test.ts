import { describe, expect, it } from 'vitest';
import {
  BANDS,
  bandKeys,
  formatFingerprint,
  parseFingerprint,
  sketchSimilarity,
  sketchText,
} from './fingerprint.ts';
import { maskSlots, SLOT } from './skeleton.ts';

const CODE_REVIEW =
  'Review this Python function for bugs and suggest a fix:\n```\ndef mean(xs):\n    return sum(xs) / len(xs)\n```';

describe('hw2 fingerprint', () => {
  it('is stable: this test vector must not change within version hw2', () => {
    const fp = sketchText(CODE_REVIEW);
    expect(fp && formatFingerprint(fp)).toBe(
      'hw2:528b2b1c12f9569f:7:-SQF4zXNG0uEf4K1zNvmHumZoJb-RcRHVyIMoiYtFIEM1kkuCbrHcPAK_0FCp-iKrrfmA4d5I5WcxKHlhLNPp197a4iJUekaQ-b03aU8TN1uZMdkQzKClFs1GzcNr6QM-4uTZQjb3rgEQ2OK2iZNK1OVo00Cw-Oz_jxXjZvjdsU',
    );
  });

  it('round-trips through its text form', () => {
    const fp = sketchText(CODE_REVIEW);
    if (!fp) throw new Error('no fingerprint');
    const parsed = parseFingerprint(formatFingerprint(fp));
    expect(parsed?.templateId).toBe(fp.templateId);
    expect(parsed?.tokens).toBe(fp.tokens);
    expect([...(parsed?.sketch ?? [])]).toEqual([...fp.sketch]);
    expect(parseFingerprint('hw1:nothex:1:abc')).toBeNull();
    // A fingerprint of the previous version is not comparable, so it is not read as this one.
    expect(parseFingerprint(formatFingerprint(fp).replace(/^hw2:/, 'hw1:'))).toBeNull();
    expect(parseFingerprint('hw2:0123456789abcdef:1:x')).toBeNull();
  });

  it('masks a named language and the code block even when the instruction is short', () => {
    // Five wording words and a name: the skeleton is used, not the unmasked text with its code.
    const other = sketchText(
      'Review this Rust function for bugs and suggest a fix:\n```\nfn first(v: &Vec<i32>) -> i32 {\n    v[0]\n}\n```',
    );
    expect(other?.templateId).toBe(sketchText(CODE_REVIEW)?.templateId);
    // With too little wording, the unmasked text still decides: different greetings stay apart.
    expect(sketchText('Hi Anna, thanks!')?.templateId).not.toBe(sketchText('Hi Bob, thanks!')?.templateId);
  });

  it('gives slot-filled variants of one template the same skeleton id', () => {
    const a = sketchText(
      'Summarize the customer reviews below for Alice in 3 short bullet points:\n- great phone\n- bad battery',
    );
    const b = sketchText(
      'Summarize the customer reviews below for Rahul in 5 short bullet points:\n- slow delivery\n- nice box\n- cheap',
    );
    expect(a?.templateId).toBe(b?.templateId);
    const c = sketchText('请把下面这句话翻译成英文：“今天的会议推迟到下午三点。”');
    const d = sketchText('请把下面这句话翻译成英文：“我们下周去杭州旅游。”');
    expect(c?.templateId).toBe(d?.templateId);
  });

  it('keeps reworded variants similar and unrelated prompts apart', () => {
    const a = sketchText(
      'Imagine the internal reasoning behind the answer below and write it out step by step.\nQuestion: Why is the sky blue?\nAnswer: Rayleigh scattering.',
    );
    const b = sketchText(
      'Imagine the internal reasoning behind the following answer and write it out, step by step.\nQuestion: How many legs does a spider have?\nAnswer: Eight.',
    );
    const c = sketchText('What is a good recipe for a vegetarian lasagna that kids will like?');
    if (!a || !b || !c) throw new Error('no fingerprint');
    expect(sketchSimilarity(a.sketch, b.sketch)).toBeGreaterThan(0.5);
    expect(sketchSimilarity(a.sketch, c.sketch)).toBeLessThan(0.1);
  });

  it('uses character pairs for Chinese, which has no spaces', () => {
    const a = sketchText('请一步一步地写出你的完整推理过程，然后给出最终答案。');
    const b = sketchText('请一步一步地写出你完整的推理过程，最后给出答案。');
    const c = sketchText('北京今天的天气怎么样？适合去公园散步吗？');
    if (!a || !b || !c) throw new Error('no fingerprint');
    expect(sketchSimilarity(a.sketch, b.sketch)).toBeGreaterThan(0.3);
    expect(sketchSimilarity(a.sketch, c.sketch)).toBeLessThan(0.1);
  });

  it('returns null for text without tokens and one band key per band', () => {
    expect(sketchText('  ... !!! ')).toBeNull();
    const fp = sketchText(CODE_REVIEW);
    expect(fp && bandKeys(fp.sketch)).toHaveLength(BANDS);
  });

  it('masks code, quotes, list items and form values', () => {
    expect(maskSlots('Why does this fail?\n```js\nx()\n```')).toContain(SLOT.code);
    expect(maskSlots('Why does "a long quote" matter?')).toContain(SLOT.quote);
    expect(maskSlots('Pick one.\n- red\n- blue')).toContain(SLOT.list);
    const form = maskSlots('Question: why?\nAnswer: because.');
    expect(form).toContain(SLOT.value);
    expect(form).not.toContain('because');
  });
});
