// Cheap gates in front of the cue regexes: from a pattern's source, the literal strings any match
// must contain; a text whose character n-grams lack them cannot match, so the regex is skipped.
// Gates only skip work: a gate that is unsure says "maybe" and the regex decides.

/** A requirement on the text: a literal (as n-gram bits), all of, any of, or nothing (`true`). */
export type Need = true | { lit: Int32Array; text: string } | { all: Need[] } | { any: Need[] };

const BITS = 15;
const SHIFT = 32 - BITS;

/**
 * One multiply per n-gram: a character's mix `m`, a pair's `imul(m_prev, K2) ^ m`, a triple's
 * `imul(pair_prev, K3) ^ m`; the top BITS bits pick the bit.
 */
const mix = (c: number): number => Math.imul(c ^ 0x5bd1e995, 0x61c88647);
const extend = (prev: number, c: number, k: number): number => Math.imul(prev, k) ^ mix(c);
const K2 = 0x27d4eb2f;
const K3 = 0x165667b1;

/** The bit positions a literal needs: its character, its pair, or each of its triples. */
function literalBits(literal: string): Int32Array {
  const c = (i: number) => literal.charCodeAt(i);
  if (literal.length === 1) return Int32Array.of(mix(c(0)) >>> SHIFT);
  if (literal.length === 2) return Int32Array.of(extend(mix(c(0)), c(1), K2) >>> SHIFT);
  const bits: number[] = [];
  for (let i = 0; i + 2 < literal.length; i++) {
    bits.push(extend(extend(mix(c(i)), c(i + 1), K2), c(i + 2), K3) >>> SHIFT);
  }
  return Int32Array.from(bits);
}

/**
 * A need flattened for speed into clauses that must all hold, each met by any one of its literals
 * (conjunctive form), laid out as `[clauses, end₁, cjk₁, (bits, bit…)…, end₂, …]` where `end` is the
 * offset of the next clause and `cjk` is 1 when every literal of the clause holds CJK characters
 * (so a text without any fails it at once); an empty gate requires nothing. Checking it is two plain loops: the recursive `Need` cost more than the regexes
 * it spared. Where the exact form would grow large the gate is weakened, never strengthened: a
 * weaker gate only says "maybe" more often, and the regex decides.
 */
export type Gate = Int32Array;

type Clause = { bits: Int32Array; text: string }[];
/** Characters from the CJK radicals onwards: Chinese, Japanese and Korean text. */
const CJK_START = 0x2e80;
const CJK = /[\u2e80-\uffff]/;
/** Clauses kept when the literals of alternatives are distributed over each other. */
const MAX_PRODUCT = 8;

/** Selectivity of a clause: fewer and longer literals fail more often. */
const looseness = (clause: Clause): number =>
  clause.length * 8 - Math.min(...clause.map((literal) => literal.bits.length));

function clauses(need: Need): Clause[] {
  if (need === true) return [];
  if ('lit' in need) return [[{ bits: need.lit, text: need.text }]];
  if ('all' in need) return need.all.flatMap(clauses);
  // any(A, B, …): when every alternative's clauses can be distributed over the others within
  // MAX_PRODUCT clauses, that is exact; otherwise each alternative keeps its most selective clause,
  // and the one clause "any of those" is a sound, weaker gate.
  const options = need.any.map(clauses);
  if (options.some((o) => o.length === 0)) return [];
  const size = options.reduce((n, o) => n * o.length, 1);
  if (size <= MAX_PRODUCT) {
    let product: Clause[] = [[]];
    for (const option of options)
      product = product.flatMap((left) => option.map((right) => [...left, ...right]));
    return product;
  }
  const best = options.map((o) => [...o].sort((x, y) => looseness(x) - looseness(y))[0] as Clause);
  return [best.flat()];
}

/** Flattens a need into a Gate (see `Gate`), most selective clause first. */
export function compileGate(need: Need): Gate {
  const sorted = clauses(need).sort((x, y) => looseness(x) - looseness(y));
  const flat: number[] = [sorted.length];
  for (const clause of sorted) {
    const endAt = flat.length;
    flat.push(0, clause.every((literal) => CJK.test(literal.text)) ? 1 : 0);
    for (const literal of clause) flat.push(literal.bits.length, ...literal.bits);
    flat[endAt] = flat.length;
  }
  return Int32Array.from(flat);
}

/** The gate of a pattern: what `needOf` says, compiled. */
export const gateOf = (pattern: RegExp): Gate => compileGate(needOf(pattern));

/**
 * The character 1-, 2- and 3-grams of a text, hashed into one bit set (false positives only).
 * `reset` refills it for another text, so one set can serve many calls without allocating.
 */
export class NgramSet {
  private readonly bits = new Int32Array(1 << (BITS - 5));
  /** Whether the text holds any CJK character. */
  private cjk = false;

  constructor(text = '') {
    this.reset(text);
  }

