import { WARD_NOTE } from '../../../src/core/cluster/hierarchy/hierarchySegmentation';
import { describe, expect, it } from 'vitest';
import { generateCustomersCsv } from '../../../scripts/generators/customers';
import { resultFor } from '../../../src/core/analysis/analysisResult';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../../src/core/analysis/analysisOptions';
import { textSource } from '../../../src/core/read/byteSource';
import { adjustedRandIndex } from '../../../src/core/cluster/quality/clusterMetrics';
import { AnalysisSession } from '../../../src/core/session/session';
import { cutTree, mergeTree } from '../../../src/core/cluster/hierarchy/agglomerative';
import {
  dendrogram,
  fitHierarchy,
  hierarchyLabels,
} from '../../../src/core/cluster/hierarchy/hierarchicalClustering';
import { createRandom } from '../../../src/core/common/random';
import { readCsv } from '../../../src/core/read/readCsv';
import { segmentFile } from '../../support/segmentFile';

const csv = generateCustomersCsv({ rows: 1200, seed: 21, duplicates: 0 });

function blobs(n: number, seed: number): Float64Array {
  const random = createRandom(seed);
  const matrix = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    const centre = i % 3;
    matrix[2 * i] = centre * 4 + random.next();
    matrix[2 * i + 1] = (centre % 2) * 4 + random.next();
  }
  return matrix;
}

describe('analysis with hierarchical clustering', () => {
  it('cuts one tree into every k of the elbow, or at a height', async () => {
    const { analysis } = await segmentFile(textSource(csv), {
      analysis: { algorithm: 'hierarchical', linkage: 'complete', metric: 'manhattan' },
    });
    expect(analysis.results.map((r) => r.k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const hierarchy = analysis.hierarchy!;
    expect(hierarchy.treeRows).toBe(analysis.rows.length);
    expect(hierarchy.dendrogram.leaves).toHaveLength(30);
    expect(hierarchy.dendrogram.leaves.reduce((sum, leaf) => sum + leaf.size, 0)).toBe(
      analysis.rows.length,
    );
    const cut = hierarchy.cutHeights[3]!;
    const { analysis: byHeight } = await segmentFile(textSource(csv), {
      analysis: {
        algorithm: 'hierarchical',
        linkage: 'complete',
        metric: 'manhattan',
        cutHeight: cut,
      },
    });
    expect(byHeight.k).toBe(4);
    expect(adjustedRandIndex(resultFor(byHeight, 4)!.labels, resultFor(analysis, 4)!.labels)).toBe(
      1,
    );
  });

  it('builds a Ward tree with Euclidean distances whatever the distance, and says so', async () => {
    const ward = { algorithm: 'hierarchical', linkage: 'ward', nInit: 1 } as const;
    const { analysis: cosine } = await segmentFile(textSource(csv), {
      analysis: { ...ward, metric: 'cosine' },
    });
    const { analysis: euclidean } = await segmentFile(textSource(csv), {
      analysis: { ...ward, metric: 'euclidean' },
    });
    expect(Array.from(resultFor(cosine, 4)!.labels)).toEqual(
      Array.from(resultFor(euclidean, 4)!.labels),
    );
    expect(cosine.notes).toContain(WARD_NOTE);
    expect(euclidean.notes).not.toContain(WARD_NOTE);
    // The distance chosen still measures the silhouette.
    expect(cosine.metric).toBe('cosine');
    expect(cosine.elbow[3].silhouette).not.toBe(euclidean.elbow[3].silhouette);
  });

  it('above its row limit, builds the tree on a sample and gives the other rows the nearest centre', () => {
    const n = 1500;
    const matrix = blobs(n, 9);
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

  it('draws the top of the tree with every merge over earlier nodes', () => {
    const matrix = blobs(60, 2);
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
});

describe('comparing algorithms', () => {
  it('scores the three on the same rows, with their pairwise agreement', async () => {
    const table = await readCsv(textSource(csv));
    const comparison = AnalysisSession.ofTable(table).compare(
      { options: { ...DEFAULT_ANALYSIS_OPTIONS, nInit: 3, linkage: 'average' }, rfm: null },
      4,
    );
    expect(comparison.rows.map((row) => row.algorithm)).toEqual([
      'kmeans',
      'hierarchical',
      'dbscan',
    ]);
    expect(comparison.rows[0].clusters).toBe(4);
    expect(comparison.rows[1].clusters).toBe(4);
    for (const row of comparison.rows) {
      expect(
        row.sizes.reduce((a, b) => a + b, 0) + Math.round(row.noiseShare * comparison.analysedRows),
      ).toBe(comparison.analysedRows);
    }
    expect(comparison.agreement.map((row, i) => row[i])).toEqual([1, 1, 1]);
    expect(comparison.agreement[0][1]).toBe(comparison.agreement[1][0]);
  });
});
