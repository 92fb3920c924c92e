// Public face of the prompt generators: the labelled sampler and the family names.
export { isElicitation, PromptKit, type PromptSample, promptSamples } from './sampler.ts';
export { ELICITATION_FAMILIES, type Language, PROMPT_FAMILIES, type PromptFamily } from './types.ts';
