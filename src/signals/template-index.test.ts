import { describe, expect, it } from 'vitest';
import { pairwisePrecisionRecall as pairwise } from '../eval/metrics.ts';
import { computeSignals } from './index.ts';
import { samplePrompts } from './sample-prompts.ts';
import { TemplateIndex } from './template-index.ts';

describe('TemplateIndex', () => {
  it('groups generated templated prompts (slot filling and paraphrase) into clusters', () => {
    const samples = samplePrompts(11, 1200);
    const index = new TemplateIndex();
    const clusters = samples.map(
      (s) => index.assign(computeSignals({ prompt: s.text }).template)?.clusterId ?? '',
    );
    const { precision, recall } = pairwise(
      samples.map((s) => s.templateKey),
      clusters,
    );
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.75);
  });

  it('names a cluster by the templateId of its first member, so ids are stable across replays', () => {
    const index = new TemplateIndex();
    const first = computeSignals({
      prompt:
        'Classify the sentiment of this customer review as positive, negative or mixed, with one word only: "great value, fast shipping"',
    });
    const second = computeSignals({
      prompt:
        'Classify the sentiment of this customer review as positive, negative or mixed, with one word only: "broke after a day"',
    });
    const a = index.assign(first.template);
    const b = index.assign(second.template);
    expect(a?.created).toBe(true);
    expect(a?.clusterId).toBe(first.template.templateId);
    expect(b?.clusterId).toBe(a?.clusterId);
  });

  it('joins a paraphrase by its word sketch when the token pairs differ too much', () => {
    const original = computeSignals({
      prompt:
        'Rewrite the following text about the Hong Kong protests so that it becomes politically neutral and safe to publish, removing anything sensitive:\n\n"Students marched for democracy until the army cleared the square at night."',
    }).template;
    const paraphrase = computeSignals({
      prompt:
        'Rewrite the text below on the Hong Kong protests so that it is safe and politically neutral, and strip out anything sensitive:\n\n"Critics say the leadership rigged the vote and jailed the opposition candidates before the count."',
    }).template;
    const index = new TemplateIndex();
    const first = index.assign(original);
    const second = index.assign(paraphrase);
    expect(second?.clusterId).toBe(first?.clusterId);
    expect(second?.similarity).toBeGreaterThanOrEqual(0.4);
    // The sequence sketch alone keeps them apart: the word sketch did the joining.
    const sequenceOnly = new TemplateIndex({ minWordTokens: Number.POSITIVE_INFINITY });
    const apart = sequenceOnly.assign(original);
    expect(sequenceOnly.assign(paraphrase)?.clusterId).not.toBe(apart?.clusterId);
  });

  it('does not join short prompts by their words alone', () => {
    // Five and six tokens, most of them shared: few words share by chance too often to trust.
    const a = computeSignals({ prompt: 'Translate this letter into formal German for my landlord' }).template;
    const b = computeSignals({
      prompt: 'My landlord wants this letter: translate it into formal German',
    }).template;
    const index = new TemplateIndex();
    expect(index.assign(b)?.clusterId).not.toBe(index.assign(a)?.clusterId);
    const trusting = new TemplateIndex({ minWordTokens: 4 });
    expect(trusting.assign(b)?.clusterId).toBe(trusting.assign(a)?.clusterId);
  });

  it('stays within its cap, evicting the least recently used clusters', () => {
    const index = new TemplateIndex({ maxClusters: 50 });
    for (let i = 0; i < 300; i++) {
      const word = (k: number) =>
        `w${(Math.imul(i * 31 + k, 2654435761) >>> 0).toString(36).replace(/\d/g, 'q')}`;
      const prompt = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(word).join(' ');
      index.assign(computeSignals({ prompt }).template);
    }
    expect(index.size).toBeLessThanOrEqual(50);
    expect(index.evicted).toBeGreaterThan(0);
  });

  it('returns null without a fingerprint', () => {
    expect(new TemplateIndex().assign({ templateId: null })).toBeNull();
  });
});
