import { describe, expect, it } from 'vitest';
import {
  adjustedRandIndex,
  calinskiHarabasz,
  daviesBouldin,
} from '../../../../src/core/cluster/quality/clusterMetrics';
import { silhouetteScore, SilhouetteSample } from '../../../../src/core/cluster/quality/silhouette';
import { createRandom } from '../../../../src/core/common/random';

// Values from scikit-learn 1.2 on the same points and labels.
const points = Float64Array.from([0, 0, 0, 1, 1, 0, 5, 5, 5, 6, 6, 5, 10, 0, 10, 1]);
const good = Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2]);
const poor = Int32Array.from([0, 0, 1, 1, 1, 1, 2, 2]);

describe('cluster metrics', () => {
  it('silhouette matches scikit-learn', () => {
    expect(silhouetteScore(points, 8, 2, good, 3)).toBeCloseTo(0.8381087202020668, 12);
    expect(silhouetteScore(points, 8, 2, poor, 3)).toBeCloseTo(0.5224914175537322, 12);
  });

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
    expect(silhouetteScore(points, 8, 2, one, 1)).toBeNaN();
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
});

describe('SilhouetteSample', () => {
  it('uses every row when there are fewer than the sample size', () => {
    const sample = new SilhouetteSample(points, 8, 2, 5000);
    expect(sample.size).toBe(8);
    expect(sample.score(good, 3)).toBeCloseTo(0.8381087202020668, 12);
  });

  it('samples with a seed and reuses its distances for every labelling', () => {
    const random = createRandom(1);
    const n = 3000;
    const data = Float64Array.from(
      { length: n * 2 },
      (_, i) => (i % 2 === 0 ? (i % 6) * 3 : 0) + random.next(),
    );
    const a = new SilhouetteSample(data, n, 2, 500, 7);
    const b = new SilhouetteSample(data, n, 2, 500, 7);
    expect(a.size).toBe(500);
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    const labels = Int32Array.from({ length: n }, (_, i) => i % 3);
    const two = Int32Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : 1));
    expect(a.score(labels, 3)).toBe(b.score(labels, 3));
    expect(a.score(labels, 3)).toBeGreaterThan(a.score(two, 2));
  });
});
