import { describe, expect, it } from 'vitest';
import {
  adjustedRandIndex,
  calinskiHarabasz,
  daviesBouldin,
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
});
