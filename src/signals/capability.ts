// Capability targeting: which of the model's capabilities a request exercises, as a distribution
// over CAPABILITIES built from request parameters and cue words (English and Chinese).
import type { RequestRecord } from '../contract/events.ts';
import { FNV_OFFSET, fnv1a, fnvCodePoint } from './hash.ts';
import { type Gate, gateOf, NgramSet } from './regex-gate.ts';
import { CAPABILITIES, type Capability, type CapabilityDistribution } from './types.ts';

/**
 * A cue found by regular expressions: symbols and structure (code fences, formulas, schemas). Each
 * alternative is its own pattern behind an n-gram gate, so that a text lacking an alternative's
 * literals never runs it; matches of the alternatives are summed as one pattern's would be.
 */
interface PatternCue {
  capability: Capability;
  /** Evidence per match, summed up to `cap`. */
  weight: number;
  cap: number;
  /** Global patterns, case-insensitive (`gi` or `gim`), as the gates read lower-cased text. */
  patterns: readonly RegExp[];
  /**
   * Literals every match of the patterns needs, for patterns that hide them in character classes
   * (digits, operators); without it each pattern's own literals gate it.
   */
  needs?: RegExp;
}

/**
 * A cue found by words: whole words and phrases (matched case-insensitively at word boundaries,
 * like `\b(?:…)\b`), and Chinese words (matched anywhere, as Chinese has no spaces).
 */
interface WordCue {
  capability: Capability;
  weight: number;
  cap: number;
  /** Lower-case words and phrases, in the order of preference where two start alike. */
  words: string;
  chinese: string;
}

/** Only this much of a prompt is read; cue counts saturate long before. */
const READ = 3000;
/** Evidence for general chat that every request has, so a request with no cues is chat. */
const CHAT_PRIOR = 1;

