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
