// Draws prompt text from the grammars: compiled templates with slot filling, paraphrase
// variants and wording noise, labelled with family, template key and elicitation.
import { Rng } from '../rng.ts';
import { EN } from './en.ts';
import { numberPiece, type Piece, PromptDraft, pieceOf } from './pieces.ts';
import {
  ELICITATION_FAMILIES,
  type Language,
  type LanguageGrammar,
  PROMPT_FAMILIES,
  type PromptFamily,
} from './types.ts';
import { ZH } from './zh.ts';

export interface PromptSample {
  text: string;
  family: PromptFamily;
  /** Same for every prompt drawn from one template, whatever the slots and paraphrase. */
  templateKey: string;
  language: Language;
  /** True only for genuine extraction requests (trace reconstruction, fixed-format traces, grading, safe rewrites). */
  elicitation: boolean;
  /** The family's system prompt, when it has one. */
  system?: string;
}

// A compiled text: literal pieces around slots, literals.length === slots.length + 1.
interface Compiled {
  readonly literals: readonly Piece[];
  readonly slots: readonly Slot[];
}

enum SlotKind {
  Int,
  Int2,
  Digit,
  Year,
  /** Filled from the grammar's values for the name; `values` stays null for an unknown slot. */
  Named,
}

/** A slot resolved when the grammar compiles, so a draw looks nothing up by name. */
interface Slot {
  readonly kind: SlotKind;
  readonly name: string;
  values: readonly Compiled[] | null;
}

const NUMBER_SLOTS: Record<string, SlotKind> = {
  int: SlotKind.Int,
  int2: SlotKind.Int2,
  digit: SlotKind.Digit,
  year: SlotKind.Year,
};

interface CompiledTemplate {
  key: string;
  variants: readonly Compiled[];
}

interface CompiledFamily {
  templates: readonly CompiledTemplate[];
  systems: readonly string[];
}

const SLOT = /\{([a-z_0-9]+)\}/g;

function compile(text: string, slotOf: (name: string) => Slot): Compiled {
  const literals: Piece[] = [];
  const slots: Slot[] = [];
  let last = 0;
  for (const m of text.matchAll(SLOT)) {
    literals.push(pieceOf(text.slice(last, m.index)));
    slots.push(slotOf(m[1] as string));
    last = (m.index ?? 0) + m[0].length;
  }
  literals.push(pieceOf(text.slice(last)));
  return { literals, slots };
}

const ELICITING = new Set<string>(ELICITATION_FAMILIES);

export function isElicitation(family: PromptFamily): boolean {
  return ELICITING.has(family);
}

/** One language's grammar, compiled once. */
class CompiledGrammar {
  readonly families = new Map<string, CompiledFamily>();
  private readonly slots = new Map<string, Slot>();
  private readonly openers: readonly Piece[];
  private readonly closers: readonly Piece[];

  constructor(readonly grammar: LanguageGrammar) {
    const slotOf = (name: string): Slot => {
      let slot = this.slots.get(name);
      if (slot === undefined) {
        slot = { kind: NUMBER_SLOTS[name] ?? SlotKind.Named, name, values: null };
        this.slots.set(name, slot);
      }
      return slot;
    };
    for (const [family, spec] of Object.entries(grammar.families)) {
      const templates = Object.entries(spec.templates).map(([name, variants]) => ({
        key: `${family}.${name}.${grammar.language}`,
        variants: variants.map((v) => compile(v, slotOf)),
      }));
      this.families.set(family, { templates, systems: spec.systems ?? [] });
    }
    for (const [name, values] of Object.entries(grammar.slots)) {
      const slot = slotOf(name);
      // A grammar value named like a number slot never applied: those always drew numbers.
      if (slot.kind === SlotKind.Named) slot.values = values.map((v) => compile(v, slotOf));
    }
    this.openers = grammar.openers.map(pieceOf);
    this.closers = grammar.closers.map(pieceOf);
  }

  fill(parts: Compiled, rng: Rng, depth: number, draft: PromptDraft): void {
    const { literals, slots } = parts;
    draft.add(literals[0] as Piece);
    for (let i = 0; i < slots.length; i++) {
      this.slot(slots[i] as Slot, rng, depth, draft);
      draft.add(literals[i + 1] as Piece);
    }
  }

