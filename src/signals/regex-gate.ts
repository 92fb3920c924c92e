// Cheap gates in front of the cue regexes: from a pattern's source, the literal strings any match
// must contain; a text whose character n-grams lack them cannot match, so the regex is skipped.
// Gates only skip work: a gate that is unsure says "maybe" and the regex decides.

/** A requirement on the text: a literal (as n-gram bits), all of, any of, or nothing (`true`). */
export type Need = true | { lit: Int32Array } | { all: Need[] } | { any: Need[] };

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

/** The character 1-, 2- and 3-grams of a text, hashed into one bit set (false positives only). */
export class NgramSet {
  private readonly bits = new Int32Array(1 << (BITS - 5));

  constructor(text: string) {
    const bits = this.bits;
    const end = text.length;
    let pair = 0;
    let single = 0;
    for (let i = 0; i < end; i++) {
      const m = mix(text.charCodeAt(i));
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
  }

  /** False when the text cannot meet the need; true when it may. */
  allows(need: Need): boolean {
    if (need === true) return true;
    if ('lit' in need) {
      const lit = need.lit;
      for (let i = 0; i < lit.length; i++) {
        const k = lit[i] as number;
        if (((this.bits[k >>> 5] as number) & (1 << (k & 31))) === 0) return false;
      }
      return true;
    }
    if ('all' in need) {
      for (const part of need.all) if (!this.allows(part)) return false;
      return true;
    }
    for (const part of need.any) if (this.allows(part)) return true;
    return false;
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
      if (run.length > 0) parts.push({ lit: literalBits(run) });
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