// `\b` in front of `\w+` changes no match of a global search (a match inside a word implies one from
// its start) but spares the regex engine a retry at every character of every word. Nested
// quantifiers are written so no text can make them backtrack exponentially.
const PATTERN_CUES: readonly PatternCue[] = [
  {
    capability: 'tool_use',
    weight: 2.5,
    cap: 5,
    patterns: [
      /toolformer|you (?:have|can) (?:access to|use) (?:the following |these )?(?:tools|functions|apis)|available (?:tools|functions)|function[_ ]call|tool[_ ]calls?|action input\s*:/gi,
      /"parameters"\s*:\s*\{|"type"\s*:\s*"function"/gi,
      /^\s*\w+\((?:\w+(?:,\s*\w+)*(?:,\s*)?)?\)\s*$/gim,
      /可用(?:的)?工具|调用(?:工具|插件|函数|api)|插件/gi,
    ],
  },
  {
    capability: 'coding',
    weight: 2,
    cap: 4,
    patterns: [
      /```/g,
      /^\s*(?:def |class |import |from \S+ import|#include|public |private |function |const |let |var |return |select |for \(|if \(|while \()/gim,
      /=>/g,
      /\);\s*$/gm,
      /\b\w+\.\w+\(/gi,
    ],
  },
  {
    capability: 'math_reasoning',
    weight: 1.5,
    cap: 3,
    // One pattern: its alternatives overlap (`$x = 1$` holds a formula and an assignment).
    needs: /\$|\\|\^|=|(?:0|1|2|3|4|5|6|7|8|9).*(?:-|\+|\*|\/|×|÷)/,
    patterns: [
      /\$[^$\n]{1,80}\$|\\(?:frac|sqrt|sum|int|cdot|times|pi|theta|le|ge)\b|\b\d+\s*[-+*/^×÷=]\s*\d+|[a-z]\s*\^\s*\d|\b[xyz]\s*=\s*/gi,
    ],
  },
];
const PATTERN_GATES = PATTERN_CUES.map((cue) => cue.patterns.map((pattern) => gateOf(cue.needs ?? pattern)));

const WORD_CUES: readonly WordCue[] = [
  {
    capability: 'coding',
    weight: 0.9,
    cap: 3.6,
    words:
      'code|coding|function|program|programming|script|python|javascript|typescript|java|golang|rust|ruby|php|swift|kotlin|sql|regex|regular expression|algorithm|debug|compile|compiler|compiled|html|css|bug|implement|class|method|array|string|integer|linked list|database|query|api|json|recursion|recursive|loop|variable|syntax|unit test|unit tests|git|docker|bash|shell|react|nodejs|node.js|django|flask|refactor',
    chinese: '代码|编程|函数|程序|算法|脚本|数组|字符串|接口',
  },
  {
    capability: 'math_reasoning',
    weight: 0.9,
    cap: 3.6,
    words:
      'calculate|compute|solve|equation|how many|how much|sum of|product of|probability|prime|derivative|integral|area|perimeter|volume|percent|percentage|ratio|remainder|divisible|digit|digits|integer|real number|real numbers|polynomial|triangle|circle|radius|geometry|algebra|theorem|prove|proof|modulo|factorial|fraction|expected value|each|total|altogether|per|twice|half|dollar|dollars|cents|minutes|hours',
    chinese: '计算|方程|求|概率|面积|周长|体积|多少|几个|整数|导数|积分|证明|余数|分数|平均',
  },
  {
    capability: 'data_analysis',
    weight: 1.2,
    cap: 4.8,
    words:
      'dataset|data set|csv|spreadsheet|excel|table|tables|column|columns|rows|pandas|dataframe|statistics|statistical|regression|correlation|median|standard deviation|variance|chart|plot|visualise|visualize|trend|analyse the data|analyse this data|analyse data|analyze the data|analyze this data|analyze data|data analysis|kpi|metric|metrics|revenue|sales figures|pivot|aggregate|group by',
    chinese: '数据|表格|统计|图表|回归|相关性|销售额|报表',
  },
  {
    capability: 'vision',
    weight: 1.5,
    cap: 3,
    words: visionPhrases(),
    chinese: '这张图|这张图片|这张照片|这张截图|图中|图片中|照片中',
  },
  {
    capability: 'computer_use',
    weight: 1.3,
    cap: 5.2,
    words:
      'click|double-click|right-click|scroll|mouse|cursor|keyboard shortcut|browser|navigate to|open the app|open the application|open the website|open the settings|open the file|desktop|gui|button|text field|form field|type into|type in the|drag|log in to|login to|fill out the form|fill in the form|screen',
    chinese: '点击|浏览器|鼠标|桌面|按钮|网页上|登录|填写表单',
  },
  {
    capability: 'writing',
    weight: 1,
    cap: 4,
    words:
      'write|draft|compose|essay|story|stories|poem|poetry|haiku|letter|email|e-mail|article|blog|paragraph|rewrite|edit|proofread|translate|summarise|summarize|summary|headline|slogan|tagline|description|tweet|speech|lyrics|novel|narrative|tone|cover letter|outline|sentence|rephrase|paraphrase',
    chinese: '写一|作文|文章|诗|故事|翻译|润色|改写|总结|邮件|文案|摘要',
  },
];

/** `(this|the|attached|uploaded|following|my) (image|picture|…)s?` and `in the (image|picture|photo)`, spelled out. */
function visionPhrases(): string {
  const things = ['image', 'picture', 'photo', 'photograph', 'screenshot', 'diagram', 'figure', 'scan'];
  const phrases: string[] = [];
  for (const owner of ['this', 'the', 'attached', 'uploaded', 'following', 'my'])
    for (const thing of things) phrases.push(`${owner} ${thing}`, `${owner} ${thing}s`);
  for (const thing of ['image', 'picture', 'photo']) phrases.push(`in the ${thing}`);
  return phrases.join('|');
}

const isWordCode = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90);

/**
 * Phrases by the hash of their first word, in an open-addressing table: slot `k` holds a hash in
 * `TABLE_HASH` and the range `[TABLE_FROM, TABLE_TO)` of its phrases in `PHRASE_CUE`/`PHRASE_TEXT`,
 * each range in the cues' order of preference.
 */
const byFirstWord = new Map<number, { cue: number; text: string }[]>();
WORD_CUES.forEach((cue, index) => {
  for (const phrase of cue.words.split('|')) {
    let end = 0;
    while (end < phrase.length && isWordCode(phrase.charCodeAt(end))) end++;
    const key = fnv1a(phrase.slice(0, end));
    const list = byFirstWord.get(key) ?? [];
    list.push({ cue: index, text: phrase });
    byFirstWord.set(key, list);
  }
});
const TABLE_BITS = 11;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const TABLE_HASH = new Int32Array(1 << TABLE_BITS);
const TABLE_FROM = new Int32Array(1 << TABLE_BITS);
const TABLE_TO = new Int32Array(1 << TABLE_BITS);
const PHRASE_CUE: number[] = [];
const PHRASE_TEXT: string[] = [];
for (const [hash, list] of byFirstWord) {
  let slot = hash & TABLE_MASK;
  while (TABLE_TO[slot] !== 0) slot = (slot + 1) & TABLE_MASK;
  TABLE_HASH[slot] = hash;
  TABLE_FROM[slot] = PHRASE_CUE.length;
  for (const phrase of list) {
    PHRASE_CUE.push(phrase.cue);
    PHRASE_TEXT.push(phrase.text);
  }
  TABLE_TO[slot] = PHRASE_CUE.length;
}
const CHINESE = WORD_CUES.map((cue) => new RegExp(cue.chinese, 'g'));
/** Gates of the Chinese words: text without CJK characters, or without the words, runs none. */
const CHINESE_GATES = CHINESE.map(gateOf);
/** 1 for the ASCII word characters (letters, digits, `_`), which are the only word characters here. */
const WORD_CODE = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD_CODE[c] = isWordCode(c) ? 1 : 0;

/**
 * Counts every word cue's matches in one pass over the words of `lower`: at each word, the first
 * listed phrase of each cue that starts there and ends at a word boundary counts, and that cue
 * looks again after its end, as a global regular expression would.
 */
/** Where each cue may match next, during one countWords call (calls never overlap). */
const resumeAt = new Int32Array(WORD_CUES.length);

function countWords(lower: string, counts: Float64Array): void {
  const n = lower.length;
  resumeAt.fill(0);
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if (c >= 128 || WORD_CODE[c] === 0) {
      i++;
      continue;
    }
    // The word's FNV-1a as it is read (word characters are ASCII: one byte each), equal to fnv1a.
    let h = fnvCodePoint(FNV_OFFSET, c);
    let end = i + 1;
    for (; end < n; end++) {
      const d = lower.charCodeAt(end);
      if (d >= 128 || WORD_CODE[d] === 0) break;
      h = fnvCodePoint(h, d);
    }
    let slot = h & TABLE_MASK;
    while (TABLE_TO[slot] !== 0 && TABLE_HASH[slot] !== h) slot = (slot + 1) & TABLE_MASK;
    const to = TABLE_TO[slot] as number;
    for (let k = TABLE_FROM[slot] as number; k < to; k++) {
      const cue = PHRASE_CUE[k] as number;
      if ((resumeAt[cue] as number) > i) continue;
      const text = PHRASE_TEXT[k] as string;
      const stop = i + text.length;
      if (lower.startsWith(text, i) && (stop >= n || !isWordCode(lower.charCodeAt(stop)))) {
        counts[cue] = (counts[cue] as number) + 1;
        resumeAt[cue] = stop;
      }
    }
    i = end;
  }
}

/** Matches of a global pattern in `text`, counted up to `limit`. */
function count(pattern: RegExp, text: string, limit = Number.POSITIVE_INFINITY): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (n < limit && pattern.exec(text) !== null) n++;
  return n;
}

const capabilityIndex = (c: Capability): number => CAPABILITIES.indexOf(c);
const TOOL_USE = capabilityIndex('tool_use');
const VISION = capabilityIndex('vision');
const GENERAL_CHAT = capabilityIndex('general_chat');
const PATTERN_CAPABILITY = PATTERN_CUES.map((cue) => capabilityIndex(cue.capability));
const WORD_CAPABILITY = WORD_CUES.map((cue) => capabilityIndex(cue.capability));
/** Evidence per capability, refilled by every capabilityOf call. */
const scratchEvidence = new Float64Array(CAPABILITIES.length);

/** Scratch n-grams for callers that bring none (calls never overlap; no result depends on it). */
const scratchGrams = new NgramSet();
/** Matches per word cue, refilled by every capabilityOf call. */
const scratchCounts = new Float64Array(WORD_CUES.length);

/** Distribution over capabilities for one request (text = system prompt and prompt as available). */
export function capabilityDistribution(req: Partial<RequestRecord>, text: string): CapabilityDistribution {
  const head = text.length > READ ? text.slice(0, READ) : text;
  const lower = head.toLowerCase();
  return capabilityOf(req, head, lower, scratchGrams.reset(lower));
}

/**
 * `capabilityDistribution` with the lower-casing and n-grams shared by the caller: `lower` is the
 * text lower-cased (at least its first READ characters) and `grams` hold the n-grams of a text
 * containing that much of it.
 */
export function capabilityOfLower(
  req: Partial<RequestRecord>,
  text: string,
  lower: string,
  grams: NgramSet,
): CapabilityDistribution {
  const head = text.length > READ ? text.slice(0, READ) : text;
  return capabilityOf(req, head, lower.length > READ ? lower.slice(0, READ) : lower, grams);
}

function capabilityOf(
  req: Partial<RequestRecord>,
  head: string,
  lowerHead: string,
  grams: NgramSet,
): CapabilityDistribution {
  // Evidence per capability, indexed in CAPABILITIES order (a typed array: keyed property
  // lookups by capability name cost more than the arithmetic).
  const evidence = scratchEvidence.fill(0);
  evidence[GENERAL_CHAT] = CHAT_PRIOR;
  const tools = req.params?.tools ?? 0;
  if (tools > 0) evidence[TOOL_USE]! += 3 + Math.min(tools, 10) * 0.2;
  if ((req.tool_results ?? 0) > 0) evidence[TOOL_USE]! += 3;
  if (req.has_image) evidence[VISION]! += 5;
  for (let index = 0; index < PATTERN_CUES.length; index++) {
    const cue = PATTERN_CUES[index] as PatternCue;
    // Past `limit` matches the evidence is capped, so counting stops there.
    const limit = Math.ceil(cue.cap / cue.weight);
    const gates = PATTERN_GATES[index] as Gate[];
    let n = 0;
    for (let k = 0; k < cue.patterns.length; k++) {
      if (n < limit && grams.passes(gates[k] as Gate)) n += count(cue.patterns[k] as RegExp, head, limit - n);
    }
    if (n > 0) evidence[PATTERN_CAPABILITY[index] as number]! += Math.min(n * cue.weight, cue.cap);
  }
  const counts = scratchCounts.fill(0);
  countWords(lowerHead, counts);
  for (let cue = 0; cue < CHINESE.length; cue++) {
    if (grams.passes(CHINESE_GATES[cue] as Gate))
      counts[cue] = (counts[cue] as number) + count(CHINESE[cue] as RegExp, lowerHead);
  }
  for (let index = 0; index < WORD_CUES.length; index++) {
    const cue = WORD_CUES[index] as WordCue;
    const n = counts[index] as number;
    if (n > 0) evidence[WORD_CAPABILITY[index] as number]! += Math.min(n * cue.weight, cue.cap);
  }
  let total = 0;
  for (let c = 0; c < evidence.length; c++) total += evidence[c] as number;
  const share = (c: number): number => Math.round(((evidence[c] as number) / total) * 1000) / 1000;
  return {
    coding: share(0),
    tool_use: share(1),
    math_reasoning: share(2),
    data_analysis: share(3),
    vision: share(4),
    computer_use: share(5),
    writing: share(6),
    general_chat: share(7),
  };
}

/** The capability with the most weight (ties go to the earlier one in CAPABILITIES). */
export function topCapability(distribution: CapabilityDistribution): Capability {
  let best: Capability = 'general_chat';
  let weight = -1;
  for (const c of CAPABILITIES) {
    if (distribution[c] > weight) {
      weight = distribution[c];
      best = c;
    }
  }
  return best;
}
