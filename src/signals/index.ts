// computeSignals: every per-request feature of one request, as a pure function of that request.
// The engine calls it once per request and feeds `template` to a TemplateIndex for cluster ids.
import type { RequestRecord } from '../contract/events.ts';
import { capabilityOfLower } from './capability.ts';
import { elicitationOfLower, elicitationWindow } from './elicitation.ts';
import {
  bandKeys,
  formatFingerprint,
  parseFingerprint,
  sketchText,
  type TemplateSketch,
} from './fingerprint.ts';
import { harvestSignal } from './harvest.ts';
import { FNV_OFFSET, fnv1a, hex64 } from './hash.ts';
import { NgramSet } from './regex-gate.ts';
import type { RequestSignals, TemplateSignal } from './types.ts';

export { capabilityDistribution, topCapability } from './capability.ts';
export { elicitationSignal } from './elicitation.ts';
export {
  bandHashes,
  bandKeys,
  FINGERPRINT_VERSION,
  formatFingerprint,
  parseFingerprint,
  sketchSimilarity,
  sketchText,
  type TemplateSketch,
} from './fingerprint.ts';
export { harvestSignal } from './harvest.ts';
export { atMaxOutput, maxOutputTokens } from './model-limits.ts';
export { TemplateIndex, type TemplateIndexOptions, type TemplateMatch } from './template-index.ts';
export * from './types.ts';

/** Anything with the request fields signals read: a full RequestRecord or a bare `{ prompt }`. */
export type SignalRequest = Partial<RequestRecord>;

export interface SignalOptions {
  /** Include the `hw3` fingerprint text in the template signal (costs a base64 encoding). Default false. */
  fingerprintText?: boolean;
}

const SYSTEM_SEED_B = 0x9747b28c;

/** Exact id of a system prompt, insensitive to case and runs of white space. */
export function systemPromptId(system: string): string {
  const normal = system.trim().replace(/\s+/g, ' ').toLowerCase();
  return `hw1s:${hex64(fnv1a(normal, FNV_OFFSET), fnv1a(normal, SYSTEM_SEED_B))}`;
}

/**
 * The template is keyed on the user turn, not the system prompt: an app's shared system prompt
 * would put all its end users in one template, while an extraction template lives in the turn.
 * The system prompt gets its own exact id beside it.
 */
export function templateSignal(req: SignalRequest, options: SignalOptions = {}): TemplateSignal {
  let fp: TemplateSketch | null = null;
  let source: TemplateSignal['source'];
  let fingerprint: string | null = null;
  if (req.prompt !== undefined && req.prompt.length > 0) {
    fp = sketchText(req.prompt);
    source = 'prompt';
  } else if (req.prompt_fp !== undefined) {
    fp = parseFingerprint(req.prompt_fp);
    source = 'prompt_fp';
    if (fp) fingerprint = req.prompt_fp;
  } else if (req.system !== undefined && req.system.length > 0) {
    fp = sketchText(req.system);
    source = 'system';
  }
  const systemId = req.system ? systemPromptId(req.system) : null;
  if (!fp) return { templateId: null, bands: [], fingerprint: null, systemId };
  if (fingerprint === null && options.fingerprintText === true) fingerprint = formatFingerprint(fp);
  return new LazyTemplateSignal(fp, fingerprint, source, systemId);
}

/**
 * A template signal whose band key strings, which cost more than the sketch and which most
 * callers (the engine, TemplateIndex) never read, are built on first read.
 */
class LazyTemplateSignal implements TemplateSignal {
  readonly templateId: string;
  readonly sketch: Uint16Array;
  readonly tokens: number;
  private bandKeys: string[] | null = null;

  constructor(
    fp: TemplateSketch,
    readonly fingerprint: string | null,
    readonly source: TemplateSignal['source'],
    readonly systemId: string | null,
  ) {
    this.templateId = fp.templateId;
    this.sketch = fp.sketch;
    this.tokens = fp.tokens;
  }

  get bands(): string[] {
    this.bandKeys ??= bandKeys(this.sketch);
    return this.bandKeys;
  }

  /** The plain fields, bands included, for JSON output. */
  toJSON(): TemplateSignal {
    return {
      templateId: this.templateId,
      bands: this.bands,
      fingerprint: this.fingerprint,
      sketch: this.sketch,
      tokens: this.tokens,
      ...(this.source ? { source: this.source } : {}),
      systemId: this.systemId,
    };
  }
}

/** Scratch n-grams reused by every call (calls never overlap; no result depends on what it held). */
const scratchGrams = new NgramSet();

/**
 * All per-request signals. Pure: no I/O, no clock, nothing shared is changed but scratch space.
 * The text is lower-cased once, and its n-grams (the regex gates) built once, for elicitation and
 * capability together.
 */
export function computeSignals(req: SignalRequest, options: SignalOptions = {}): RequestSignals {
  const prompt = req.prompt ?? '';
  const text = req.system ? (prompt ? `${req.system}\n\n${prompt}` : req.system) : prompt;
  const lower = text.toLowerCase();
  const grams = scratchGrams.reset(elicitationWindow(lower));
  return {
    template: templateSignal(req, options),
    elicitation: elicitationOfLower(lower, grams),
    capability: capabilityOfLower(req, text, lower, grams),
    harvest: harvestSignal(req),
  };
}
