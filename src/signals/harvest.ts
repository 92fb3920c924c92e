// Harvesting parameters: the request settings that maximise what one call yields (output limit at
// the model's maximum, large thinking budgets, several samples, log-probabilities, batch).
import type { RequestRecord } from '../contract/events.ts';
import { atMaxOutput } from './model-limits.ts';
import type { HarvestSignal } from './types.ts';

/** Thinking budgets at or above this many tokens count as large. */
export const LARGE_THINKING_BUDGET = 16_384;
const HIGH_EFFORT = new Set(['high', 'xhigh', 'max', 'maximum']);

/** Weights of each setting in the 0..1 summary; batch is weak because enterprises batch too. */
const WEIGHTS = { maxOutput: 0.3, largeThinking: 0.3, samples: 0.2, logprobs: 0.2, batch: 0.1 } as const;

export function harvestSignal(req: Partial<RequestRecord>): HarvestSignal {
  const params = req.params ?? {};
  const maxOutput = params.max_tokens !== undefined && atMaxOutput(req.model ?? '', params.max_tokens);
  const largeThinking =
    (params.thinking_budget ?? 0) >= LARGE_THINKING_BUDGET ||
    HIGH_EFFORT.has((params.reasoning_effort ?? '').toLowerCase());
  const samples = Math.max(1, params.n ?? 1);
  const logprobs = params.logprobs === true || (params.top_logprobs ?? 0) > 0;
  const batch = params.batch === true || req.endpoint === 'batch';
  const score =
    (maxOutput ? WEIGHTS.maxOutput : 0) +
    (largeThinking ? WEIGHTS.largeThinking : 0) +
    (samples > 1 ? WEIGHTS.samples * Math.min(1, Math.log2(samples) / 3) : 0) +
    (logprobs ? WEIGHTS.logprobs : 0) +
    (batch ? WEIGHTS.batch : 0);
  return {
    maxOutput,
    largeThinking,
    samples,
    logprobs,
    batch,
    score: Math.round(Math.min(1, score) * 1000) / 1000,
  };
}
