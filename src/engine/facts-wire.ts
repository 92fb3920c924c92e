// The form in which a chunk of facts crosses from a reader worker to the main thread: numbers
// in one Float64Array, strings once each in a table with indices, sketches in one Uint16Array,
// all transferred rather than copied. Posting the facts as objects made the structured clone
// serialise some forty values an item in the worker and build them again, string by string, on
// the main thread, which cost more of the main thread than the engine's own work on them.
import type { CapabilityDistribution } from '../signals/types.ts';
import { CAPABILITIES } from '../signals/types.ts';
import type { EventFacts, RequestFacts } from './facts.ts';

/** A chunk of facts on the wire. Records other than requests are few and stay objects. */
export interface FactsWire {
  count: number;
  /** Items that are not requests, with their positions in the chunk. */
  others: { at: number; item: EventFacts }[];
  numbers: Float64Array;
  /** Indices into `strings`, -1 for null (and, for the cue, for none). */
  refs: Int32Array;
  strings: string[];
  /** Per request: where its sketch starts in `sketches`, -1 without one. */
  sketchAt: Int32Array;
  sketchLength: Int32Array;
  sketches: Uint16Array;
}

// Numbers per request, in this order.
const TIME = 0;
const ASN = 1;
const TURN = 2;
const INPUT = 3;
const OUTPUT = 4;
const REASONING = 5;
const TOOL_RESULTS = 6;
const TOOLS = 7;
const ELICITATION = 8;
const HARVEST = 9;
const SAMPLES = 10;
const FLAGS = 11;
const TOKENS = 12;
const CAPABILITY = 13;
const NUMBERS = CAPABILITY + CAPABILITIES.length;
// Strings per request, in this order.
const ACCOUNT = 0;
const ORG = 1;
const MODEL = 2;
const IP = 3;
const NETWORK = 4;
const AGENT = 5;
const TEMPLATE = 6;
const CUE = 7;
const TLS = 8;
const COUNTRY = 9;
const REFS = 10;

const MAX_OUTPUT = 1;
const LARGE_THINKING = 2;
const LOGPROBS = 4;
const BATCH = 8;

/**
 * The capability distribution at numbers[at..], in CAPABILITIES order. Written field by field:
 * a loop over the names reads and builds the object through keyed lookups, several times slower.
 */
function writeCapability(c: CapabilityDistribution, numbers: Float64Array, at: number): void {
  numbers[at] = c.coding;
  numbers[at + 1] = c.tool_use;
  numbers[at + 2] = c.math_reasoning;
  numbers[at + 3] = c.data_analysis;
  numbers[at + 4] = c.vision;
  numbers[at + 5] = c.computer_use;
  numbers[at + 6] = c.writing;
  numbers[at + 7] = c.general_chat;
}

function readCapability(numbers: Float64Array, at: number): CapabilityDistribution {
  return {
    coding: numbers[at] as number,
    tool_use: numbers[at + 1] as number,
    math_reasoning: numbers[at + 2] as number,
    data_analysis: numbers[at + 3] as number,
    vision: numbers[at + 4] as number,
    computer_use: numbers[at + 5] as number,
    writing: numbers[at + 6] as number,
    general_chat: numbers[at + 7] as number,
  };
}

