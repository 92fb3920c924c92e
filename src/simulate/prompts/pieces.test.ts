import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { Piece, PromptDraft, pieceOf } from './pieces.ts';
import { PromptKit } from './sampler.ts';
import { PROMPT_FAMILIES } from './types.ts';

const written = (draft: PromptDraft): Buffer => {
  const buf = Buffer.alloc(draft.jsonBytes + 8);
  const end = draft.write(buf, 3);
  expect(end - 3).toBe(draft.jsonBytes);
  return buf.subarray(3, end);
};

describe('PromptDraft', () => {
  it('writes the JSON of the text it drew, for every family in both languages', () => {
    const draft = new PromptDraft();
    const rng = new Rng(11);
    let lowered = 0;
    for (const family of PROMPT_FAMILIES) {
      for (const language of ['en', 'zh'] as const) {
        const kit = new PromptKit(family, language);
        for (let i = 0; i < 400; i++) {
          kit.drawInto(rng, draft);
          expect(written(draft).equals(Buffer.from(JSON.stringify(draft.text)))).toBe(true);
          expect(draft.cjk).toBe(/[\u4e00-\u9fff]/.test(draft.text));
          if (/[A-Z]/.test(draft.text) === false && /[a-z]/.test(draft.text)) lowered++;
        }
      }
    }
    expect(lowered).toBeGreaterThan(0);
  });

  it('lowercases, doubles a final question mark and escapes as the whole text would', () => {
    const draft = new PromptDraft();
    draft.begin();
    draft.add(pieceOf('Ünïcode "quoted"\n'));
    draft.add(pieceOf(''));
    draft.add(pieceOf('Why?'));
    const text = draft.finish(pieceOf('Hi! '), pieceOf(''), true, true);
    expect(text).toBe(`${'Hi! Ünïcode "quoted"\nWhy?'.toLowerCase()}?`);
    expect(written(draft).equals(Buffer.from(JSON.stringify(text)))).toBe(true);
  });

  it('refuses text that cannot be lowercased or escaped piece by piece', () => {
    expect(() => new Piece('ΟΔΟΣ')).toThrow();
    expect(() => new Piece('x\ud83d')).toThrow();
  });
});
