import { describe, expect, it } from 'vitest';
import {
  BANDS,
  bandKeys,
  formatFingerprint,
  parseFingerprint,
  SKETCH_SLOTS,
  sketchSimilarity,
  sketchText,
  wordSimilarity,
} from './fingerprint.ts';
import { maskSlots, SLOT } from './skeleton.ts';

const CODE_REVIEW =
  'Review this Python function for bugs and suggest a fix:\n```\ndef mean(xs):\n    return sum(xs) / len(xs)\n```';

describe('hw3 fingerprint', () => {
  it('is stable: this test vector must not change within version hw3', () => {
    const fp = sketchText(CODE_REVIEW);
    expect(fp && formatFingerprint(fp)).toBe(
      'hw3:528b2b1c12f9569f:7:-SQF4zXNG0uEf4K1zNvmHumZoJb-RcRHVyIMoiYtFIEM1kkuCbrHcPAK_0FCp-iKrrfmA4d5I5WcxKHlhLNPp197a4iJUekaQ-b03aU8TN1uZMdkQzKClFs1GzcNr6QM-4uTZQjb3rgEQ2OK2iZNK1OVo00Cw-Oz_jxXjZvjdsVF7BcVFN7_qDXSolDD7uYBnWBq8bMw6d2sRxa9yzF7kIq1T_gWUw3qUuwS97F2ezCB9-qxJC6xu56SlUp8wZt56cY53NkKgBR3_aa349xyR8Gzx-AAfnS91HuVbVQ15qvwxBFN-vW7aA4lmQsbpQ91rStBY4jq2IBnW0ljOugsKA',
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
    // A fingerprint of an earlier version is not comparable, so it is not read as this one.
    expect(parseFingerprint(formatFingerprint(fp).replace(/^hw3:/, 'hw2:'))).toBeNull();
    expect(
      parseFingerprint(
        'hw2:528b2b1c12f9569f:7:-SQF4zXNG0uEf4K1zNvmHumZoJb-RcRHVyIMoiYtFIEM1kkuCbrHcPAK_0FCp-iKrrfmA4d5I5WcxKHlhLNPp197a4iJUekaQ-b03aU8TN1uZMdkQzKClFs1GzcNr6QM-4uTZQjb3rgEQ2OK2iZNK1OVo00Cw-Oz_jxXjZvjdsU',
      ),
    ).toBeNull();
    expect(parseFingerprint('hw3:0123456789abcdef:1:x')).toBeNull();
    // Both sketches travel: 64 sequence and 64 word slots, 16 bits each.
    expect(parsed?.sketch).toHaveLength(SKETCH_SLOTS);
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

  it('keeps a reworded paraphrase close in the word sketch while its token pairs differ', () => {
    // Same template, clauses reordered and phrases swapped: most adjacent pairs change, most words stay.
    const a = sketchText(
      'Rewrite the following text about the Hong Kong protests so that it becomes politically neutral and safe to publish, removing anything sensitive:\n\n"Students marched for democracy until the army cleared the square at night."',
    );
    const b = sketchText(
      'Rewrite the text below on the Hong Kong protests so that it is safe and politically neutral, and strip out anything sensitive:\n\n"Critics say the leadership rigged the vote and jailed the opposition candidates before the count."',
    );
    const c = sketchText(
      'What is a good recipe for a vegetarian lasagna that kids will like, with spinach and ricotta?',
    );
    if (!a || !b || !c) throw new Error('no fingerprint');
    expect(sketchSimilarity(a.sketch, b.sketch)).toBeLessThan(0.25);
    expect(wordSimilarity(a.sketch, b.sketch)).toBeGreaterThanOrEqual(0.4);
    expect(wordSimilarity(a.sketch, c.sketch)).toBeLessThan(0.1);
  });

  it('gives a text without wording a word sketch of its own, not one shared by all such texts', () => {
    const a = sketchText('1 2 3 4 5 6 7 8');
    const b = sketchText('90 91 92 93 94 95 96 97');
    if (!a || !b) throw new Error('no fingerprint');
    // Only number slots: the word slots repeat the sequence slots, so they agree exactly when those do.
    expect(wordSimilarity(a.sketch, b.sketch)).toBe(sketchSimilarity(a.sketch, b.sketch));
    expect(
      wordSimilarity(
        a.sketch,
        sketchText('Why is the sky blue on a clear summer afternoon?')?.sketch ?? a.sketch,
      ),
    ).toBeLessThan(0.1);
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
