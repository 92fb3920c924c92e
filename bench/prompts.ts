// The prompts the signal benchmarks time: generated text padded to a fixed length, the same on
// every run and machine, so figures from bench/signals.ts and bench/fingerprint.ts compare.
import { samplePrompts } from '../src/signals/sample-prompts.ts';

/** `count` prompts of exactly `length` characters, each padded with more generated text. */
export function fixedLengthPrompts(count: number, length: number): string[] {
  const pool = samplePrompts(42, count * 3).map((s) => s.text);
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    let text = pool[i % pool.length] as string;
    for (let j = 1; text.length < length; j++) text += `\n${pool[(i + j * 7) % pool.length]}`;
    out.push(text.slice(0, length));
  }
  return out;
}
