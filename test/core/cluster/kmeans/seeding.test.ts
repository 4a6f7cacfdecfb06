import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useKMeansKernel } from '../../../../src/core/cluster/kmeans/kernel/kmeansKernel';
import { kmeansPlusPlus } from '../../../../src/core/cluster/kmeans/seeding';
import { createRandom } from '../../../../src/core/common/random';
import { gaussianBlobs, randomMatrix } from '../../../support/clusterData';

/** The rows of a k x d centre matrix, as strings to compare as sets. */
const rowsOf = (values: Float64Array, count: number, d: number) =>
  Array.from({ length: count }, (_, c) => Array.from(values.subarray(c * d, c * d + d)).join(','));

// Every test, with the loops over the rows in WebAssembly (the default) and in JavaScript.
describe.each([
  ['in WebAssembly', true],
  ['in JavaScript', false],
])('kmeansPlusPlus %s', (_name, kernel) => {
  beforeAll(() => useKMeansKernel(kernel));
  afterAll(() => useKMeansKernel(true));

  it('takes every centre from the rows, the first one drawn uniformly with the generator', () => {
    const n = 200;
    const matrix = randomMatrix(n, 3, 6);
    const centres = kmeansPlusPlus(matrix, n, 3, 5, createRandom(11));
    const rows = new Set(rowsOf(matrix, n, 3));
    for (const centre of rowsOf(centres, 5, 3)) expect(rows.has(centre)).toBe(true);
    const first = createRandom(11).int(n);
    expect(rowsOf(centres, 1, 3)[0]).toBe(rowsOf(matrix, n, 3)[first]);
  });

  it('gives the same centres for the same seed, and other centres for another', () => {
    const matrix = randomMatrix(300, 2, 1);
    const a = kmeansPlusPlus(matrix, 300, 2, 6, createRandom(4));
    const b = kmeansPlusPlus(matrix, 300, 2, 6, createRandom(4));
    const c = kmeansPlusPlus(matrix, 300, 2, 6, createRandom(5));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('never picks a row that is already a centre while another row is farther', () => {
    // Four distinct rows, each repeated 25 times: k = 4 must find all four.
    const distinct = [
      [0, 0],
      [1, 0],
      [0, 5],
      [9, 9],
    ];
    const matrix = Float64Array.from({ length: 200 }, (_, i) => distinct[(i >> 1) % 4][i & 1]);
    for (let seed = 0; seed < 30; seed++) {
      const centres = kmeansPlusPlus(matrix, 100, 2, 4, createRandom(seed));
      expect(new Set(rowsOf(centres, 4, 2))).toEqual(new Set(distinct.map((row) => row.join(','))));
    }
  });

  it('spreads centres over far-apart blobs (draws weigh the squared distance)', () => {
    const centresOfBlobs = [
      [0, 0],
      [100, 0],
      [0, 100],
    ];
    const n = 300;
    const matrix = gaussianBlobs(n, centresOfBlobs, 1, 8);
    const blobOf = (x: number, y: number) => (x > 50 ? 1 : y > 50 ? 2 : 0);
    for (let seed = 0; seed < 50; seed++) {
      const centres = kmeansPlusPlus(matrix, n, 2, 3, createRandom(seed));
      const blobs = new Set([0, 1, 2].map((c) => blobOf(centres[2 * c], centres[2 * c + 1])));
      expect(blobs.size).toBe(3);
    }
  });

  it('copes with k = 1, with one row and with identical rows', () => {
    const one = kmeansPlusPlus(Float64Array.from([3, 4]), 1, 2, 1, createRandom(0));
    expect(Array.from(one)).toEqual([3, 4]);
    const same = kmeansPlusPlus(new Float64Array(40).fill(7), 20, 2, 3, createRandom(0));
    expect(Array.from(same)).toEqual([7, 7, 7, 7, 7, 7]);
  });

  it('finds distinct centres whenever there are at least k distinct rows', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 1000 }),
        (values, copies, wanted, seed) => {
          // Distinct one-feature rows, each repeated a few times.
          const matrix = Float64Array.from(values.flatMap((v) => Array<number>(copies).fill(v)));
          const k = Math.min(wanted, values.length);
          const centres = kmeansPlusPlus(matrix, matrix.length, 1, k, createRandom(seed));
          expect(new Set(centres).size).toBe(k);
          for (const centre of centres) expect(values).toContain(centre);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('kmeansPlusPlus in WebAssembly and in JavaScript', () => {
  afterAll(() => useKMeansKernel(true));

  it('picks the very same centres from the same seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 10_000 }),
        (n, d, wanted, seed) => {
          const k = Math.min(wanted, n);
          const matrix = randomMatrix(n, d, seed);
          useKMeansKernel(true);
          const inKernel = kmeansPlusPlus(matrix, n, d, k, createRandom(seed));
          useKMeansKernel(false);
          const inJs = kmeansPlusPlus(matrix, n, d, k, createRandom(seed));
          expect(Array.from(inKernel)).toEqual(Array.from(inJs));
        },
      ),
      { numRuns: 200 },
    );
  });
});
