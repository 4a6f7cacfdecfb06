import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyRow, takeRows } from '../../../src/core/common/matrixRows';

/** A 4 x 3 matrix whose cell (i, j) is 10 i + j, so every value says where it came from. */
const MATRIX = Float64Array.from({ length: 12 }, (_, c) => 10 * Math.floor(c / 3) + (c % 3));

describe('takeRows', () => {
  it('takes the given rows side by side, in the order given, repeats included', () => {
    expect(Array.from(takeRows(MATRIX, 3, Int32Array.from([2, 0, 2])))).toEqual([
      20, 21, 22, 0, 1, 2, 20, 21, 22,
    ]);
    expect(Array.from(takeRows(MATRIX, 3, Int32Array.from([3])))).toEqual([30, 31, 32]);
  });

  it('returns an empty matrix for no rows, and a copy that does not share the input', () => {
    expect(takeRows(MATRIX, 3, new Int32Array(0))).toHaveLength(0);
    const taken = takeRows(MATRIX, 3, Int32Array.from([1]));
    taken[0] = -1;
    expect(MATRIX[3]).toBe(10);
  });

  it('treats a one-column matrix as a vector', () => {
    const vector = Float64Array.from([5, 6, 7]);
    expect(Array.from(takeRows(vector, 1, Int32Array.from([2, 1])))).toEqual([7, 6]);
  });

  it('equals a cell-by-cell copy for any matrix and rows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (d, n, picks) => {
          const matrix = Float64Array.from({ length: n * d }, (_, c) => c * 1.5 - 7);
          const rows = Int32Array.from(picks, (p) => p % n);
          const expected = Array.from(rows).flatMap((row) =>
            Array.from({ length: d }, (_, j) => matrix[row * d + j]),
          );
          expect(Array.from(takeRows(matrix, d, rows))).toEqual(expected);
        },
      ),
    );
  });
});

describe('copyRow', () => {
  it('copies one row into another array at an offset, touching nothing else', () => {
    const to = new Float64Array(8).fill(-1);
    copyRow(MATRIX, 2, to, 4, 3);
    expect(Array.from(to)).toEqual([-1, -1, -1, -1, 20, 21, 22, -1]);
    copyRow(MATRIX, 0, to, 0, 3);
    expect(Array.from(to)).toEqual([0, 1, 2, -1, 20, 21, 22, -1]);
  });

  it('copies nothing when the row is empty (d = 0)', () => {
    const to = new Float64Array(2).fill(9);
    copyRow(MATRIX, 1, to, 0, 0);
    expect(Array.from(to)).toEqual([9, 9]);
  });
});
