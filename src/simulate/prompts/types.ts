// Shapes shared by the prompt grammars (one file per language) and the sampler.

export type Language = 'en' | 'zh';

/** One family of prompts in one language: named templates, each a list of paraphrases. */
export interface FamilyGrammar {
  /** Paraphrases per template; `{slot}` is filled from the language's slot pools. */
  templates: Record<string, readonly string[]>;
  /** System prompts sent with this family (an app's or agent's instructions), if any. */
  systems?: readonly string[];
}

export interface LanguageGrammar {
  language: Language;
  families: Record<string, FamilyGrammar>;
  slots: Record<string, readonly string[]>;
  /** Light wording noise added around any prompt: openers and closers people type. */
  openers: readonly string[];
  closers: readonly string[];
}

/** Families whose prompts ask the model to produce training signal (traces, judgements, rewrites). */
export const ELICITATION_FAMILIES = [
  'cot_reconstruction',
  'explanation_trace',
  'rubric_grading',
  'safe_rewrite',
] as const;

export const PROMPT_FAMILIES = [
  ...ELICITATION_FAMILIES,
  'agentic_task',
  'tool_use',
  'agentic_coding',
  'data_analysis',
  'computer_use',
  'vision_task',
  'chat',
  'coding_help',
  'student_solution',
  'benchmark_cot',
  'app_template',
  'batch_extraction',
  'batch_classification',
  'agent_narration',
  'coding_agent',
  'summarization',
  'essay_feedback',
  'content_rewrite',
  'followup',
] as const;

export type PromptFamily = (typeof PROMPT_FAMILIES)[number];
