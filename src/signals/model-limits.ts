// Published maximum output sizes (tokens) of common models, matched by name prefix, so "output
// limit at the model's maximum" can be judged per model; unknown models use a flat threshold.

/** Longest prefix wins. Figures are the providers' documented max output tokens (2025). */
export const MAX_OUTPUT_TOKENS: ReadonlyArray<readonly [prefix: string, tokens: number]> = [
  ['gpt-3.5-turbo', 4_096],
  ['gpt-4-turbo', 4_096],
  ['gpt-4o', 16_384],
  ['gpt-4o-mini', 16_384],
  ['gpt-4.1', 32_768],
  ['gpt-5', 128_000],
  ['o1', 100_000],
  ['o1-mini', 65_536],
  ['o3', 100_000],
  ['o4-mini', 100_000],
  ['claude-3-haiku', 4_096],
  ['claude-3-opus', 4_096],
  ['claude-3-5-sonnet', 8_192],
  ['claude-3-5-haiku', 8_192],
  ['claude-3-7-sonnet', 64_000],
  ['claude-sonnet-4', 64_000],
  ['claude-opus-4', 32_000],
  ['claude-haiku-4', 64_000],
  ['gemini-1.5', 8_192],
  ['gemini-2.0', 8_192],
  ['gemini-2.5', 65_536],
  ['deepseek-chat', 8_192],
  ['deepseek-reasoner', 64_000],
  ['qwen', 8_192],
  ['llama', 8_192],
  ['mistral', 8_192],
];

/** Output limit counted as "at the maximum" for a model not in the table. */
export const UNKNOWN_MODEL_MAX_OUTPUT = 32_768;
/** A request within this fraction of the model's maximum is at the maximum. */
export const AT_MAX_FRACTION = 0.9;

/** Limits by model name as given: traffic names few models, and each is looked up on every request. */
const limitMemo = new Map<string, number | null>();
const MEMO_CAP = 4096;

/** The documented maximum output of a model, or null when the table does not know it. */
export function maxOutputTokens(model: string): number | null {
  let limit = limitMemo.get(model);
  if (limit === undefined) {
    limit = lookUpLimit(model);
    if (limitMemo.size >= MEMO_CAP) limitMemo.clear();
    limitMemo.set(model, limit);
  }
  return limit;
}

function lookUpLimit(model: string): number | null {
  const name = model.toLowerCase().replace(/^[\w-]+\//, '');
  let best: readonly [string, number] | null = null;
  for (const entry of MAX_OUTPUT_TOKENS) {
    if (name.startsWith(entry[0]) && (best === null || entry[0].length > best[0].length)) best = entry;
  }
  return best ? best[1] : null;
}

/** True when `maxTokens` asks for (nearly) all the output the model can give. */
export function atMaxOutput(model: string, maxTokens: number): boolean {
  const limit = maxOutputTokens(model);
  const threshold =
    limit === null ? UNKNOWN_MODEL_MAX_OUTPUT : Math.min(limit * AT_MAX_FRACTION, UNKNOWN_MODEL_MAX_OUTPUT);
  return maxTokens >= threshold;
}
