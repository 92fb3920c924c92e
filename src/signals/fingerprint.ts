// The versioned template fingerprint `hw3`: a skeleton id plus two one-permutation MinHash sketches
// of the masked prompt (token sequence, and wording regardless of order), its text form (what an
// edge sends as `prompt_fp`) and its LSH band keys.
import { combine, FNV_OFFSET, fmix32, fnvCodePoint, hex64 } from './hash.ts';
import { maskSlots, SLOT } from './skeleton.ts';

export const FINGERPRINT_VERSION = 'hw3';
/** Slots of the sequence sketch (tokens and adjacent token pairs), the first part of a sketch. */
export const SEQUENCE_SLOTS = 64;
/**
 * Slots of the word sketch (the wording tokens, whatever their order), the second part: a
 * paraphrase that reorders clauses or swaps a phrase changes most token pairs but fewer words.
 */
export const WORD_SLOTS = 64;
/** MinHash slots in a sketch, both parts. */
export const SKETCH_SLOTS = SEQUENCE_SLOTS + WORD_SLOTS;
/**
 * Word slots that LSH bands cover (the first ones): half of them find a paraphrase about as often
 * as all of them would, at two thirds of the bucket lookups per assign; the rest are only verified.
 */
export const WORD_BANDED_SLOTS = 32;
export const BAND_ROWS = 2;
/** Bands over slots [0, SEQUENCE_SLOTS + WORD_BANDED_SLOTS), BAND_ROWS consecutive slots each. */
export const BANDS = (SEQUENCE_SLOTS + WORD_BANDED_SLOTS) / BAND_ROWS;
/**
 * Below this many wording tokens (words and masked names) the masked skeleton says too little, so
 * the unmasked text is used.
 */
export const MIN_SKELETON_WORDS = 6;

export interface TemplateSketch {
  /** `hw3:` + 16 hex digits: hash of the exact token sequence of the skeleton. */
  templateId: string;
  /** SKETCH_SLOTS 16-bit MinHash values: SEQUENCE_SLOTS of the sequence sketch, then WORD_SLOTS of the word sketch. */
  sketch: Uint16Array;
  /** Tokens the sketch was built from (capped at MAX_TOKENS): short prompts give noisy sketches. */
  tokens: number;
}

export const MAX_TOKENS = 9999;

const NAME_CODE = SLOT.name.charCodeAt(0);
const NUMBER_CODE = SLOT.number.charCodeAt(0);
const LANE_B_SEED = 0x9747b28c;
const BIGRAM_SEED = 0x2545f491;
const EMPTY = 0xffffffff;

function isCjk(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xf900 && c <= 0xfaff)
  );
}

function isSentenceEnd(c: number): boolean {
  return (
    c === 46 ||
    c === 33 ||
    c === 63 ||
    c === 58 ||
    c === 59 ||
    c === 10 ||
    c === 0x3002 ||
    c === 0xff01 ||
    c === 0xff1f ||
    c === 0xff1a
  );
}

function lowerCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 0xc0) return c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/** Accumulates tokens into the two one-permutation MinHash sketches and the two id lanes. */
class SketchBuilder {
  /** Bins of the sequence sketch: every token and every adjacent pair. */
  readonly bins = new Uint32Array(SEQUENCE_SLOTS).fill(EMPTY);
  /** Bins of the word sketch: wording tokens alone, so word order does not matter. */
  readonly wordBins = new Uint32Array(WORD_SLOTS).fill(EMPTY);
  laneA = FNV_OFFSET;
  laneB = LANE_B_SEED;
  words = 0;
  /** Capitalised words masked as the name slot: wording of the template all the same. */
  names = 0;
  tokens = 0;
  private prev = -1;

  /** Empties the builder for another text, so one builder serves every call. */
  reset(): this {
    this.bins.fill(EMPTY);
    this.wordBins.fill(EMPTY);
    this.laneA = FNV_OFFSET;
    this.laneB = LANE_B_SEED;
    this.words = 0;
    this.names = 0;
    this.tokens = 0;
    this.prev = -1;
    return this;
  }

