import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines } from './lines.ts';

async function collect(chunks: Buffer[], batchSize: number) {
  async function* gen() {
    yield* chunks;
  }
  const out: { line: number; text: string }[] = [];
  for await (const batch of splitLines(gen(), { bytes: 0 }, batchSize)) {
    for (const [i, text] of batch.lines.entries()) out.push({ line: batch.firstLine + i, text });
  }
  return out;
}

describe('splitLines', () => {
  it('yields the same numbered lines however the bytes are chunked, multi-byte characters included', async () => {
    const line = fc.string({ maxLength: 30, unit: 'grapheme' }).map((s) => s.replace(/[\r\n]/g, ''));
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat({ max: 50 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 7 }),
        async (lines, cuts, batchSize) => {
          const bytes = Buffer.from(`${lines.join('\n')}\n`);
          const points = [...new Set(cuts.map((c) => c % bytes.length))].sort((a, b) => a - b);
          const chunks: Buffer[] = [];
          let prev = 0;
          for (const p of [...points, bytes.length]) {
            chunks.push(bytes.subarray(prev, p));
            prev = p;
          }
          const got = await collect(chunks, batchSize);
          expect(got).toEqual(lines.map((text, i) => ({ line: i + 1, text })));
        },
      ),
      { numRuns: 200 },
    );
  });
});