/** Encodes a chunk's facts; returns the wire form and the buffers to transfer. */
export function encodeFacts(items: readonly EventFacts[]): { wire: FactsWire; transfer: ArrayBuffer[] } {
  let requests = 0;
  let slots = 0;
  for (const item of items) {
    if (item.type !== 'request') continue;
    requests++;
    slots += item.signals.template.sketch?.length ?? 0;
  }
  const numbers = new Float64Array(requests * NUMBERS);
  const refs = new Int32Array(requests * REFS);
  const sketchAt = new Int32Array(requests);
  const sketchLength = new Int32Array(requests);
  const sketches = new Uint16Array(slots);
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (text: string | null | undefined): number => {
    if (text === null || text === undefined) return -1;
    let i = index.get(text);
    if (i === undefined) {
      i = strings.length;
      strings.push(text);
      index.set(text, i);
    }
    return i;
  };
  const others: FactsWire['others'] = [];
  let k = 0;
  let at = 0;
  for (let position = 0; position < items.length; position++) {
    const item = items[position] as EventFacts;
    if (item.type !== 'request') {
      others.push({ at: position, item });
      continue;
    }
    const n = k * NUMBERS;
    const { template, elicitation, harvest, capability } = item.signals;
    numbers[n + TIME] = item.timeMs;
    numbers[n + ASN] = item.asn ?? Number.NaN;
    numbers[n + TURN] = item.turn;
    numbers[n + INPUT] = item.inputTokens;
    numbers[n + OUTPUT] = item.outputTokens;
    numbers[n + REASONING] = item.reasoningTokens;
    numbers[n + TOOL_RESULTS] = item.toolResults;
    numbers[n + TOOLS] = item.tools;
    numbers[n + ELICITATION] = elicitation.score;
    numbers[n + HARVEST] = harvest.score;
    numbers[n + SAMPLES] = harvest.samples;
    numbers[n + FLAGS] =
      (harvest.maxOutput ? MAX_OUTPUT : 0) |
      (harvest.largeThinking ? LARGE_THINKING : 0) |
      (harvest.logprobs ? LOGPROBS : 0) |
      (harvest.batch ? BATCH : 0);
    numbers[n + TOKENS] = template.tokens ?? Number.NaN;
    writeCapability(capability, numbers, n + CAPABILITY);
    const r = k * REFS;
    refs[r + ACCOUNT] = ref(item.accountId);
    refs[r + ORG] = ref(item.orgId);
    refs[r + MODEL] = ref(item.model);
    refs[r + IP] = ref(item.ip);
    refs[r + NETWORK] = ref(item.network);
    refs[r + AGENT] = ref(item.userAgent);
    refs[r + TLS] = ref(item.tlsFingerprint);
    refs[r + COUNTRY] = ref(item.country);
    refs[r + TEMPLATE] = ref(template.templateId);
    refs[r + CUE] = ref(elicitation.cues[0]);
    const sketch = template.sketch;
    if (sketch === undefined) sketchAt[k] = -1;
    else {
      sketches.set(sketch, at);
      sketchAt[k] = at;
      sketchLength[k] = sketch.length;
      at += sketch.length;
    }
    k++;
  }
  const wire: FactsWire = {
    count: items.length,
    others,
    numbers,
    refs,
    strings,
    sketchAt,
    sketchLength,
    sketches,
  };
  return {
    wire,
    transfer: [numbers.buffer, refs.buffer, sketchAt.buffer, sketchLength.buffer, sketches.buffer],
  };
}

/** One frozen empty list for every request without band keys (all of them) or without a cue. */
export const NONE: string[] = Object.freeze([]) as unknown as string[];

/** The facts `encodeFacts` was given, rebuilt (sketches as views of the chunk's one buffer). */
export function decodeFacts(wire: FactsWire): EventFacts[] {
  const { numbers, refs, strings, sketchAt, sketchLength, sketches } = wire;
  const text = (i: number): string | null => (i < 0 ? null : (strings[i] as string));
  const out: EventFacts[] = new Array(wire.count);
  let other = 0;
  let k = 0;
  for (let position = 0; position < wire.count; position++) {
    const next = wire.others[other];
    if (next !== undefined && next.at === position) {
      out[position] = next.item;
      other++;
      continue;
    }
    const n = k * NUMBERS;
    const r = k * REFS;
    const capability = readCapability(numbers, n + CAPABILITY);
    const flags = numbers[n + FLAGS] as number;
    const cue = refs[r + CUE] as number;
    const asn = numbers[n + ASN] as number;
    const tokens = numbers[n + TOKENS] as number;
    const template: RequestFacts['signals']['template'] = {
      templateId: text(refs[r + TEMPLATE] as number),
      bands: NONE,
    };
    const start = sketchAt[k] as number;
    if (start >= 0) template.sketch = sketches.subarray(start, start + (sketchLength[k] as number));
    if (!Number.isNaN(tokens)) template.tokens = tokens;
    out[position] = {
      type: 'request',
      timeMs: numbers[n + TIME] as number,
      accountId: strings[refs[r + ACCOUNT] as number] as string,
      orgId: text(refs[r + ORG] as number),
      model: strings[refs[r + MODEL] as number] as string,
      ip: text(refs[r + IP] as number),
      asn: Number.isNaN(asn) ? null : asn,
      network: text(refs[r + NETWORK] as number),
      country: text(refs[r + COUNTRY] as number),
      userAgent: text(refs[r + AGENT] as number),
      tlsFingerprint: text(refs[r + TLS] as number),
      turn: numbers[n + TURN] as number,
      inputTokens: numbers[n + INPUT] as number,
      outputTokens: numbers[n + OUTPUT] as number,
      reasoningTokens: numbers[n + REASONING] as number,
      toolResults: numbers[n + TOOL_RESULTS] as number,
      tools: numbers[n + TOOLS] as number,
      signals: {
        template,
        elicitation: {
          score: numbers[n + ELICITATION] as number,
          cues: cue < 0 ? NONE : [strings[cue] as string],
        },
        capability,
        harvest: {
          maxOutput: (flags & MAX_OUTPUT) !== 0,
          largeThinking: (flags & LARGE_THINKING) !== 0,
          samples: numbers[n + SAMPLES] as number,
          logprobs: (flags & LOGPROBS) !== 0,
          batch: (flags & BATCH) !== 0,
          score: numbers[n + HARVEST] as number,
        },
      },
    };
    k++;
  }
  return out;
}
