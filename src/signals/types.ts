// The per-request features every later stage aggregates. Produced by pure functions of one
// request (see index.ts); the engine depends on these shapes only.

export const CAPABILITIES = [
  'coding',
  'tool_use',
  'math_reasoning',
  'data_analysis',
  'vision',
  'computer_use',
  'writing',
  'general_chat',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** A probability distribution over capabilities; values sum to 1. */
export type CapabilityDistribution = Record<Capability, number>;

export interface ElicitationSignal {
  /** 0..1; >= 0.5 means the request asks for a reasoning trace or judge output to harvest. */
  score: number;
  /** Names of the cues that fired, e.g. `reconstruct-reasoning`, `rubric-grading`; empty when none. */
  cues: string[];
}

export interface HarvestSignal {
  /** Output limit at (or near) the model's maximum. */
  maxOutput: boolean;
  /** Thinking budget or reasoning effort at the high end. */
  largeThinking: boolean;
  /** Samples per prompt (params.n, 1 when absent). */
  samples: number;
  logprobs: boolean;
  batch: boolean;
  /** 0..1 summary of the above. */
  score: number;
}

export interface TemplateSignal {
  /** Stable id of the prompt's template (fingerprint version prefix + hex); null when no text or fp. */
  templateId: string | null;
  /** Compact similarity sketch for sub-linear template grouping (LSH band keys), from text or prompt_fp. */
  bands: readonly string[];
  /** The full `hw3` fingerprint text (what an edge sends as `prompt_fp`); null when there is none. */
  fingerprint?: string | null;
  /** MinHash sketches behind `bands` (sequence slots, then word slots), for TemplateIndex to verify candidates. */
  sketch?: Uint16Array;
  /** Tokens the sketch was built from; short prompts give noisy sketches. */
  tokens?: number;
  /** Where the template came from: the prompt text, an edge `prompt_fp`, or the system prompt alone. */
  source?: 'prompt' | 'prompt_fp' | 'system';
  /** `hw1s:` + 16 hex: exact id of the system prompt (an app's shared instructions), null without one. */
  systemId?: string | null;
}

export interface RequestSignals {
  template: TemplateSignal;
  elicitation: ElicitationSignal;
  capability: CapabilityDistribution;
  harvest: HarvestSignal;
}
