// Masks the parts of a prompt that are slot values (code, quoted passages, URLs, list items,
// labelled values, the paragraph after an introducing colon) so a template's wording remains.

/** Placeholder code points (Unicode private use) that stand for masked slot values. */
export const SLOT = {
  code: '\uE000',
  quote: '\uE001',
  number: '\uE002',
  url: '\uE003',
  email: '\uE004',
  list: '\uE005',
  value: '\uE006',
  name: '\uE007',
} as const;

const FENCED_CODE = /```[\s\S]*?(?:```|$)/g;
const INLINE_CODE = /`[^`\n]{1,200}`/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'）)\]]+/gi;
const EMAIL = /\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+\b/g;
const QUOTED =
  /"[^"\n]{1,600}"|“[^”]{1,600}”|‘[^’\n]{1,600}’|「[^」]{1,600}」|『[^』]{1,600}』|《[^》\n]{1,80}》|«[^»]{1,600}»/g;

const QUOTE_MARK = /["“‘「『《«]/;
const LIST_ITEM = /^\s*(?:[-*•·+]|\d{1,3}[.)、]|[a-hA-H][.)]|[(（]\d{1,3}[)）])\s*\S/;
/** A short heading followed by a colon, e.g. `Question:`, `Input text:`, `问题：`. */
const LABEL = /^\s*([^\s:：][^:：\n]{0,39})[:：]\s*(.*)$/;
/** Five words in a row, or any Chinese or Japanese: a sentence with a formula in it, not code. */
const PROSE = /(?:[A-Za-z]{2,}[,;]? ){5}|[\u3040-\u30ff\u3400-\u9fff]/;
/** 1 for the ASCII symbols that mark a line as code. */
const CODE_SYMBOLS = new Uint8Array(128);
for (const c of '{}();=<>[]$\\|&') CODE_SYMBOLS[c.charCodeAt(0)] = 1;

function hasColon(line: string): boolean {
  return line.includes(':') || line.includes('：');
}

/** JavaScript's `\s`: what `trim` removes and `split(/\s+/)` splits on. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isSpace(line.charCodeAt(i))) return false;
  return true;
}

/** `text.trim().split(/\s+/).length` without the copies: runs of non-space, at least 1. */
function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return Math.max(words, 1);
}

const isCjkChar = (c: number): boolean => (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff);

/**
 * Where an inline value starts: after the first colon that follows an instruction of three words or
 * more (six CJK characters), e.g. `Translate into French: <value>`; 0 when there is none. A colon
 * after a short opener such as "Quick one:" does not count.
 */
function inlineValueStart(line: string): number {
  let last = line.length - 1;
  while (last >= 0 && isSpace(line.charCodeAt(last))) last--;
  let words = 0;
  let inWord = false;
  let cjk = 0;
  for (let i = 0; i < last; i++) {
    const c = line.charCodeAt(i);
    if ((c === 58 || c === 0xff1a) && Math.max(words, 1) + cjk / 2 >= 3) return i + 1;
    const space = isSpace(c);
    if (!space && !inWord) words++;
    inWord = !space;
    if (isCjkChar(c)) cjk++;
  }
  return 0;
}

const SENTENCE_MARK = /[.?!。？！]/;

function isLabel(label: string): boolean {
  return wordCount(label) <= 6 && !SENTENCE_MARK.test(label);
}

function codeSymbols(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 128) n += CODE_SYMBOLS[c] as number;
  }
  return n;
}

function looksLikeCode(line: string): boolean {
  const symbols = codeSymbols(line);
  if (symbols === 0) return false;
  let first = 0;
  let last = line.length - 1;
  while (first <= last && isSpace(line.charCodeAt(first))) first++;
  while (last >= first && isSpace(line.charCodeAt(last))) last--;
  const trimmedLength = last - first + 1;
  // The prose test is the costly one, so it runs only on lines the symbol rules would call code.
  const dense = symbols >= 3 && symbols >= trimmedLength * 0.06;
  if (!dense && !/^(?: {4}|\t)/.test(line)) return false;
  return !PROSE.test(line.slice(first, last + 1));
}

/** Whether a line ends in a colon (trailing space aside). */
function endsWithColon(line: string): boolean {
  let last = line.length - 1;
  while (last >= 0 && isSpace(line.charCodeAt(last))) last--;
  const c = last >= 0 ? line.charCodeAt(last) : 0;
  return c === 58 || c === 0xff1a;
}

/** Replaces slot values with placeholders; line structure is kept so the template's frame survives. */
export function maskSlots(text: string): string {
  // Each pattern runs only when its marker character is present: most prompts have none of them.
  let flat = text;
  if (flat.includes('`')) flat = flat.replace(FENCED_CODE, ` ${SLOT.code} `).replace(INLINE_CODE, SLOT.code);
  if (flat.includes('http') || flat.includes('www.')) flat = flat.replace(URL, SLOT.url);
  if (flat.includes('@')) flat = flat.replace(EMAIL, SLOT.email);
  if (QUOTE_MARK.test(flat)) flat = flat.replace(QUOTED, SLOT.quote);
  const lines = flat.split('\n');
  // Only in a form (two or more `Label: value` lines) is the text after a label a value; elsewhere
  // a colon often just introduces the rest of the request. `labels[i]` is the label of line i when
  // it has one that reads as a label, else null.
  let labelLines = 0;
  const labels: (RegExpExecArray | null)[] = [];
  for (const line of lines) {
    const label = hasColon(line) ? LABEL.exec(line) : null;
    const kept = label && isLabel(label[1] ?? '') ? label : null;
    labels.push(kept);
    if (kept && !isBlank(kept[2] ?? '')) labelLines++;
  }
  const form = labelLines >= 2;
  const out: string[] = [];
  let last = '';
  let maskParagraph = false;
  let seenContent = false;
  const emit = (piece: string): void => {
    if (piece === last && piece.length === 1) return;
    out.push(piece);
    last = piece;
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (isBlank(line)) {
      if (seenContent) maskParagraph = false;
      last = '';
      continue;
    }
    const label = labels[index] ?? null;
    if (maskParagraph) {
      seenContent = true;
      if (!label) {
        emit(SLOT.value);
        continue;
      }
      maskParagraph = false;
    }
    if (LIST_ITEM.test(line)) {
      emit(SLOT.list);
      continue;
    }
    if (looksLikeCode(line)) {
      emit(SLOT.code);
      continue;
    }
    if (label) {
      const value = label[2] ?? '';
      if (isBlank(value)) {
        emit(`${label[1]}:`);
        maskParagraph = true;
        seenContent = false;
        continue;
      }
      // A long sentence after a label on the first line is usually the instruction behind an opener
      // such as "Quick one:", not a field of the form.
      if (form && !(out.length === 0 && wordCount(value) >= 8)) {
        emit(`${label[1]}:`);
        emit(SLOT.value);
        continue;
      }
    }
    if (!hasColon(line)) {
      emit(line);
      continue;
    }
    if (endsWithColon(line)) {
      emit(line);
      maskParagraph = true;
      seenContent = false;
      continue;
    }
    const cut = inlineValueStart(line);
    if (cut > 0) {
      emit(line.slice(0, cut));
      emit(SLOT.value);
      continue;
    }
    emit(line);
  }
  return out.join('\n');
}