  add(token: number, isWord: boolean): void {
    if (token === this.prev && !isWord) return;
    this.tokens++;
    if (isWord) {
      this.words++;
      this.wordShingle(token);
    }
    this.laneA = combine(this.laneA, token);
    this.laneB = combine(this.laneB ^ BIGRAM_SEED, token);
    this.shingle(token);
    if (this.prev !== -1) this.shingle(combine(this.prev ^ BIGRAM_SEED, token));
    this.prev = token;
  }

  private shingle(h: number): void {
    const bin = h & (SEQUENCE_SLOTS - 1);
    const value = h >>> 6;
    if (value < (this.bins[bin] as number)) this.bins[bin] = value;
  }

  private wordShingle(token: number): void {
    // The token hash is already mixed: its top 6 bits pick the bin and its low 26 bits are the
    // value, which costs no second hash and is a different split from the sequence sketch's.
    const bin = token >>> 26;
    const value = token & 0x03ffffff;
    if (value < (this.wordBins[bin] as number)) this.wordBins[bin] = value;
  }

  /** Both sketches in one array, sequence slots first. */
  sketch(): Uint16Array {
    const out = new Uint16Array(SKETCH_SLOTS);
    densify(this.bins, out, 0);
    // A text without wording (only placeholders, names and numbers) has an empty word sketch; its
    // sequence sketch stands in, so that all such texts do not share one word sketch.
    densify(this.words > 0 ? this.wordBins : this.bins, out, SEQUENCE_SLOTS);
    return out;
  }
}

/**
 * Writes the 16-bit value of each bin at out[offset + bin]; an empty bin takes the nearest non-empty
 * bin to its right at distance d (wrapping round), mixed with d (rotation densification). One pass
 * from the right, so each non-empty bin is mixed once however many empty bins borrow it.
 */
function densify(bins: Uint32Array, out: Uint16Array, offset: number): void {
  const slots = bins.length;
  let next = -1;
  for (let j = 0; j < slots && next < 0; j++) if ((bins[j] as number) !== EMPTY) next = j + slots;
  if (next < 0) {
    // Every bin empty: each borrows from itself, a full turn away.
    const value = combine(fmix32(EMPTY), slots) & 0xffff;
    for (let j = 0; j < slots; j++) out[offset + j] = value;
    return;
  }
  let min = fmix32(bins[next - slots] as number);
  for (let j = slots - 1; j >= 0; j--) {
    if ((bins[j] as number) !== EMPTY) {
      next = j;
      min = fmix32(bins[j] as number);
    }
    const distance = next - j;
    out[offset + j] = (distance === 0 ? min : combine(min, distance)) & 0xffff;
  }
}

/**
 * Function words dropped before shingling: templates are reworded mostly by swapping these, and
 * unrelated prompts resemble each other mostly through them.
 */
export const STOPWORDS: readonly string[] = (
  'a an the of to in on for and or but is are was were be been being it its this that these those with as at by ' +
  'from i you me my your we our us he she they them his her their do does did can could would should will shall ' +
  'may might must so if then than there here what which who whom how why when where please just also about into ' +
  'over not no yes all any some each every very more most such only own same too don t s m re ve ll d'
).split(' ');
/** Suffixes stripped (first match, in this order) when at least 3 characters remain. */
export const SUFFIXES: readonly string[] = [
  'ings',
  'ing',
  'ised',
  'ized',
  'ises',
  'izes',
  'ise',
  'ize',
  'ed',
  'es',
  'ly',
  's',
];

function hashCodes(codes: readonly number[], length: number): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < length; i++) h = fnvCodePoint(h, codes[i] as number);
  return h >>> 0;
}

const STOP_HASHES = new Set(
  STOPWORDS.map((w) =>
    hashCodes(
      [...w].map((ch) => ch.codePointAt(0) as number),
      w.length,
    ),
  ),
);
const SUFFIX_CODES = SUFFIXES.map((x) => [...x].map((ch) => ch.codePointAt(0) as number));

/** Length of the word in `codes[0, length)` once the first matching suffix is stripped. */
function stemLength(codes: Int32Array, length: number): number {
  for (const suffix of SUFFIX_CODES) {
    const cut = length - suffix.length;
    if (cut < 3) continue;
    let match = true;
    for (let k = 0; k < suffix.length && match; k++) match = codes[cut + k] === suffix[k];
    if (match) return cut;
  }
  return length;
}

