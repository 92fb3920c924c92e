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

const CJK_CHARS = /[\u3040-\u30ff\u3400-\u9fff]/g;
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

/**
 * Where an inline value starts: after the first colon that follows an instruction of three words or
 * more (six CJK characters), e.g. `Translate into French: <value>`; 0 when there is none. A colon
 * after a short opener such as "Quick one:" does not count.
 */
function inlineValueStart(line: string): number {
  for (let i = line.indexOf(':') === -1 ? line.indexOf('：') : 0; i >= 0 && i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 58 && c !== 0xff1a) continue;
    const before = line.slice(0, i);
    const words = before.trim().split(/\s+/).length + (before.match(CJK_CHARS)?.length ?? 0) / 2;
    if (words >= 3 && line.slice(i + 1).trim().length > 0) return i + 1;
  }
  return 0;
}

function isLabel(label: string): boolean {
  const words = label.trim().split(/\s+/).length;
  return words <= 6 && !/[.?!。？！]/.test(label);
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
  const trimmed = line.trim();
  if (trimmed.length === 0) return false;
  const symbols = codeSymbols(trimmed);
  if (symbols === 0) return false;
  // The prose test is the costly one, so it runs only on lines the symbol rules would call code.
  const dense = symbols >= 3 && symbols >= trimmed.length * 0.06;
  if (!dense && !/^(?: {4}|\t)/.test(line)) return false;
  return !PROSE.test(trimmed);
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
  // a colon often just introduces the rest of the request.
  let labelLines = 0;
  const labels = lines.map((line) => (hasColon(line) ? LABEL.exec(line) : null));
  for (const label of labels) {
    if (label && isLabel(label[1] ?? '') && (label[2] ?? '').trim().length > 0) labelLines++;
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
    if (line.trim().length === 0) {
      if (seenContent) maskParagraph = false;
      last = '';
      continue;
    }
    const label = labels[index] ?? null;
    if (maskParagraph) {
      seenContent = true;
      if (!label || !isLabel(label[1] ?? '')) {
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
    if (label && isLabel(label[1] ?? '')) {
      const value = label[2] ?? '';
      if (value.trim().length === 0) {
        emit(`${label[1]}:`);
        maskParagraph = true;
        seenContent = false;
        continue;
      }
      // A long sentence after a label on the first line is usually the instruction behind an opener
      // such as "Quick one:", not a field of the form.
      if (form && !(out.length === 0 && value.trim().split(/\s+/).length >= 8)) {
        emit(`${label[1]}:`);
        emit(SLOT.value);
        continue;
      }
    }
    if (hasColon(line) && !/[:：]\s*$/.test(line)) {
      const cut = inlineValueStart(line);
      if (cut > 0) {
        emit(line.slice(0, cut));
        emit(SLOT.value);
        continue;
      }
    }
    if (hasColon(line) && /[:：]\s*$/.test(line)) {
      emit(line);
      maskParagraph = true;
      seenContent = false;
      continue;
    }
    emit(line);
  }
  return out.join('\n');
}
