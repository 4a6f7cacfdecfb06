import { describe, expect, it } from 'vitest';
import { outcomeFromLabels } from '../../../src/core/cluster/clusterJob';
import { elbowPointOf, resultOf, silhouetteOf } from '../../../src/core/cluster/clustering';
import { SilhouetteSample, silhouetteScore } from '../../../src/core/cluster/quality/silhouette';
import { clusterDataOf } from '../../support/clusterData';

// Two pairs of rows far apart on one feature.
const matrix = Float64Array.from([0, 1, 10, 11]);
const pairs = Int32Array.from([0, 0, 1, 1]);
const sample = new SilhouetteSample(matrix, 4, 1);

describe('silhouetteOf', () => {
  it('is the sample’s silhouette where it is defined', () => {
    expect(silhouetteOf(sample, pairs, 2, 4)).toBe(sample.score(pairs, 2));
    expect(silhouetteOf(sample, pairs, 2, 4)).toBeCloseTo(
      silhouetteScore(matrix, 4, 1, pairs, 2),
      15,
    );
  });

  it('is null for one segment, for a segment per row, and without a sample', () => {
    expect(silhouetteOf(sample, new Int32Array(4), 1, 4)).toBeNull();
    expect(silhouetteOf(sample, Int32Array.from([0, 1, 2, 3]), 4, 4)).toBeNull();
    expect(silhouetteOf(sample, Int32Array.from([0, 1, 2, 3]), 5, 4)).toBeNull();
    expect(silhouetteOf(null, pairs, 2, 4)).toBeNull();
  });

  it('is null, not NaN, when the sample holds fewer than two segments', () => {
    // A sample of 4 of 6 rows, and a labelling that puts every sampled row in one segment.
    const six = Float64Array.from([0, 1, 2, 3, 50, 51]);
    const partial = new SilhouetteSample(six, 6, 1, 4);
    const together = Int32Array.from({ length: 6 }, (_, i) =>
      partial.indices.includes(i) ? 0 : 1,
    );
    expect(partial.score(together, 2)).toBeNaN();
    expect(silhouetteOf(partial, together, 2, 6)).toBeNull();
  });
});

describe('resultOf and elbowPointOf', () => {
  const outcome = outcomeFromLabels(clusterDataOf(matrix, 4, 1), Int32Array.from(pairs), 2);

  it('keep the result of an outcome without its quality indices', () => {
    const result = resultOf(outcome);
    expect(Object.keys(result).sort()).toEqual(
      [
        'centroids',
        'centroidsOriginal',
        'inertia',
        'iterations',
        'k',
        'labels',
        'profiles',
        'sizes',
      ].sort(),
    );
    // The arrays are the outcome's own, not copies.
    expect(result.labels).toBe(outcome.labels);
    expect(result.centroids).toBe(outcome.centroids);
    expect(result.inertia).toBe(1);
    expect(outcome.daviesBouldin).not.toBeNull();
  });

  it('make an elbow point of the outcome’s k, inertia and indices', () => {
    expect(elbowPointOf(outcome, 0.75)).toEqual({
      k: 2,
      inertia: 1,
      silhouette: 0.75,
      daviesBouldin: outcome.daviesBouldin,
      calinskiHarabasz: outcome.calinskiHarabasz,
    });
    expect(elbowPointOf(outcome, null).silhouette).toBeNull();
  });
});
