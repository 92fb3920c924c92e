import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairwisePrecisionRecall as pairwise } from '../eval/metrics.ts';
import { computeSignals } from './index.ts';
import { samplePrompts } from './sample-prompts.ts';
import { BucketTable, TemplateIndex } from './template-index.ts';

/** Twelve pseudo-random words: prompt i shares no template with prompt j. */
function unrelatedPrompt(i: number): string {
  const word = (k: number) =>
    `w${(Math.imul(i * 31 + k, 2654435761) >>> 0).toString(36).replace(/\d/g, 'q')}`;
  return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(word).join(' ');
}

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
    for (let i = 0; i < 300; i++) index.assign(computeSignals({ prompt: unrelatedPrompt(i) }).template);
    expect(index.size).toBeLessThanOrEqual(50);
    expect(index.evicted).toBeGreaterThan(0);
  });

  it('places a repeated fingerprint as before, and afresh once its cluster is evicted', () => {
    // A cluster pins its first 8 ids; later ids are remembered apart, with the cluster they joined.
    const index = new TemplateIndex({ maxClusters: 1000 });
    const placed = new Map<string, { clusterId: string; similarity: number }>();
    for (const s of samplePrompts(7, 1500)) {
      const template = computeSignals({ prompt: s.text }).template;
      const match = index.assign(template);
      if (match && template.templateId !== null && !placed.has(template.templateId))
        placed.set(template.templateId, { clusterId: match.clusterId, similarity: match.similarity });
    }
    const idsByCluster = new Map<string, string[]>();
    for (const [id, { clusterId }] of placed) {
      if (!idsByCluster.has(clusterId)) idsByCluster.set(clusterId, []);
      idsByCluster.get(clusterId)!.push(id);
    }
    const crowded = [...idsByCluster].find(([, list]) => list.length > 12);
    expect(crowded, 'a cluster holding more than 12 distinct ids').toBeDefined();
    const [clusterId, ids] = crowded!;
    const repeatId = ids[ids.length - 1]!;
    const repeat = index.assign({ templateId: repeatId });
    expect(repeat).toEqual({ clusterId, similarity: placed.get(repeatId)!.similarity, created: false });

    // Flood the index with unrelated prompts until that cluster is evicted: the remembered id
    // must not name it again, but start a cluster of its own.
    for (let i = 0; i < 1200; i++) index.assign(computeSignals({ prompt: unrelatedPrompt(i) }).template);
    expect(index.evicted).toBeGreaterThan(0);
    expect(index.assign({ templateId: repeatId })).toEqual({
      clusterId: repeatId,
      similarity: 1,
      created: true,
    });
  });

  it('returns null without a fingerprint', () => {
    expect(new TemplateIndex().assign({ templateId: null })).toBeNull();
  });
});

describe('BucketTable', () => {
  it('behaves as a Map under any mix of sets and deletes, colliding keys and growth included', () => {
    // Hashes that differ only above bit 16, but for their two lowest bits, have one of four
    // neighbouring home slots (for a band) until the table holds 65,536 slots: long probe runs
    // of entries from different homes, where a wrong backward shift loses an entry. Thousands of
    // operations make the table grow past its first capacity.
    const hashes = Array.from({ length: 40 }, (_, k) => ((k << 16) | (k % 4)) >>> 0);
    const key = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom(...hashes));
    const op = fc.oneof(
      fc.record({ set: key }),
      fc.record({ del: key }),
      fc.record({ set: fc.tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 0, max: 0xffffffff })) }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1000, maxLength: 4000, size: 'max' }), (ops) => {
        const table = new BucketTable<number>();
        const model = new Map<string, number[]>();
        ops.forEach((o, i) => {
          if ('set' in o) {
            const [band, hash] = o.set;
            const bucket = [i];
            table.set(band, hash, bucket);
            model.set(`${band}:${hash}`, bucket);
          } else {
            const [band, hash] = o.del;
            table.delete(band, hash);
            model.delete(`${band}:${hash}`);
          }
        });
        expect(table.size).toBe(model.size);
        for (const [k, bucket] of model) {
          const [band, hash] = k.split(':').map(Number) as [number, number];
          expect(table.get(band, hash)).toBe(bucket);
        }
        for (let band = 0; band < 4; band++) {
          for (const hash of hashes) expect(table.get(band, hash)).toBe(model.get(`${band}:${hash}`));
        }
      }),
      { numRuns: 60 },
    );
  });
});
