// Reasoning-elicitation score: does the request ask for a reasoning trace, a judgement or a "safe"
// rewrite to harvest? Explainable: the score comes with the names of the cues that fired.

import { CUES, type Cue, DAMPERS, PREFILTER } from './elicitation-cues.ts';
import { type Gate, gateOf, NgramSet } from './regex-gate.ts';
import type { ElicitationSignal } from './types.ts';

/** A weak cue alone (an eval harness's "think step by step") stays well below the 0.5 flag line. */
export const WEAK_CAP = 0.3;
/** Past this length a cue's groups must all match within one chunk of nearby paragraphs. */
const CHUNKED_ABOVE = 1500;
const CHUNK = 1000;
/** Only this much of a long prompt is read: instructions sit at the start or the end. */
const HEAD = 4000;
const TAIL = 2000;

/** The lower-cased part of a text that elicitation reads: all of it, or its head and tail. */
export function elicitationWindow(lower: string): string {
  if (lower.length <= HEAD + TAIL) return lower;
  return `${lower.slice(0, HEAD)}\n${lower.slice(-TAIL)}`;
}

/** A cue or damper pattern with its gate and its place in the per-call gate memo. */
interface GatedPattern {
  pattern: RegExp;
  gate: Gate;
  slot: number;
}

let slots = 0;
const gated = (pattern: RegExp): GatedPattern => ({ pattern, gate: gateOf(pattern), slot: slots++ });
const GATED_DAMPERS = DAMPERS.map((damper) => ({ damper, patterns: damper.patterns.map(gated) }));
const GATED_CUES = CUES.map((cue) => ({ cue, groups: cue.groups.map((group) => group.map(gated)) }));
const UNKNOWN = 0;
const OPEN = 1;
const SHUT = 2;

/**
 * Scratch space reused by every call (calls never overlap: JavaScript runs one at a time), so that
 * scoring allocates nothing per text. Nothing of a call's result depends on what it held before.
 */
const scratchGrams = new NgramSet();
const gateMemo = new Uint8Array(slots);

/** Whether the text may match a pattern: its gate, checked once per text (memoised by slot). */
function open(p: GatedPattern, grams: NgramSet): boolean {
  let state = gateMemo[p.slot] as number;
  if (state === UNKNOWN) {
    state = grams.passes(p.gate) ? OPEN : SHUT;
    gateMemo[p.slot] = state;
  }
  return state === OPEN;
}

function anyMatches(patterns: readonly GatedPattern[], chunk: string, grams: NgramSet): boolean {
  for (const p of patterns) if (open(p, grams) && p.pattern.test(chunk)) return true;
  return false;
}

function everyGroupOpen(groups: readonly (readonly GatedPattern[])[], grams: NgramSet): boolean {
  for (const group of groups) {
    let any = false;
    for (let i = 0; i < group.length && !any; i++) any = open(group[i] as GatedPattern, grams);
    if (!any) return false;
  }
  return true;
}

function everyGroupMatches(
  groups: readonly (readonly GatedPattern[])[],
  chunk: string,
  grams: NgramSet,
): boolean {
  for (const group of groups) if (!anyMatches(group, chunk, grams)) return false;
  return true;
}

/**
 * Splits a long text into chunks of consecutive paragraphs, so that words scattered over a long
 * system prompt do not add up to a cue that no single passage expresses.
 */
function paragraphChunks(text: string): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const paragraph of text.split(/\n\s*\n/)) {
    if (current.length > 0 && current.length + paragraph.length > CHUNK) {
      chunks.push(current);
      current = '';
    }
    current = current.length > 0 ? `${current}\n\n${paragraph}` : paragraph;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Scores one text (prompt, or system prompt plus prompt) for reasoning elicitation. */
export function elicitationSignal(text: string): ElicitationSignal {
  if (text.length === 0) return { score: 0, cues: [] };
  return elicitationOfLower(text.toLowerCase());
}

/**
 * `elicitationSignal` of a text already lower-cased, for computeSignals, which shares the
 * lower-casing and, as `grams`, the n-grams of `elicitationWindow(lowerText)`.
 */
export function elicitationOfLower(lowerText: string, grams?: NgramSet): ElicitationSignal {
  if (lowerText.length === 0) return { score: 0, cues: [] };
  const lower = elicitationWindow(lowerText);
  if (!PREFILTER.test(lower)) return { score: 0, cues: [] };
  return scoreCues(lower, grams);
}

/**
 * Every cue on lower-cased text. `grams` are the n-grams of `lower` (or of a text containing it):
 * a pattern runs only when its literals are present, which never changes a result.
 */
export function scoreCues(lower: string, grams: NgramSet = scratchGrams.reset(lower)): ElicitationSignal {
  gateMemo.fill(UNKNOWN);
  let chunks: string[] | null = null;
  const fired: Cue[] = [];
  for (const { cue, groups } of GATED_CUES) {
    if (fired.some((c) => c.name === cue.name)) continue;
    // Most texts fail on the gates alone; the chunks are cut only when a cue may fire.
    if (!everyGroupOpen(groups, grams)) continue;
    chunks ??= lower.length > CHUNKED_ABOVE ? paragraphChunks(lower) : [lower];
    let matched = false;
    for (let i = 0; i < chunks.length && !matched; i++)
      matched = everyGroupMatches(groups, chunks[i] as string, grams);
    if (matched) fired.push(cue);
  }
  if (fired.length === 0) return { score: 0, cues: [] };
  // Look-alike contexts only matter, and are only reported, beside a cue that fired.
  const contexts = new Map<string, number>();
  for (const { damper, patterns } of GATED_DAMPERS) {
    if (anyMatches(patterns, lower, grams)) contexts.set(damper.name, damper.factor);
  }
  let strongMiss = 1;
  let weakMiss = 1;
  for (const cue of fired) {
    let damping = 1;
    for (const name of cue.dampedBy ?? []) damping *= contexts.get(name) ?? 1;
    if (cue.weak) weakMiss *= 1 - cue.weight;
    else strongMiss *= 1 - cue.weight * damping;
  }
  const strong = 1 - strongMiss;
  const weak = Math.min(1 - weakMiss, WEAK_CAP);
  const score = 1 - (1 - strong) * (1 - weak);
  const cues = [...[...contexts.keys()].map((name) => `context:${name}`), ...fired.map((c) => c.name)];
  return { score: Math.round(score * 1000) / 1000, cues };
}
