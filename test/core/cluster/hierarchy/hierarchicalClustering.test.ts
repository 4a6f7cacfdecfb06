import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISTANCE_METRICS, rowDistance } from '../../../../src/core/cluster/distance';
import { cutTree, LINKAGES, mergeTree } from '../../../../src/core/cluster/hierarchy/agglomerative';
import {
  clustersAtHeight,
  cutHeightFor,
  DENDROGRAM_LEAVES,
  dendrogram,
  fitAsAsked,
  fitHierarchy,
  HIERARCHY_DEFAULT_ROWS,
  hierarchyLabels,
  treeDependsOn,
  treeMetric,
} from '../../../../src/core/cluster/hierarchy/hierarchicalClustering';
import { adjustedRandIndex } from '../../../../src/core/cluster/quality/clusterMetrics';
import { createRandom, sampleIndices } from '../../../../src/core/common/random';
import { randomMatrix, threeBlobs } from '../../../support/clusterData';

// One feature: pairs at 0 and 1, 5 and 6, and a lone row at 20. Single linkage merges
// (0, 1) and (2, 3) at 1, then the pairs at 4, then the lone row at 14.
const line = Float64Array.from([0, 1, 5, 6, 20]);
const lineTree = mergeTree(line, 5, 1, 'single', 'euclidean');

describe('treeMetric', () => {
  it('builds Ward trees with Euclidean distances, and every other tree with the one chosen', () => {
    for (const metric of DISTANCE_METRICS) {
      expect(treeMetric('ward', metric)).toBe('euclidean');
      for (const linkage of LINKAGES.filter((l) => l !== 'ward'))
        expect(treeMetric(linkage, metric)).toBe(metric);
    }
  });
});

describe('fitHierarchy', () => {
  it('builds the tree on every row when there are few', () => {
    const matrix = randomMatrix(80, 2, 3);
    const fit = fitHierarchy(matrix, 80, 2, 'complete', 'chebyshev', 0);
    expect(fit.sampled).toBe(false);
    expect(Array.from(fit.rows)).toEqual(Array.from({ length: 80 }, (_, i) => i));
    expect(fit).toMatchObject({
      linkage: 'complete',
      metric: 'chebyshev',
      requestedMetric: 'chebyshev',
    });
    expect(Array.from(fit.tree.height)).toEqual(
      Array.from(mergeTree(matrix, 80, 2, 'complete', 'chebyshev').height),
    );
    expect(HIERARCHY_DEFAULT_ROWS).toBe(5000);
    expect(fit.maxRows).toBe(HIERARCHY_DEFAULT_ROWS);
  });

  it('builds a Ward tree with Euclidean distances and remembers the distance asked for', () => {
    const matrix = randomMatrix(40, 3, 8);
    const fit = fitHierarchy(matrix, 40, 3, 'ward', 'cosine', 0);
    expect(fit.metric).toBe('euclidean');
    expect(fit.requestedMetric).toBe('cosine');
    expect(Array.from(fit.tree.height)).toEqual(
      Array.from(mergeTree(matrix, 40, 3, 'ward', 'euclidean').height),
    );
  });

  it('builds the tree on a seeded sample above its row limit', () => {
    const matrix = randomMatrix(300, 2, 5);
    const fit = fitHierarchy(matrix, 300, 2, 'average', 'euclidean', 9, undefined, 100);
    expect(fit.sampled).toBe(true);
    expect(Array.from(fit.rows)).toEqual(
      Array.from(sampleIndices(300, 100, createRandom(9 ^ 0x41c0))),
    );
    expect(fit.tree.n).toBe(100);
    const again = fitHierarchy(matrix, 300, 2, 'average', 'euclidean', 9, undefined, 100);
    expect(Array.from(again.tree.height)).toEqual(Array.from(fit.tree.height));
  });

  it('reports the tree’s progress, ending at 1', () => {
    const fractions: number[] = [];
    fitHierarchy(randomMatrix(100, 2, 1), 100, 2, 'average', 'euclidean', 0, (f) =>
      fractions.push(f),
    );
    expect(fractions.at(-1)).toBe(1);
  });
});

