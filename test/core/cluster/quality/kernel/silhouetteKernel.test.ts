import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  SilhouetteKernel,
  useSilhouetteKernel,
} from '../../../../../src/core/cluster/quality/kernel/silhouetteKernel';
import { SilhouetteSample } from '../../../../../src/core/cluster/quality/silhouette';
import type { DistanceMetric } from '../../../../../src/core/cluster/distance';
import { createRandom } from '../../../../../src/core/common/random';

afterEach(() => {
  useSilhouetteKernel(true);
  vi.restoreAllMocks();
});

/** The sample's scores at every k, with the kernel or in JavaScript. */
function scores(
  matrix: Float64Array,
  n: number,
  d: number,
  labelings: Int32Array[],
  {
    kernel,
    maxSize = n,
    metric = 'euclidean',
  }: { kernel: boolean; maxSize?: number; metric?: DistanceMetric },
): number[] {
  useSilhouetteKernel(kernel);
  const sample = new SilhouetteSample(matrix, n, d, maxSize, 3, undefined, metric);
  useSilhouetteKernel(true);
  return labelings.map((labels, i) => sample.score(labels, i + 2));
}

/** Rows in a few clumps, from a seed; labels for k = 2..kMax, some rows noise (-1) if asked. */
function clumps(n: number, d: number, seed: number, kMax: number, noise: boolean) {
  const random = createRandom(seed);
  const matrix = Float64Array.from({ length: n * d }, (_, i) =>
    random.next() < 0.1 ? Math.floor(random.next() * 3) : (i % 3) * 4 + random.next() * 2 - 1,
  );
  const labelings = Array.from({ length: kMax - 1 }, (_, i) =>
    Int32Array.from({ length: n }, () =>
      noise && random.next() < 0.15 ? -1 : Math.floor(random.next() * (i + 2)),
    ),
  );
  return { matrix, labelings };
}

describe('SilhouetteKernel', () => {
  it('loads here', () => {
    expect(SilhouetteKernel.forSample(new Float64Array(4), 2, 2, false)).not.toBeNull();
  });

  it('scores exact distances to the very bit JavaScript gives, noise or not, any metric', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 120 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer(),
        fc.boolean(),
        fc.constantFrom<DistanceMetric>('euclidean', 'euclidean', 'manhattan', 'cosine'),
        fc.integer({ min: 2, max: 120 }),
        (n, d, seed, noise, metric, maxSize) => {
          const { matrix, labelings } = clumps(n, d, seed, 7, noise);
          const options = { maxSize, metric };
          const inKernel = scores(matrix, n, d, labelings, { ...options, kernel: true });
          const inJs = scores(matrix, n, d, labelings, { ...options, kernel: false });
          inKernel.forEach((score, i) => expect(Object.is(score, inJs[i])).toBe(true));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('scores 16-bit distances (samples past 2,500 rows) to the very bit JavaScript gives', () => {
    for (const [seed, noise, metric] of [
      [1, false, 'euclidean'],
      [2, true, 'euclidean'],
      [3, false, 'chebyshev'],
    ] as const) {
      const n = 2_600 + seed * 37;
      const { matrix, labelings } = clumps(n, 3, seed, 6, noise);
      const inKernel = scores(matrix, n, 3, labelings, { kernel: true, metric });
      const inJs = scores(matrix, n, 3, labelings, { kernel: false, metric });
      expect(inKernel.every((score) => Number.isFinite(score))).toBe(true);
      inKernel.forEach((score, i) => expect(Object.is(score, inJs[i])).toBe(true));
    }
  });

  it('stores 16-bit codes as Math.round does: halves up, capped at 65535', () => {
    // Two rows one apart: the distance is 1, so a code is round(sqrt(1) * scale) = round(scale).
    const rows = Float64Array.from([0, 1]);
    for (const scale of [0, 0.5, 2.5, 3.5, 0.49999999999999994, 65534.5, 65535, 1e9, 7.25]) {
      const kernel = SilhouetteKernel.forSample(rows, 2, 1, true) as SilhouetteKernel;
      kernel.euclidean(0, 2, 0, scale);
      expect(kernel.distances()[0], `scale ${scale}`).toBe(Math.min(65535, Math.round(scale)));
    }
  });

  it('adds the sums up in JavaScript when the kernel cannot (its memory full)', () => {
    // Sixty segments' sums (144 kB) need more memory than the sample's distances left over.
    const { matrix } = clumps(300, 4, 9, 2, false);
    const random = createRandom(5);
    const labels = Int32Array.from({ length: 300 }, () => Math.floor(random.next() * 60));
    useSilhouetteKernel(false);
    const expected = new SilhouetteSample(matrix, 300, 4, 300, 3).score(labels, 60);
    useSilhouetteKernel(true);
    // Growing for the sums, the kernel gives JavaScript's score; not growing, JavaScript does.
    expect(new SilhouetteSample(matrix, 300, 4, 300, 3).score(labels, 60)).toBe(expected);
    const sample = new SilhouetteSample(matrix, 300, 4, 300, 3);
    vi.spyOn(WebAssembly.Memory.prototype, 'grow').mockImplementation(() => {
      throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
    });
    const sums = vi.spyOn(SilhouetteKernel.prototype, 'sums');
    expect(sample.score(labels, 60)).toBe(expected);
    expect(sums).toHaveReturnedWith(null);
  });
});
