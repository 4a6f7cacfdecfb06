import { describe, expect, it } from 'vitest';
import { compareLabellings, type Labelling } from '../../../src/core/cluster/compareAlgorithms';
import {
  adjustedRandIndex,
  calinskiHarabasz,
  daviesBouldin,
} from '../../../src/core/cluster/quality/clusterMetrics';
import { SilhouetteSample, silhouetteScore } from '../../../src/core/cluster/quality/silhouette';
import { message } from '../../../src/core/common/message';
import { englishText } from '../../../src/i18n/formatMessage';

// One feature: three rows near 1, three near 11, one far away at 50.
const matrix = Float64Array.from([0, 1, 2, 10, 11, 12, 50]);
const n = 7;
const labelling = (
  algorithm: Labelling['algorithm'],
  labels: number[],
  clusters: number,
): Labelling => ({
  algorithm,
  // Settings as made by hand: the comparison passes on whatever message it is given.
  settings: message('featureUnusedNote', { column: algorithm, note: 'made by hand' }),
  labels: Int32Array.from(labels),
  clusters,
});

const twoGroups = labelling('kmeans', [0, 0, 0, 1, 1, 1, 1], 2);
const threeGroups = labelling('hierarchical', [0, 0, 0, 1, 1, 1, 2], 3);
const withNoise = labelling('dbscan', [0, 0, 0, 1, 1, 1, -1], 2);

describe('compareLabellings', () => {
  const sample = new SilhouetteSample(matrix, n, 1);
  const comparison = compareLabellings(
    matrix,
    n,
    1,
    [twoGroups, threeGroups, withNoise],
    sample,
    'euclidean',
  );

  it('lists each labelling with its settings, sizes largest first and share of noise', () => {
    expect(comparison.rows.map((row) => [row.algorithm, row.settings, row.clusters])).toEqual([
      ['kmeans', twoGroups.settings, 2],
      ['hierarchical', threeGroups.settings, 3],
      ['dbscan', withNoise.settings, 2],
    ]);
    expect(comparison.rows[2].settings).toBe(withNoise.settings);
    expect(englishText(comparison.rows[1].settings)).toBe('hierarchical: made by hand');
    expect(comparison.rows.map((row) => row.sizes)).toEqual([
      [4, 3],
      [3, 3, 1],
      [3, 3],
    ]);
    expect(comparison.rows.map((row) => row.noiseShare)).toEqual([0, 0, 1 / 7]);
    expect(comparison.analysedRows).toBe(7);
    expect(comparison.silhouetteSampleSize).toBe(7);
    expect(comparison.metric).toBe('euclidean');
  });

  it('scores every labelling with the same silhouette sample and the indices, noise left out', () => {
    const [kmeansRow, treeRow, dbscanRow] = comparison.rows;
    expect(kmeansRow.silhouette).toBe(sample.score(twoGroups.labels, 2));
    expect(treeRow.silhouette).toBe(sample.score(threeGroups.labels, 3));
    // Without the noise row, DBSCAN's labelling is the two groups of three on their own.
    const clustered = matrix.subarray(0, 6);
    const groups = Int32Array.from([0, 0, 0, 1, 1, 1]);
    expect(dbscanRow.silhouette).toBeCloseTo(silhouetteScore(clustered, 6, 1, groups, 2), 14);
    expect(dbscanRow.daviesBouldin).toBeCloseTo(daviesBouldin(clustered, 6, 1, groups), 14);
    expect(dbscanRow.calinskiHarabasz).toBeCloseTo(calinskiHarabasz(clustered, 6, 1, groups), 9);
    expect(kmeansRow.daviesBouldin).toBe(daviesBouldin(matrix, n, 1, twoGroups.labels, true));
    expect(treeRow.calinskiHarabasz).toBe(calinskiHarabasz(matrix, n, 1, threeGroups.labels, true));
  });

  it('says how far every pair agrees, by the adjusted Rand index (noise a group of its own)', () => {
    const { agreement } = comparison;
    expect(agreement.map((row, i) => row[i])).toEqual([1, 1, 1]);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) expect(agreement[i][j]).toBe(agreement[j][i]);
    expect(agreement[0][1]).toBe(adjustedRandIndex(twoGroups.labels, threeGroups.labels));
    // Noise as its own group makes DBSCAN's labelling the hierarchical one under other names.
    expect(agreement[1][2]).toBe(1);
    expect(agreement[0][2]).toBeLessThan(1);
  });

  it('leaves the scores out where they are undefined: one cluster, or a row per cluster', () => {
    const lonely = labelling('dbscan', [0, 0, 0, -1, -1, -1, -1], 1);
    const scattered = labelling('dbscan', [0, 1, -1, -1, -1, -1, -1], 2);
    const everyRow = labelling('hierarchical', [0, 1, 2, 3, 4, 5, 6], 7);
    const { rows } = compareLabellings(
      matrix,
      n,
      1,
      [lonely, scattered, everyRow],
      sample,
      'euclidean',
    );
    for (const row of rows) {
      expect(row.silhouette).toBeNull();
      expect(row.daviesBouldin).toBeNull();
      expect(row.calinskiHarabasz).toBeNull();
    }
    expect(rows[0].noiseShare).toBe(4 / 7);
    expect(rows[0].sizes).toEqual([3]);
    expect(rows[1].sizes).toEqual([1, 1]);
  });

  it('reports the sample’s size and the metric it was given', () => {
    const small = new SilhouetteSample(matrix, n, 1, 5, 3, undefined, 'manhattan');
    const result = compareLabellings(matrix, n, 1, [twoGroups], small, 'manhattan');
    expect(result.silhouetteSampleSize).toBe(5);
    expect(result.metric).toBe('manhattan');
    expect(result.rows[0].silhouette).toBe(small.score(twoGroups.labels, 2));
    expect(result.agreement).toEqual([[1]]);
  });

  it('compares nothing when given no labelling', () => {
    const empty = compareLabellings(matrix, n, 1, [], sample, 'euclidean');
    expect(empty.rows).toEqual([]);
    expect(empty.agreement).toEqual([]);
  });
});
