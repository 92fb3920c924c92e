import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { PromptKit, promptSamples } from './sampler.ts';
import { ELICITATION_FAMILIES, PROMPT_FAMILIES } from './types.ts';

describe('promptSamples', () => {
  it('is reproducible from its seed', () => {
    const a = [...promptSamples(5, 200)];
    const b = [...promptSamples(5, 200)];
    expect(a).toEqual(b);
  });

  it('covers every family in both languages and fills every slot', () => {
    for (const family of PROMPT_FAMILIES) {
      for (const language of ['en', 'zh'] as const) {
        const samples = [...promptSamples(1, 30, family, [language])];
        for (const s of samples) {
          expect(s.family).toBe(family);
          expect(s.language).toBe(language);
          expect(s.text).not.toMatch(/\{[a-z_0-9]+\}/);
          expect(s.templateKey.startsWith(`${family}.`)).toBe(true);
          expect(s.templateKey.endsWith(`.${language}`)).toBe(true);
        }
        if (language === 'zh') expect(samples.some((s) => /[\u4e00-\u9fff]/.test(s.text))).toBe(true);
      }
    }
  });

  it('marks only genuine extraction families as elicitation', () => {
    for (const s of promptSamples(2, 3000)) {
      expect(s.elicitation).toBe((ELICITATION_FAMILIES as readonly string[]).includes(s.family));
    }
  });

  it('varies the text within a template so exact matching is not enough', () => {
    const byKey = new Map<string, Set<string>>();
    for (const s of promptSamples(3, 4000, 'cot_reconstruction', ['en'])) {
      const set = byKey.get(s.templateKey) ?? new Set<string>();
      set.add(s.text);
      byKey.set(s.templateKey, set);
    }
    for (const texts of byKey.values()) expect(texts.size).toBeGreaterThan(50);
  });

  it('gives each population its own subset of templates', () => {
    const keys = (seed: number) => {
      const kit = new PromptKit('cot_reconstruction', 'en', 0.4, seed);
      const rng = new Rng(1);
      return new Set(Array.from({ length: 300 }, () => kit.draw(rng).templateKey));
    };
    expect(keys(1).size).toBeLessThan(3);
    expect([...keys(1)].sort()).toEqual([...keys(1)].sort());
  });
});
