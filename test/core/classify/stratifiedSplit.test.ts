import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PART_NONE,
  PART_TEST,
  PART_TRAIN,
  stratifiedSplit,
} from '../../../src/core/classify/stratifiedSplit';
import { isUserError } from '../../../src/core/common/userError';

describe('stratifiedSplit', () => {
  it('keeps round(share x rows) of each class for testing', () => {
    // 8 rows of class 0, 4 of class 1: 2 and 1 test rows.
    const classes = Int32Array.from([0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1]);
    const split = stratifiedSplit(classes, 2, 0.25, 0);
    expect(split.test.length).toBe(3);
    expect(split.train.length).toBe(9);
    const testClasses = Array.from(split.test, (i) => classes[i]).sort();
    expect(testClasses).toEqual([0, 0, 1]);
    expect(Array.from(split.part).filter((p) => p === PART_TEST).length).toBe(3);
  });

  it('puts a class of two rows in both parts, and a class of one row in training', () => {
    const classes = Int32Array.from([0, 0, 0, 0, 1, 1, 2]);
    const split = stratifiedSplit(classes, 3, 0.1, 3);
    expect(split.part[6]).toBe(PART_TRAIN);
    expect(split.part[4] + split.part[5]).toBe(PART_TRAIN + PART_TEST);
    // round(0.1 x 4) = 0 is raised to 1.
    expect([0, 1, 2, 3].filter((i) => split.part[i] === PART_TEST)).toHaveLength(1);
  });

  it('leaves rows of an unknown class out of both parts', () => {
    const split = stratifiedSplit(Int32Array.from([0, -1, 1, 0, 1, -1]), 2, 0.5, 0);
    expect(split.part[1]).toBe(PART_NONE);
    expect(split.part[5]).toBe(PART_NONE);
    expect(split.train.length + split.test.length).toBe(4);
  });

  it('is the same for the same seed and differs for another', () => {
    const classes = Int32Array.from({ length: 200 }, (_, i) => i % 3);
    const a = stratifiedSplit(classes, 3, 0.25, 7);
    const b = stratifiedSplit(classes, 3, 0.25, 7);
    const c = stratifiedSplit(classes, 3, 0.25, 8);
    expect(Array.from(a.test)).toEqual(Array.from(b.test));
    expect(Array.from(a.test)).not.toEqual(Array.from(c.test));
  });

  it('refuses a share outside (0, 1) with a sentence', () => {
    for (const share of [0, 1, -0.5, NaN]) {
      try {
        stratifiedSplit(Int32Array.from([0, 1]), 2, share, 0);
        expect.unreachable();
      } catch (error) {
        expect(isUserError(error)).toBe(true);
        expect((error as Error).message).toMatch(/test share must be between 0 and 1/);
      }
    }
  });

  it('partitions the known rows, ascending, with every class of two or more rows on both sides', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1, max: 4 }), { maxLength: 300 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (labels, share, seed) => {
          const classes = Int32Array.from(labels);
          const split = stratifiedSplit(classes, 5, share, seed);
          const known = labels.filter((c) => c >= 0).length;
          expect(split.train.length + split.test.length).toBe(known);
          for (const part of [split.train, split.test])
            for (let i = 1; i < part.length; i++) expect(part[i]).toBeGreaterThan(part[i - 1]);
          for (let c = 0; c < 5; c++) {
            const m = labels.filter((x) => x === c).length;
            const t = Array.from(split.test).filter((i) => classes[i] === c).length;
            if (m >= 2) {
              expect(t).toBeGreaterThanOrEqual(1);
              expect(t).toBeLessThanOrEqual(m - 1);
              expect(t).toBe(Math.min(m - 1, Math.max(1, Math.round(share * m))));
            } else expect(t).toBe(0);
          }
        },
      ),
    );
  });
});