const NUMBER_TOKEN = fmix32(fnvCodePoint(FNV_OFFSET, NUMBER_CODE));
const NAME_TOKEN = fmix32(fnvCodePoint(FNV_OFFSET, NAME_CODE));

/** Scratch word buffers of `tokenize`, grown when a word is longer (calls never overlap). */
let scratchCodes = new Int32Array(64);
let scratchPrefix = new Int32Array(65);

/**
 * Tokenises: lower-cased words (stopwords dropped, suffixes stripped), CJK as overlapping character
 * pairs, placeholders as themselves; numbers become the number slot and, when `maskNames`,
 * capitalised words that do not start a sentence become the name slot. One pass: each word's FNV
 * hash is kept after every character, so the stopword and stem hashes need no second pass.
 */
function tokenize(text: string, builder: SketchBuilder, maskNames: boolean): void {
  let codes = scratchCodes;
  /** prefix[k] = FNV state after the first k characters of the current word. */
  let prefix = scratchPrefix;
  prefix[0] = FNV_OFFSET;
  let length = 0;
  let hasDigit = false;
  let capitalised = false;
  let sentenceStart = true;
  let cjkPrev = -1;
  /** FNV state after the previous CJK character alone: a pair's hash continues from it. */
  let cjkPrevState = FNV_OFFSET;
  let cjkRun = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    let c = i < n ? text.charCodeAt(i) : 32;
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    let word: boolean;
    let lower = c;
    if (c < 0x80) {
      if (c >= 97 && c <= 122) word = true;
      else if (c >= 65 && c <= 90) {
        word = true;
        lower = c + 32;
      } else word = (c >= 48 && c <= 57) || c === 95;
    } else {
      word = (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x52f);
      if (word) lower = lowerCode(c);
    }
    if (word) {
      if (cjkRun > 0) {
        if (cjkRun === 1) builder.add(fmix32(cjkPrevState), true);
        cjkRun = 0;
        cjkPrev = -1;
      }
      if (length === 0) capitalised = !sentenceStart && lower !== c;
      else if (length === codes.length) {
        const grown = new Int32Array(codes.length * 2);
        grown.set(codes);
        codes = grown;
        const grownPrefix = new Int32Array(codes.length + 1);
        grownPrefix.set(prefix);
        prefix = grownPrefix;
        scratchCodes = codes;
        scratchPrefix = prefix;
      }
      if (c >= 48 && c <= 57) hasDigit = true;
      codes[length] = lower;
      prefix[length + 1] = fnvCodePoint(prefix[length] as number, lower);
      length++;
      continue;
    }
    if (length > 0) {
      if (hasDigit) builder.add(NUMBER_TOKEN, false);
      else if (maskNames && capitalised && length > 1) {
        builder.add(NAME_TOKEN, false);
        builder.names++;
      } else if (!STOP_HASHES.has((prefix[length] as number) >>> 0)) {
        builder.add(fmix32((prefix[stemLength(codes, length)] as number) >>> 0), true);
      }
      length = 0;
      hasDigit = false;
      capitalised = false;
      sentenceStart = false;
    }
    if (i === n) break;
    if (c >= 0xe000 && c <= 0xe00f) {
      if (cjkRun === 1) builder.add(fmix32(cjkPrevState), true);
      cjkRun = 0;
      cjkPrev = -1;
      builder.add(fmix32(fnvCodePoint(FNV_OFFSET, c)), false);
    } else if (isCjk(c)) {
      if (cjkPrev !== -1) builder.add(fmix32(fnvCodePoint(cjkPrevState, c)), true);
      cjkPrevState = fnvCodePoint(FNV_OFFSET, c);
      cjkPrev = c;
      cjkRun++;
      sentenceStart = false;
    } else {
      if (cjkRun === 1) builder.add(fmix32(cjkPrevState), true);
      cjkRun = 0;
      cjkPrev = -1;
      if (isSentenceEnd(c)) sentenceStart = true;
    }
  }
  if (cjkRun === 1) builder.add(fmix32(cjkPrevState), true);
}

/** The `hw3` sketch of a text, or null when it holds no tokens at all. */
/** The builder every sketchText call fills (calls never overlap; each starts with a reset). */
const scratchBuilder = new SketchBuilder();

