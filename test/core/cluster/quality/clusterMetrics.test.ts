import { describe, expect, it } from 'vitest';
import {
  adjustedRandIndex,
  calinskiHarabasz,
  daviesBouldin,
  separationIndices,
} from '../../../../src/core/cluster/quality/clusterMetrics';
import { createRandom } from '../../../../src/core/common/random';

// Values from scikit-learn 1.2 on the same points and labels.
const points = Float64Array.from([0, 0, 0, 1, 1, 0, 5, 5, 5, 6, 6, 5, 10, 0, 10, 1]);
const good = Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2]);
const poor = Int32Array.from([0, 0, 1, 1, 1, 1, 2, 2]);

describe('cluster metrics', () => {
  it('Davies-Bouldin matches scikit-learn', () => {
    expect(daviesBouldin(points, 8, 2, good)).toBeCloseTo(0.18058310574149639, 12);
    expect(daviesBouldin(points, 8, 2, poor)).toBeCloseTo(0.5355082024393404, 12);
  });

  it('Calinski-Harabasz matches scikit-learn', () => {
    expect(calinskiHarabasz(points, 8, 2, good)).toBeCloseTo(126.4802631578947, 9);
    expect(calinskiHarabasz(points, 8, 2, poor)).toBeCloseTo(8.31953642384106, 9);
  });

  it('are undefined for a single cluster', () => {
    const one = new Int32Array(8);
    expect(daviesBouldin(points, 8, 2, one)).toBeNaN();
    expect(calinskiHarabasz(points, 8, 2, one)).toBeNaN();
  });

  it('adjusted Rand index ignores label names and corrects for chance', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2, 2], [1, 1, 0, 0, 2, 2])).toBe(1);
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(
      0.24242424242424243,
      14,
    );
    expect(adjustedRandIndex(['a', 'a', 'b'], [5, 5, 7])).toBe(1);
  });

  it('reads typed labels (noise -1 a label like any other) as it reads any labels', () => {
    const random = createRandom(4);
    const a = Int32Array.from({ length: 500 }, () => Math.floor(random.next() * 4) - 1);
    const b = Int32Array.from(a, (label, i) =>
      i % 7 === 0 ? Math.floor(random.next() * 3) : label,
    );
    const asText = (labels: Int32Array) => Array.from(labels, (x) => `label ${x}`);
    expect(adjustedRandIndex(a, b)).toBeCloseTo(adjustedRandIndex(asText(a), asText(b)), 14);
    expect(adjustedRandIndex(a, b)).toBeLessThan(1);
    expect(
      adjustedRandIndex(
        a,
        Int32Array.from(a, (x) => 10 - x),
      ),
    ).toBe(1);
  });

  it('gives both indices in one pass as the textbook formulas give them, noise left out or not', () => {
    const random = createRandom(7);
    for (let trial = 0; trial < 20; trial++) {
      const n = 50 + trial * 7;
      const d = 1 + (trial % 4);
      const k = 2 + (trial % 5);
      const matrix = Float64Array.from({ length: n * d }, () => random.next() * 10 - 5);
      const labels = Int32Array.from({ length: n }, (_, i) => (i < k ? i : random.int(k + 1) - 1));
      for (const leaveOutNoise of [false, true]) {
        const both = separationIndices(matrix, n, d, labels, leaveOutNoise);
        const naive = textbookIndices(matrix, n, d, labels, leaveOutNoise);
        expect(both.daviesBouldin).toBeCloseTo(naive.daviesBouldin, 10);
        expect(both.calinskiHarabasz).toBeCloseTo(naive.calinskiHarabasz, 8);
      }
    }
  });
});

/** Davies-Bouldin and Calinski-Harabasz written plainly from their definitions. */
function textbookIndices(
  matrix: Float64Array,
  n: number,
  d: number,
  labels: Int32Array,
  leaveOutNoise: boolean,
) {
  const rows = [...Array(n).keys()].filter((i) => !leaveOutNoise || labels[i] >= 0);
  const groups = [...new Set(rows.map((i) => labels[i]))];
  const row = (i: number) => Array.from(matrix.subarray(i * d, i * d + d));
  const mean = (members: number[]) =>
    [...Array(d).keys()].map((j) => members.reduce((s, i) => s + row(i)[j], 0) / members.length);
  const distance = (a: number[], b: number[]) => Math.hypot(...a.map((x, j) => x - b[j]));
  const members = groups.map((g) => rows.filter((i) => labels[i] === g));
  const centres = members.map(mean);
  const overall = mean(rows);
  const spreads = members.map(
    (m, c) => m.reduce((s, i) => s + distance(row(i), centres[c]), 0) / m.length,
  );
  const daviesBouldin =
    groups
      .map((_, a) =>
        Math.max(
          ...groups.map((__, b) =>
            a === b ? 0 : (spreads[a] + spreads[b]) / distance(centres[a], centres[b]),
          ),
        ),
      )
      .reduce((s, x) => s + x, 0) / groups.length;
  const between = members.reduce((s, m, c) => s + m.length * distance(centres[c], overall) ** 2, 0);
  const within = members.reduce(
    (s, m, c) => s + m.reduce((t, i) => t + distance(row(i), centres[c]) ** 2, 0),
    0,
  );
  const calinskiHarabasz =
    (between * (rows.length - groups.length)) / (within * (groups.length - 1));
  return { daviesBouldin, calinskiHarabasz };
}