  reset(text: string): this {
    const bits = this.bits;
    bits.fill(0);
    const end = text.length;
    let pair = 0;
    let single = 0;
    let cjk = false;
    for (let i = 0; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= CJK_START) cjk = true;
      const m = mix(c);
      let k = m >>> SHIFT;
      bits[k >>> 5] = (bits[k >>> 5] as number) | (1 << (k & 31));
      if (i > 0) {
        if (i > 1) {
          k = (Math.imul(pair, K3) ^ m) >>> SHIFT;
          bits[k >>> 5] = (bits[k >>> 5] as number) | (1 << (k & 31));
        }
        pair = Math.imul(single, K2) ^ m;
        k = pair >>> SHIFT;
        bits[k >>> 5] = (bits[k >>> 5] as number) | (1 << (k & 31));
      }
      single = m;
    }
    this.cjk = cjk;
    return this;
  }

  /** False when the text cannot match the gate's pattern; true when it may. */
  passes(gate: Gate): boolean {
    const bits = this.bits;
    const clauseCount = gate.length === 0 ? 0 : (gate[0] as number);
    let at = 1;
    for (let clause = 0; clause < clauseCount; clause++) {
      const clauseEnd = gate[at] as number;
      if (gate[at + 1] === 1 && !this.cjk) return false;
      at += 2;
      let met = false;
      while (at < clauseEnd) {
        const end = at + 1 + (gate[at] as number);
        let i = at + 1;
        for (; i < end; i++) {
          const k = gate[i] as number;
          if (((bits[k >>> 5] as number) & (1 << (k & 31))) === 0) break;
        }
        if (i === end) {
          met = true;
          break;
        }
        at = end;
      }
      if (!met) return false;
      at = clauseEnd;
    }
    return true;
  }
}

const ZERO_WIDTH_OR_CLASS = new Set(['b', 'B', 's', 'S', 'w', 'W', 'd', 'D']);
const CONTROL: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };

/** Recursive-descent reader of the regex syntax the cue tables use; anything unknown counts as `true`. */
class NeedParser {
  private i = 0;

  constructor(
    private readonly source: string,
    private readonly fold: boolean,
  ) {}

  parse(): Need {
    const need = this.alternation();
    if (this.i < this.source.length) throw new Error(`regex-gate: unbalanced ) in /${this.source}/`);
    return need;
  }

  private alternation(): Need {
    const options: Need[] = [this.sequence()];
    while (this.source[this.i] === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] as Need) : any(options);
  }

  private sequence(): Need {
    const parts: Need[] = [];
    let run = '';
    const flush = () => {
      if (run.length > 0) parts.push({ lit: literalBits(run), text: run });
      run = '';
    };
    while (this.i < this.source.length && this.source[this.i] !== '|' && this.source[this.i] !== ')') {
      const atom = this.atom();
      const { min, once } = this.quantifier();
      if (typeof atom === 'string' && min === 1) {
        // A repeated character ends the run; the next run starts with its last repetition.
        run += atom;
        if (!once) {
          flush();
          run = atom;
        }
        continue;
      }
      flush();
      if (min === 0 || typeof atom === 'string') continue;
      parts.push(atom);
    }
    flush();
    return all(parts);
  }

  /** A literal character as a string, or the need of a group, class or escape. */
  private atom(): string | Need {
    const s = this.source;
    const ch = s[this.i] as string;
    this.i++;
    if (ch === '(') {
      let lookaround = false;
      if (s[this.i] === '?') {
        if (s[this.i + 1] === ':') this.i += 2;
        else if (s[this.i + 1] === '<' && s[this.i + 2] !== '=' && s[this.i + 2] !== '!') {
          this.i = s.indexOf('>', this.i) + 1;
        } else {
          lookaround = true;
          this.i += s[this.i + 1] === '<' ? 3 : 2;
        }
      }
      const inner = this.alternation();
      if (s[this.i] !== ')') throw new Error(`regex-gate: unclosed ( in /${s}/`);
      this.i++;
      return lookaround ? true : inner;
    }
    if (ch === '[') {
      while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      this.i++;
      return true;
    }
    if (ch === '.' || ch === '^' || ch === '$') return true;
    if (ch === '\\') {
      const next = s[this.i] as string;
      this.i++;
      if (ZERO_WIDTH_OR_CLASS.has(next) || (next >= '1' && next <= '9')) return true;
      if (next in CONTROL) return CONTROL[next] as string;
      if (next === 'u' || next === 'x') {
        const digits = next === 'u' ? 4 : 2;
        const code = Number.parseInt(s.slice(this.i, this.i + digits), 16);
        this.i += digits;
        return this.literal(String.fromCharCode(code));
      }
      return this.literal(next);
    }
    return this.literal(ch);
  }

  private literal(ch: string): string {
    return this.fold ? ch.toLowerCase() : ch;
  }

  /** Reads a quantifier after an atom: min 0 (optional) or 1 (required), once when not repeated. */
  private quantifier(): { min: number; once: boolean } {
    const s = this.source;
    const ch = s[this.i];
    let min = 1;
    if (ch === '?' || ch === '*') {
      min = 0;
      this.i++;
    } else if (ch === '+') this.i++;
    else if (ch === '{') {
      const close = s.indexOf('}', this.i);
      const body = s.slice(this.i + 1, close);
      if (!/^\d+(?:,\d*)?$/.test(body)) return { min, once: true };
      this.i = close + 1;
      if (s[this.i] === '?') this.i++;
      const least = Number(body.split(',')[0]);
      return { min: least === 0 ? 0 : 1, once: body === '1' };
    } else return { min, once: true };
    if (s[this.i] === '?') this.i++;
    return { min, once: false };
  }
}

function all(parts: Need[]): Need {
  const kept = parts.filter((p) => p !== true);
  if (kept.length === 0) return true;
  return kept.length === 1 ? (kept[0] as Need) : { all: kept };
}

function any(options: Need[]): Need {
  return options.some((o) => o === true) ? true : { any: options };
}

/**
 * What a text must contain for `pattern` to match it. With the `i` flag the literals are
 * lower-cased, so the n-grams must come from lower-cased text.
 */
export function needOf(pattern: RegExp): Need {
  return new NeedParser(pattern.source, pattern.flags.includes('i')).parse();
}