  private slot(slot: Slot, rng: Rng, depth: number, draft: PromptDraft): void {
    switch (slot.kind) {
      case SlotKind.Int:
        draft.add(numberPiece(rng.int(12, 999)));
        return;
      case SlotKind.Int2:
        draft.add(numberPiece(rng.int(10, 5000)));
        return;
      case SlotKind.Digit:
        draft.add(numberPiece(rng.int(2, 9)));
        return;
      case SlotKind.Year:
        draft.add(numberPiece(rng.int(2015, 2026)));
        return;
      default: {
        // Unknown slots stay visible rather than vanish, so a grammar typo shows in tests.
        if (slot.values === null || depth > 3) draft.add(pieceOf(`{${slot.name}}`));
        else this.fill(rng.pick(slot.values), rng, depth + 1, draft);
      }
    }
  }

  /**
   * Paraphrase noise people add anyway; it is why exact matching cannot find templates. Drawn
   * as `opener + body + closer`, lowercased 8 % of the time, a final `?` doubled 5 % of the time.
   */
  decorate(rng: Rng, draft: PromptDraft): string {
    const opener = rng.pick(this.openers);
    const closer = rng.pick(this.closers);
    const lowercase = rng.chance(0.08);
    return draft.finish(opener, closer, lowercase, rng.chance(0.05));
  }
}

const GRAMMARS: Record<Language, CompiledGrammar> = {
  en: new CompiledGrammar(EN),
  zh: new CompiledGrammar(ZH),
};

/** A population's view of one family in one language: its own subset of templates. */
export class PromptKit {
  private readonly templates: readonly CompiledTemplate[];
  private readonly systems: readonly string[];
  private readonly grammar: CompiledGrammar;
  readonly elicitation: boolean;

  constructor(
    readonly family: PromptFamily,
    readonly language: Language,
    subset = 1,
    subsetSeed = 0,
  ) {
    this.grammar = GRAMMARS[language];
    const compiled = this.grammar.families.get(family);
    if (!compiled) throw new Error(`no ${language} grammar for prompt family ${family}`);
    const all = compiled.templates;
    if (subset >= 1) this.templates = all;
    else {
      // A deterministic shuffle keyed by the population, so each operator keeps its own kit.
      const rng = Rng.derive(subsetSeed, `${family}.${language}`);
      const order = all.map((_t, i) => [rng.next(), i] as const).sort((a, b) => a[0] - b[0]);
      const keep = Math.max(1, Math.round(all.length * subset));
      this.templates = order.slice(0, keep).map(([, i]) => all[i] as CompiledTemplate);
    }
    this.systems = compiled.systems;
    this.elicitation = isElicitation(family);
  }

  /** A system prompt for a new conversation, or undefined when the family has none. */
  system(rng: Rng): string | undefined {
    return this.systems.length > 0 ? rng.pick(this.systems) : undefined;
  }

  draw(rng: Rng): { text: string; templateKey: string } {
    const draft = new PromptDraft();
    const templateKey = this.drawInto(rng, draft);
    return { text: draft.text, templateKey };
  }

  /** Draws a prompt into `draft` (its text and bytes); returns the template key. */
  drawInto(rng: Rng, draft: PromptDraft): string {
    const template = rng.pick(this.templates);
    draft.begin();
    this.grammar.fill(rng.pick(template.variants), rng, 0, draft);
    this.grammar.decorate(rng, draft);
    return template.key;
  }
}

const kitCache = new Map<string, PromptKit>();

function kitFor(family: PromptFamily, language: Language): PromptKit {
  const key = `${family}|${language}`;
  let kit = kitCache.get(key);
  if (!kit) {
    kit = new PromptKit(family, language);
    kitCache.set(key, kit);
  }
  return kit;
}

/**
 * Labelled prompts for measuring prompt-level signals: `n` samples from the given families
 * (all by default), in `languages` (both by default), reproducible from `seed`.
 */
export function* promptSamples(
  seed: number,
  n: number,
  family?: PromptFamily | readonly PromptFamily[],
  languages: readonly Language[] = ['en', 'zh'],
): Generator<PromptSample> {
  const families: readonly PromptFamily[] =
    family === undefined ? PROMPT_FAMILIES : typeof family === 'string' ? [family] : family;
  const rng = new Rng(seed, 0x70726f6d);
  for (let i = 0; i < n; i++) {
    const f = rng.pick(families);
    const language = rng.pick(languages);
    const kit = kitFor(f, language);
    const { text, templateKey } = kit.draw(rng);
    const system = kit.system(rng);
    const sample: PromptSample = { text, family: f, templateKey, language, elicitation: kit.elicitation };
    if (system !== undefined) sample.system = system;
    yield sample;
  }
}
