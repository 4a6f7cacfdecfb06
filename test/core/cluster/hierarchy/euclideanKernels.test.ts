import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  euclideanRow,
  euclideanToRows,
} from '../../../../src/core/cluster/hierarchy/euclideanKernels';

/** One term at a time, in column order: scipy's pdist. */
function inOrder(matrix: Float64Array, d: number, i: number, j: number): number {
  let sum = 0;
  for (let c = 0; c < d; c++) sum += (matrix[i * d + c] - matrix[j * d + c]) ** 2;
  return Math.sqrt(sum);
}

/** Rows of decimals with every bit in use, where the order of the additions shows. */
const rowsOf = (n: number) =>
  fc
    .tuple(
      fc.integer({ min: 1, max: 21 }),
      fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: n * 21, maxLength: n * 21 }),
    )
    .map(([d, values]) => ({
      d,
      matrix: Float64Array.from(values.slice(0, n * d), (v) => v / 997),
    }));

describe('the Euclidean kernels', () => {
  it('euclideanRow gives every later row the in-order distance, in its row of the matrix', () => {
    const n = 12;
    fc.assert(
      fc.property(rowsOf(n), fc.integer({ min: 0, max: n - 1 }), ({ d, matrix }, i) => {
        const D = new Float64Array(n * n);
        euclideanRow(matrix, n, d, i, D);
        for (let j = 0; j < n; j++) expect(D[i * n + j]).toBe(j > i ? inOrder(matrix, d, i, j) : 0);
      }),
      { numRuns: 100 },
    );
  });

  it('euclideanToRows gives each listed row the in-order distance, in list order', () => {
    const n = 12;
    fc.assert(
      fc.property(
        rowsOf(n),
        fc.integer({ min: 0, max: n - 1 }),
        fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: n }),
        ({ d, matrix }, from, listed) => {
          const rows = Int32Array.from(listed);
          const out = new Float64Array(n).fill(-1);
          euclideanToRows(matrix, d, from * d, rows, rows.length, out);
          listed.forEach((j, p) => expect(out[p]).toBe(inOrder(matrix, d, from, j)));
          for (let p = listed.length; p < n; p++) expect(out[p]).toBe(-1);
        },
      ),
      { numRuns: 100 },
    );
  });
});
