import { describe, expect, it } from 'vitest';
import { harvestSignal } from './harvest.ts';
import { atMaxOutput, maxOutputTokens } from './model-limits.ts';

describe('harvesting parameters', () => {
  it('knows common models by prefix and falls back for unknown ones', () => {
    expect(maxOutputTokens('gpt-4o-2024-08-06')).toBe(16_384);
    expect(maxOutputTokens('anthropic/claude-sonnet-4-5')).toBe(64_000);
    expect(maxOutputTokens('acme-large')).toBeNull();
    expect(atMaxOutput('gpt-4o', 16_384)).toBe(true);
    expect(atMaxOutput('gpt-4o', 4_096)).toBe(false);
    expect(atMaxOutput('acme-large', 32_768)).toBe(true);
    expect(atMaxOutput('acme-large', 8_000)).toBe(false);
  });

  it('reads every harvesting setting', () => {
    const h = harvestSignal({
      model: 'claude-opus-4-1',
      endpoint: 'batch',
      params: { max_tokens: 32_000, thinking_budget: 32_000, n: 8, top_logprobs: 5 },
    });
    expect(h).toMatchObject({
      maxOutput: true,
      largeThinking: true,
      samples: 8,
      logprobs: true,
      batch: true,
      score: 1,
    });
    expect(harvestSignal({ params: { reasoning_effort: 'high' } }).largeThinking).toBe(true);
    expect(harvestSignal({ model: 'gpt-4o' })).toMatchObject({ maxOutput: false, samples: 1, score: 0 });
  });
});
