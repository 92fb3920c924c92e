// Prompt text as pieces encoded once: every literal of the grammars is JSON-escaped and UTF-8
// encoded when it loads, so a drawn prompt reaches the output as a few byte copies instead of a
// rope that is flattened, escaped and encoded for every request (the writer's largest cost).

const CJK = /[\u4e00-\u9fff]/;
const QUESTION_MARK = 63;
const QUOTE = 34;

/** One literal of a grammar (or a number a slot drew), with its JSON bytes and lowercase twin. */
export class Piece {
  /** The JSON string's content, without its quotes, as UTF-8. */
  readonly json: Uint8Array;
  readonly cjk: boolean;
  readonly endsWithQuestion: boolean;
  /** This piece lowercased (itself when that changes nothing). */
  readonly lower: Piece;

  constructor(
    readonly text: string,
    lower?: Piece,
  ) {
    // Lowercasing piece by piece equals lowercasing the whole prompt only without the one
    // context-dependent mapping (final sigma), and escaping piece by piece equals escaping the
    // whole only if no surrogate pair is split between pieces: a grammar that breaks either is a bug.
    const first = text.charCodeAt(0);
    const last = text.charCodeAt(text.length - 1);
    if (text.includes('\u03a3') || (first >= 0xdc00 && first <= 0xdfff) || (last >= 0xd800 && last <= 0xdbff))
      throw new Error(`prompt grammar text cannot be split into pieces: ${JSON.stringify(text)}`);
    this.json = Buffer.from(JSON.stringify(text).slice(1, -1));
    this.cjk = CJK.test(text);
    this.endsWithQuestion = last === QUESTION_MARK;
    const lowered = text.toLowerCase();
    this.lower = lower ?? (lowered === text ? this : new Piece(lowered, undefined));
  }
}

const interned = new Map<string, Piece>();

/** The piece for a literal; equal texts share one piece. */
export function pieceOf(text: string): Piece {
  let piece = interned.get(text);
  if (piece === undefined) {
    piece = new Piece(text);
    interned.set(text, piece);
  }
  return piece;
}

const numbers: Piece[] = [];

/** The piece for `String(n)`, kept for the small integers slots draw. */
export function numberPiece(n: number): Piece {
  if (!(n >= 0 && n < 10_000 && Number.isInteger(n))) return new Piece(String(n));
  let piece = numbers[n];
  if (piece === undefined) {
    piece = new Piece(String(n));
    numbers[n] = piece;
  }
  return piece;
}

const EMPTY = pieceOf('');
const QUESTION = pieceOf('?');

/**
 * One drawn prompt as its pieces, reused from draw to draw: the text (for the record) and the
 * JSON bytes (for the writer) of the same prompt. `text` is built once the draw is finished.
 */
export class PromptDraft {
  private readonly pieces: Piece[] = [EMPTY];
  private count = 1;
  private lowercase = false;
  text = '';
  /** Whether the text holds a CJK ideograph. */
  cjk = false;
  /** Bytes `write` takes, quotes included. */
  jsonBytes = 2;

  /** Starts a prompt; slot 0 is kept for the opener, drawn after the body. */
  begin(): void {
    this.count = 1;
    this.pieces[0] = EMPTY;
  }

  add(piece: Piece): void {
    if (piece.text.length > 0) this.pieces[this.count++] = piece;
  }

  /** Wraps the body in its opener and closer, lowercased and with a doubled final `?` as drawn. */
  finish(opener: Piece, closer: Piece, lowercase: boolean, doubleQuestion: boolean): string {
    this.pieces[0] = opener;
    this.add(closer);
    this.lowercase = lowercase;
    const pieces = this.pieces;
    // `replace(/\?$/, '??')`: only slot 0 can be empty, so the last piece holds the last character.
    if (doubleQuestion) {
      const last = pieces[this.count - 1] as Piece;
      if ((lowercase ? last.lower : last).endsWithQuestion) this.add(QUESTION);
    }
    const n = this.count;
    let text = '';
    let bytes = 2;
    let cjk = false;
    for (let i = 0; i < n; i++) {
      const p = lowercase ? (pieces[i] as Piece).lower : (pieces[i] as Piece);
      text += p.text;
      bytes += p.json.length;
      cjk ||= p.cjk;
    }
    this.text = text;
    this.jsonBytes = bytes;
    this.cjk = cjk;
    return text;
  }

  /** `JSON.stringify(this.text)` as UTF-8 at `pos`; returns the position after it. */
  write(buf: Uint8Array, pos: number): number {
    buf[pos++] = QUOTE;
    const pieces = this.pieces;
    const lowercase = this.lowercase;
    for (let i = 0; i < this.count; i++) {
      const p = lowercase ? (pieces[i] as Piece).lower : (pieces[i] as Piece);
      buf.set(p.json, pos);
      pos += p.json.length;
    }
    buf[pos++] = QUOTE;
    return pos;
  }
}
