import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTime } from './timefmt.ts';

describe('isoTime', () => {
  it('formats any millisecond time as Date#toISOString does', () => {
    fc.assert(
      fc.property(fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }), (ms) => {
        expect(isoTime(ms)).toBe(new Date(Math.floor(ms)).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it('keeps the layout at the edges of years 0 and 9999 and across an hour', () => {
    for (const ms of [
      -62_167_219_200_001, -62_167_219_200_000, 0, -1, 3_599_999, 3_600_000, 253_402_300_799_999,
      253_402_300_800_000,
    ])
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });
});
