import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NumberTally } from '../../../src/core/read/numberTally';
import { createRandom } from '../../../src/core/common/random';

/** Counts as a Map would (rows whose `readable` is 0 left out): the reference the tally must equal. */
function naiveTop(values: ArrayLike<number>, limit: number, readable?: Uint8Array) {
  const counts = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v) || (readable && readable[i] === 0)) continue;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return {
    distinct: counts.size,
    top: [...counts]
      .map(([value, count]) => ({ value: String(value), count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
      .slice(0, limit),
  };
}

describe('NumberTally', () => {
  it('counts as a Map does, through growth, and again after being cleared for the next column', () => {
    const tally = new NumberTally();
    fc.assert(
      fc.property(
        // Few values (no growth) and many (the table grows past its first 1,024 slots).
        fc.oneof(
          fc.array(fc.constantFrom(0, -0, 1, 2, 10, 1.5, -3, 1e300, 5e-324, NaN), {
            maxLength: 80,
          }),
          fc.array(fc.integer({ min: -3000, max: 3000 }), { minLength: 1000, maxLength: 4000 }),
          fc.array(fc.double({ noNaN: true }), { maxLength: 2000 }),
        ),
        fc.integer({ min: 1, max: 6 }),
        (list, limit) => {
          const expected = naiveTop(list, limit);
          tally.clear().countColumn(Float64Array.from(list), null);
          expect(tally.distinct).toBe(expected.distinct);
          expect(tally.top(limit)).toEqual(expected.top);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves out the rows that could not be read', () => {
    const values = Float64Array.from([1, 1, 2, 3, 3, 3]);
    const readable = Uint8Array.from([1, 0, 1, 0, 0, 1]);
    const tally = new NumberTally().countColumn(values, readable);
    expect(tally.distinct).toBe(3);
    expect(tally.top(5)).toEqual([
      { value: '1', count: 1 },
      { value: '2', count: 1 },
      { value: '3', count: 1 },
    ]);
  });

  it('spreads whole numbers over the table (their low bits are all zero)', () => {
    // Every whole number from 0 to 200,000, each twice: with a poor hash the probes would run
    // through the whole table and this would not finish in the test's time.
    const values = new Float64Array(400_000);
    for (let i = 0; i < values.length; i++) values[i] = i >> 1;
    const tally = new NumberTally().countColumn(values, null);
    expect(tally.distinct).toBe(200_000);
    expect(tally.top(2)).toEqual([
      { value: '0', count: 2 },
      { value: '1', count: 2 },
    ]);
  });

  it('counts a column of many distinct numbers by partitions as a Map does', () => {
    // Past 65,536 distinct numbers the column is counted again in partitions by hash: columns of
    // 100,000 to 160,000 rows, mostly distinct, with numbers that repeat (the top ones), zeros of
    // both signs, gaps, and unreadable rows; the tally is reused as for a file's columns.
    const tally = new NumberTally();
    fc.assert(
      fc.property(
        fc.integer({ min: 100_000, max: 160_000 }),
        fc.integer(),
        fc.boolean(),
        fc.integer({ min: 1, max: 6 }),
        (n, seed, withReadable, limit) => {
          const random = createRandom(seed);
          const values = new Float64Array(n);
          for (let i = 0; i < n; i++) {
            const draw = random.next();
            values[i] =
              draw < 0.02
                ? Math.floor(random.next() * 7) // repeated: the top numbers, with ties
                : draw < 0.025
                  ? random.next() < 0.5
                    ? 0
                    : -0
                  : draw < 0.03
                    ? NaN
                    : draw < 0.5
                      ? Math.round(random.next() * 2e6) / 100 // cents: some repeat
                      : (random.next() - 0.5) * 1e9;
          }
          const readable = withReadable
            ? Uint8Array.from({ length: n }, () => (random.next() < 0.9 ? 1 : 0))
            : undefined;
          const expected = naiveTop(values, limit, readable);
          tally.clear().countColumn(values, readable ?? null);
          expect(tally.distinct).toBe(expected.distinct);
          expect(tally.top(limit)).toEqual(expected.top);
          // The numbers counted, their sum in row order and their range, partitions or not.
          let numbers = 0;
          let sum = 0;
          let min = Infinity;
          let max = -Infinity;
          values.forEach((v, i) => {
            if (Number.isNaN(v) || readable?.[i] === 0) return;
            numbers++;
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
          });
          expect(tally.counted).toEqual({ numbers, sum, min, max });
        },
      ),
      { numRuns: 12 },
    );
  });

  it('counts a column whose numbers are a view into a larger buffer', () => {
    const buffer = new Float64Array(200_010);
    for (let i = 0; i < buffer.length; i++) buffer[i] = i % 100_000;
    const values = buffer.subarray(10);
    const tally = new NumberTally().countColumn(values, null);
    expect(tally.distinct).toBe(100_000);
    expect(tally.top(1)).toEqual([{ value: '0', count: 2 }]);
  });
});
