import { kmeans as mlKmeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';
import { absoluteTolerance } from '../../../../src/core/cluster/kmeans/tolerance';
import { kmeans } from '../../../../src/core/cluster/kmeans/kmeans';
import { lloyd } from '../../../../src/core/cluster/kmeans/lloyd';
import { createRandom } from '../../../../src/core/common/random';
import { gaussian } from '../../../../scripts/generators/customers';

function blobs(n: number, centres: number[][], spread: number, seed: number): Float64Array {
  const random = createRandom(seed);
  const d = centres[0].length;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const centre = centres[i % centres.length];
    for (let j = 0; j < d; j++) data[i * d + j] = gaussian(random, centre[j], spread);
  }
  return data;
}

const inertiaOf = (
  data: Float64Array,
  d: number,
  labels: ArrayLike<number>,
  centroids: ArrayLike<number>,
) => {
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    for (let j = 0; j < d; j++) total += (data[i * d + j] - centroids[labels[i] * d + j]) ** 2;
  }
  return total;
};

describe('kmeans', () => {
  const centres = [
    [0, 0],
    [10, 10],
    [0, 10],
  ];
  const data = blobs(300, centres, 1, 1);

  it('finds well-separated clusters', () => {
    const result = kmeans(data, 300, 2, { k: 3, seed: 0 });
    expect(Array.from(result.sizes).sort()).toEqual([100, 100, 100]);
    // Rows i, i+3, i+6 ... come from the same centre: they must share a label.
    for (let i = 3; i < 300; i++) expect(result.labels[i]).toBe(result.labels[i % 3]);
    expect(result.inertia).toBeCloseTo(inertiaOf(data, 2, result.labels, result.centroids), 8);
  });

  it('gives the same output for the same seed and input', () => {
    const messy = blobs(
      500,
      [
        [0, 0],
        [3, 1],
        [1, 4],
        [5, 5],
      ],
      2,
      9,
    );
    const a = kmeans(messy, 500, 2, { k: 4, seed: 42 });
    const b = kmeans(messy, 500, 2, { k: 4, seed: 42 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(Array.from(a.centroids)).toEqual(Array.from(b.centroids));
    expect(a.inertia).toBe(b.inertia);
  });

  it('is at least as good as ml-kmeans (the library baseline) on the same data', () => {
    const messy = blobs(
      400,
      [
        [0, 0],
        [2, 1],
        [1, 3],
        [4, 4],
        [6, 1],
      ],
      1.5,
      5,
    );
    const rows = Array.from({ length: 400 }, (_, i) => [messy[i * 2], messy[i * 2 + 1]]);
    const ours = kmeans(messy, 400, 2, { k: 5, nInit: 10, seed: 1 });
    let baseline = Infinity;
    for (let seed = 0; seed < 10; seed++) {
      const theirs = mlKmeans(rows, 5, { seed, initialization: 'kmeans++' });
      baseline = Math.min(baseline, inertiaOf(messy, 2, theirs.clusters, theirs.centroids.flat()));
    }
    expect(ours.inertia).toBeLessThanOrEqual(baseline * 1.000001);
  });

  it('local search never does worse than plain Lloyd from the same seeds', () => {
    const messy = blobs(
      600,
      [
        [0, 0],
        [2, 1],
        [1, 3],
        [4, 4],
        [6, 1],
        [3, 6],
      ],
      1.4,
      8,
    );
    for (const k of [3, 6, 9]) {
      const plain = kmeans(messy, 600, 2, { k, seed: 3, localSearch: false });
      const refined = kmeans(messy, 600, 2, { k, seed: 3 });
      expect(refined.inertia).toBeLessThanOrEqual(plain.inertia * (1 + 1e-12));
    }
  });

  it("Hamerly's bounds change nothing: same labels, centres and inertia as plain Lloyd", () => {
    const messy = blobs(
      3000,
      [
        [0, 0, 0],
        [2, 1, 3],
        [1, 3, 1],
        [4, 4, 0],
        [6, 1, 2],
      ],
      1.3,
      12,
    );
    const n = 3000;
    const d = 3;
    for (const k of [2, 5, 8]) {
      const start = messy.slice(0, k * d);
      const fast = lloyd(messy, n, d, k, start, 300, 1e-6);
      const slow = plainLloyd(messy, n, d, k, start, 300, 1e-6);
      expect(Array.from(fast.labels)).toEqual(Array.from(slow.labels));
      expect(fast.iterations).toBe(slow.iterations);
      for (let i = 0; i < k * d; i++) expect(fast.centroids[i]).toBeCloseTo(slow.centroids[i], 12);
      expect(fast.inertia).toBeCloseTo(slow.inertia, 8);
    }
  });

  it('uses scikit-learn tolerance: 1e-4 times the mean feature variance', () => {
    const wide = Float64Array.from([0, 0, 2, 20, 4, 40]);
    // variances 8/3 and 800/3, mean 404/3
    expect(absoluteTolerance(wide, 3, 2, 1e-4)).toBeCloseTo((404 / 3) * 1e-4, 15);
  });

  it('re-seeds empty clusters with the rows farthest from their centre', () => {
    const points = Float64Array.from([0, 0, 0, 1, 10, 10, 10, 11]);
    // Three starting centres of which one attracts nobody.
    const result = lloyd(points, 4, 2, 3, Float64Array.from([0, 0.5, 10, 10.5, 100, 100]), 300, 0);
    expect(Array.from(result.sizes).every((size) => size > 0)).toBe(true);
    expect(result.inertia).toBeCloseTo(0.5, 12);
  });

  it('handles k = 1, k = n, one row and duplicate points', () => {
    const one = kmeans(data, 300, 2, { k: 1 });
    expect(one.sizes[0]).toBe(300);
    const pts = Float64Array.from([0, 0, 1, 1, 2, 2]);
    const all = kmeans(pts, 3, 2, { k: 3 });
    expect(all.inertia).toBe(0);
    expect(Array.from(kmeans(Float64Array.from([5, 7]), 1, 2, { k: 1 }).centroids)).toEqual([5, 7]);
    const same = kmeans(Float64Array.from([1, 1, 1, 1, 1, 1]), 3, 2, { k: 2 });
    expect(same.inertia).toBe(0);
    expect(Array.from(same.sizes).reduce((a, b) => a + b)).toBe(3);
  });

  it('refuses more segments than rows with a sentence that says what to do', () => {
    expect(() => kmeans(Float64Array.from([1, 2]), 2, 1, { k: 3 })).toThrow(
      'There are 2 usable rows, fewer than the 3 segments asked for: choose at most 2 segments.',
    );
  });

  it('reports progress from 0 to 1', () => {
    const fractions: number[] = [];
    kmeans(data, 300, 2, { k: 3, nInit: 4, onProgress: (f) => fractions.push(f) });
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });
});

/** Lloyd as scikit-learn writes it, without bounds: the yardstick for the fast one. */
function plainLloyd(
  x: Float64Array,
  n: number,
  d: number,
  k: number,
  init: Float64Array,
  maxIter: number,
  tol: number,
) {
  let centres = init.slice();
  const labels = new Int32Array(n);
  const previous = new Int32Array(n).fill(-1);
  const nearest = (i: number) => {
    let best = 0;
    let bestDistance = Infinity;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (x[i * d + j] - centres[c * d + j]) ** 2;
      if (s < bestDistance) {
        bestDistance = s;
        best = c;
      }
    }
    return best;
  };
  let iterations = 0;
  let strict = false;
  for (let it = 0; it < maxIter; it++) {
    iterations = it + 1;
    for (let i = 0; i < n; i++) labels[i] = nearest(i);
    const next = new Float64Array(k * d);
    const counts = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      counts[labels[i]]++;
      for (let j = 0; j < d; j++) next[labels[i] * d + j] += x[i * d + j];
    }
    let shift = 0;
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < d; j++) {
        next[c * d + j] /= counts[c];
        shift += (next[c * d + j] - centres[c * d + j]) ** 2;
      }
    }
    centres = next;
    if (labels.every((label, i) => label === previous[i])) {
      strict = true;
      break;
    }
    if (shift <= tol) break;
    previous.set(labels);
  }
  if (!strict) for (let i = 0; i < n; i++) labels[i] = nearest(i);
  let inertia = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) inertia += (x[i * d + j] - centres[labels[i] * d + j]) ** 2;
  return { labels, centroids: centres, inertia, iterations };
}