export function sketchText(text: string): TemplateSketch | null {
  const builder = scratchBuilder.reset();
  tokenize(maskSlots(text), builder, true);
  if (builder.words + builder.names < MIN_SKELETON_WORDS) {
    builder.reset();
    tokenize(text, builder, false);
  }
  if (builder.tokens === 0) return null;
  return {
    templateId: `${FINGERPRINT_VERSION}:${hex64(builder.laneA, builder.laneB)}`,
    sketch: builder.sketch(),
    tokens: Math.min(builder.tokens, MAX_TOKENS),
  };
}

const BAND_PREFIX = Array.from({ length: BANDS }, (_, band) => `${band.toString(16)}-`);

function bandHash(sketch: Uint16Array, band: number): number {
  let h = FNV_OFFSET ^ band;
  for (let row = 0; row < BAND_ROWS; row++) h = combine(h, sketch[band * BAND_ROWS + row] as number);
  return h;
}

/** LSH band keys `<band in hex>-<32-bit band hash in base 36>`: prompts of one template share at least one with high probability. */
export function bandKeys(sketch: Uint16Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) keys.push(BAND_PREFIX[band] + bandHash(sketch, band).toString(36));
  return keys;
}

/** The 32-bit hash of each band, the number in its `bandKeys` string: equal exactly when those are. */
export function bandHashes(sketch: Uint16Array): Uint32Array {
  return bandHashesInto(sketch, new Uint32Array(BANDS));
}

/** `bandHashes` written into `hashes` (BANDS long), for a caller that reuses one array. */
export function bandHashesInto(sketch: Uint16Array, hashes: Uint32Array): Uint32Array {
  for (let band = 0; band < BANDS; band++) hashes[band] = bandHash(sketch, band);
  return hashes;
}

/** Fraction of equal sequence slots: an estimate of the Jaccard similarity of the token-and-pair sets. */
export function sketchSimilarity(a: Uint16Array, b: Uint16Array): number {
  let same = 0;
  for (let i = 0; i < SEQUENCE_SLOTS; i++) if (a[i] === b[i]) same++;
  return same / SEQUENCE_SLOTS;
}

/** Fraction of equal word slots: an estimate of the Jaccard similarity of the two sets of words. */
export function wordSimilarity(a: Uint16Array, b: Uint16Array): number {
  let same = 0;
  for (let i = SEQUENCE_SLOTS; i < SKETCH_SLOTS; i++) if (a[i] === b[i]) same++;
  return same / WORD_SLOTS;
}

/** The text form `hw3:<16 hex id>:<tokens>:<base64url of the sketch, 16-bit big-endian values>`. */
export function formatFingerprint(fp: TemplateSketch): string {
  const bytes = new Uint8Array(SKETCH_SLOTS * 2);
  for (let i = 0; i < SKETCH_SLOTS; i++) {
    const v = fp.sketch[i] as number;
    bytes[2 * i] = v >>> 8;
    bytes[2 * i + 1] = v & 0xff;
  }
  return `${fp.templateId}:${fp.tokens}:${Buffer.from(bytes).toString('base64url')}`;
}

/** 256 bytes of sketch are 342 base64url characters. */
const FINGERPRINT_TEXT = /^hw3:([0-9a-f]{16}):(\d{1,4}):([A-Za-z0-9_-]{342})$/;

/**
 * Parses a `prompt_fp`; null when it is not a well-formed `hw3` fingerprint. An `hw2` or `hw1`
 * fingerprint (an edge not yet upgraded) is null too: its ids and sketches are not comparable.
 */
export function parseFingerprint(text: string): TemplateSketch | null {
  const m = FINGERPRINT_TEXT.exec(text);
  if (!m) return null;
  const bytes = Buffer.from(m[3] as string, 'base64url');
  if (bytes.length !== SKETCH_SLOTS * 2) return null;
  const sketch = new Uint16Array(SKETCH_SLOTS);
  for (let i = 0; i < SKETCH_SLOTS; i++)
    sketch[i] = ((bytes[2 * i] as number) << 8) | (bytes[2 * i + 1] as number);
  return { templateId: `${FINGERPRINT_VERSION}:${m[1]}`, sketch, tokens: Number(m[2]) };
}