describe('clustersAtHeight and cutHeightFor', () => {
  it('count the clusters left when every merge at most that high is made', () => {
    expect(clustersAtHeight(lineTree, -1)).toBe(5);
    expect(clustersAtHeight(lineTree, 0.99)).toBe(5);
    expect(clustersAtHeight(lineTree, 1)).toBe(3);
    expect(clustersAtHeight(lineTree, 4)).toBe(2);
    expect(clustersAtHeight(lineTree, 14)).toBe(1);
    expect(clustersAtHeight(lineTree, Infinity)).toBe(1);
  });

  it('put a cut halfway between the merge that leaves k clusters and the next', () => {
    expect(cutHeightFor(lineTree, 2)).toBe(9);
    expect(cutHeightFor(lineTree, 3)).toBe(2.5);
    expect(cutHeightFor(lineTree, 5)).toBe(0.5);
    // Two merges at the same height: no cut leaves 4 clusters, and the midpoint is that height.
    expect(cutHeightFor(lineTree, 4)).toBe(1);
  });

  it('have no cut for one cluster or more clusters than rows', () => {
    expect(cutHeightFor(lineTree, 1)).toBeNull();
    expect(cutHeightFor(lineTree, 0)).toBeNull();
    expect(cutHeightFor(lineTree, 6)).toBeNull();
  });

  it('agree: the cut for k leaves k clusters when the heights differ', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom(...LINKAGES),
        (n, seed, linkage) => {
          const tree = mergeTree(randomMatrix(n, 2, seed), n, 2, linkage, 'euclidean');
          for (let k = 2; k <= n; k++) {
            const height = cutHeightFor(tree, k)!;
            expect(clustersAtHeight(tree, height)).toBe(k);
            expect(new Set(cutTree(tree, { height })).size).toBe(k);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('hierarchyLabels', () => {
  it('is the tree’s own cut when the tree holds every row', () => {
    const matrix = randomMatrix(50, 2, 2);
    const fit = fitHierarchy(matrix, 50, 2, 'single', 'manhattan', 0);
    for (const k of [1, 3, 7])
      expect(Array.from(hierarchyLabels(fit, matrix, 50, 2, k))).toEqual(
        Array.from(cutTree(fit.tree, { k })),
      );
  });

  it('above its row limit, builds the tree on a sample and gives the other rows the nearest centre', () => {
    const n = 1500;
    const matrix = threeBlobs(n, 9);
    const fit = fitHierarchy(matrix, n, 2, 'average', 'euclidean', 3, undefined, 500);
    expect(fit.sampled).toBe(true);
    expect(fit.rows).toHaveLength(500);
    const labels = hierarchyLabels(fit, matrix, n, 2, 3);
    // The sample's rows keep the tree's labels.
    const sampleLabels = cutTree(fit.tree, { k: 3 });
    fit.rows.forEach((row, s) => expect(labels[row]).toBe(sampleLabels[s]));
    const truth = Int32Array.from({ length: n }, (_, i) => i % 3);
    expect(adjustedRandIndex(labels, truth)).toBe(1);
  });

  it('measures the nearest centre with the tree’s distance', () => {
    const n = 400;
    const d = 2;
    const matrix = randomMatrix(n, d, 17);
    const fit = fitHierarchy(matrix, n, d, 'complete', 'chebyshev', 1, undefined, 60);
    const k = 4;
    const labels = hierarchyLabels(fit, matrix, n, d, k);
    const sampleLabels = cutTree(fit.tree, { k });
    const centroids = new Float64Array(k * d);
    const counts = new Array<number>(k).fill(0);
    fit.rows.forEach((row, s) => {
      counts[sampleLabels[s]]++;
      for (let j = 0; j < d; j++) centroids[sampleLabels[s] * d + j] += matrix[row * d + j];
    });
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) centroids[c * d + j] /= counts[c];
    const chebyshev = rowDistance('chebyshev');
    const inSample = new Set(fit.rows);
    for (let i = 0; i < n; i++) {
      if (inSample.has(i)) continue;
      const own = chebyshev(matrix, i * d, centroids, labels[i] * d, d);
      for (let c = 0; c < k; c++)
        expect(own).toBeLessThanOrEqual(chebyshev(matrix, i * d, centroids, c * d, d));
    }
  });
});

describe('dendrogram', () => {
  it('draws the top of the tree with every merge over earlier nodes', () => {
    const matrix = threeBlobs(60, 2);
    const tree = mergeTree(matrix, 60, 2, 'single', 'euclidean');
    const drawing = dendrogram(tree, 8);
    expect(drawing.leaves).toHaveLength(8);
    expect(drawing.merges).toHaveLength(7);
    drawing.merges.forEach((merge, j) => {
      expect(merge.left).toBeLessThan(8 + j);
      expect(merge.right).toBeLessThan(8 + j);
    });
    expect(drawing.merges[6].size).toBe(60);
  });

  it('lays the leaves out left to right and numbers merges after them', () => {
    const drawing = dendrogram(lineTree, 3);
    expect(drawing).toEqual({
      leaves: [{ size: 1 }, { size: 2 }, { size: 2 }],
      merges: [
        { left: 1, right: 2, height: 4, size: 4 },
        { left: 0, right: 3, height: 14, size: 5 },
      ],
      rows: 5,
    });
  });

  it('shows every row when there are fewer than its leaves, and one leaf at the least', () => {
    const all = dendrogram(lineTree);
    expect(DENDROGRAM_LEAVES).toBe(30);
    expect(all.leaves).toEqual([1, 1, 1, 1, 1].map((size) => ({ size })));
    expect(all.merges.map((m) => m.height)).toEqual([1, 1, 4, 14]);
    expect(dendrogram(lineTree, 1)).toEqual({ leaves: [{ size: 5 }], merges: [], rows: 5 });
    const single = mergeTree(Float64Array.from([1]), 1, 1, 'ward', 'euclidean');
    expect(dendrogram(single)).toEqual({ leaves: [{ size: 1 }], merges: [], rows: 1 });
  });

  it('accounts for every row in its leaves, whatever the tree and the number of leaves', () => {
    const tree = mergeTree(randomMatrix(120, 3, 4), 120, 3, 'ward', 'euclidean');
    for (const leaves of [2, 5, 30, 119, 120, 500]) {
      const drawing = dendrogram(tree, leaves);
      const shown = Math.min(leaves, 120);
      expect(drawing.leaves).toHaveLength(shown);
      expect(drawing.merges).toHaveLength(shown - 1);
      expect(drawing.leaves.reduce((sum, leaf) => sum + leaf.size, 0)).toBe(120);
      expect(drawing.merges.map((m) => m.height)).toEqual(
        Array.from(tree.height.subarray(120 - shown)),
      );
    }
  });
});

describe('what a tree depends on', () => {
  it('is the linkage and the distance it is built with, and the seed and limit only for a sample', () => {
    const key = (...args: Parameters<typeof treeDependsOn>) =>
      JSON.stringify(treeDependsOn(...args));
    // Ward is Euclidean whatever the distance asked for; 400 rows are within both limits.
    expect(key(400, 'ward', 'manhattan', 7, 10_000)).toBe(key(400, 'ward', 'euclidean', 0, 5_000));
    expect(key(400, 'average', 'manhattan', 0, 5_000)).not.toBe(
      key(400, 'average', 'euclidean', 0, 5_000),
    );
    expect(key(400, 'ward', 'euclidean', 0, 5_000)).not.toBe(
      key(400, 'complete', 'euclidean', 0, 5_000),
    );
    // Sampled: another seed or another limit is another tree.
    expect(key(400, 'ward', 'euclidean', 0, 100)).not.toBe(key(400, 'ward', 'euclidean', 1, 100));
    expect(key(400, 'ward', 'euclidean', 0, 100)).not.toBe(key(400, 'ward', 'euclidean', 0, 200));
    expect(key(400, 'ward', 'euclidean', 0, 100)).not.toBe(key(400, 'ward', 'euclidean', 0, 5_000));
    // At the limit there is no sample.
    expect(key(400, 'ward', 'euclidean', 0, 400)).toBe(key(400, 'ward', 'euclidean', 3, 5_000));
  });

  it('hands a shared tree on as the options asked for now', () => {
    const matrix = randomMatrix(30, 2, 5);
    const fit = fitHierarchy(matrix, 30, 2, 'ward', 'euclidean', 0);
    expect(fitAsAsked(fit, 'euclidean', HIERARCHY_DEFAULT_ROWS)).toBe(fit);
    const asked = fitAsAsked(fit, 'cosine', 10_000);
    expect(asked).toMatchObject({
      requestedMetric: 'cosine',
      maxRows: 10_000,
      metric: 'euclidean',
    });
    expect(asked.tree).toBe(fit.tree);
    expect(fit).toMatchObject({ requestedMetric: 'euclidean', maxRows: HIERARCHY_DEFAULT_ROWS });
  });
});
