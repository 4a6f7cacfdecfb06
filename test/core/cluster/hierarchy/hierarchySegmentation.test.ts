import { describe, expect, it } from 'vitest';
import { generateCustomersCsv } from '../../../../scripts/generators/customers';
import { resultFor } from '../../../../src/core/analysis/analysisResult';
import { cutTree } from '../../../../src/core/cluster/hierarchy/agglomerative';
import {
  clustersAtHeight,
  cutHeightFor,
  dendrogram,
  fitHierarchy,
  HIERARCHY_DEFAULT_ROWS,
  HIERARCHY_MOST_ROWS,
  type HierarchyFit,
} from '../../../../src/core/cluster/hierarchy/hierarchicalClustering';
import {
  hierarchySegmentation,
  MAX_HEIGHT_CUT_SEGMENTS,
  WARD_NOTE,
  type HierarchySegmentationInput,
} from '../../../../src/core/cluster/hierarchy/hierarchySegmentation';
import { recommendK, type ElbowPoint } from '../../../../src/core/cluster/quality/chooseK';
import { adjustedRandIndex } from '../../../../src/core/cluster/quality/clusterMetrics';
import { SilhouetteSample } from '../../../../src/core/cluster/quality/silhouette';
import { isUserError } from '../../../../src/core/common/userError';
import { textSource } from '../../../../src/core/read/byteSource';
import { clusterDataOf, samePartition, threeBlobs } from '../../../support/clusterData';
import { segmentFile } from '../../../support/segmentFile';
import { message } from '../../../../src/core/common/message';
import { englishText } from '../../../../src/i18n/formatMessage';

const csv = generateCustomersCsv({ rows: 1200, seed: 21, duplicates: 0 });

const n = 150;
const matrix = threeBlobs(n, 3);
const data = clusterDataOf(matrix, n, 2);
const averageFit = fitHierarchy(matrix, n, 2, 'average', 'euclidean', 0);

function segment(fit: HierarchyFit, overrides: Partial<HierarchySegmentationInput> = {}) {
  const points: ElbowPoint[] = [];
  const progress: number[] = [];
  let samples = 0;
  const sample = new SilhouetteSample(matrix, n, 2);
  const clustering = hierarchySegmentation({
    data,
    fit,
    kMax: 5,
    cutHeight: null,
    silhouette: () => {
      samples++;
      return sample;
    },
    onElbowPoint: (point) => points.push(point),
    onProgress: (stage, f) => {
      expect(stage).toBe('cluster');
      progress.push(f);
    },
    ...overrides,
  });
  return { clustering, points, progress, samples };
}

describe('hierarchySegmentation', () => {
  it('cuts the one tree for every k of the elbow, reporting each point once', () => {
    const { clustering, points, progress, samples } = segment(averageFit);
    expect(clustering.results.map((r) => r.k)).toEqual([1, 2, 3, 4, 5]);
    clustering.results.forEach((result) => {
      expect(samePartition(result.labels, cutTree(averageFit.tree, { k: result.k }))).toBe(true);
      expect([...result.sizes]).toEqual([...result.sizes].sort((a, b) => b - a));
    });
    expect(clustering.elbow.map((p) => p.k)).toEqual([1, 2, 3, 4, 5]);
    expect(points).toEqual(clustering.elbow);
    expect(samples).toBe(1);
    expect(clustering.elbow[0].silhouette).toBeNull();
    expect(clustering.elbow[2].silhouette).toBeGreaterThan(0.5);
    expect(clustering.recommendation).toEqual(recommendK(clustering.elbow));
    expect(clustering.k).toBeNull();
    expect(clustering.density).toBeNull();
    expect(clustering.pointKinds).toBeNull();
    expect(clustering.notes).toEqual([]);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('describes the tree for the dendrogram and the height of every cut', () => {
    const { clustering } = segment(averageFit);
    expect(clustering.hierarchy).toEqual({
      linkage: 'average',
      treeRows: n,
      maxRows: HIERARCHY_DEFAULT_ROWS,
      dendrogram: dendrogram(averageFit.tree),
      cutHeights: [1, 2, 3, 4, 5].map((k) => cutHeightFor(averageFit.tree, k)),
      cutHeight: null,
    });
    expect(clustering.hierarchy?.cutHeights[0]).toBeNull();
  });

  it('shows the cut at a height, within the elbow’s range, and says so', () => {
    const height = cutHeightFor(averageFit.tree, 3)!;
    const { clustering } = segment(averageFit, { cutHeight: height });
    expect(clustering.k).toBe(3);
    expect(clustering.results).toHaveLength(5);
    const plain = recommendK(clustering.elbow).reason;
    expect(clustering.recommendation.reason).toEqual(
      message('reasonHeightCut', { reason: plain, height, count: 3 }),
    );
    expect(englishText(clustering.recommendation.reason)).toBe(
      `${englishText(plain)} The tree cut at height ${height} gives 3 segments.`,
    );
    expect(clustering.hierarchy?.cutHeight).toBe(height);
    const top = segment(averageFit, { cutHeight: Infinity }).clustering;
    expect(top.k).toBe(1);
    expect(englishText(top.recommendation.reason)).toMatch(/gives 1 segment\.$/);
  });

  it('adds the cut’s own result beyond the elbow, without an elbow point for it', () => {
    const height = cutHeightFor(averageFit.tree, 12)!;
    const { clustering, points } = segment(averageFit, { cutHeight: height });
    expect(clustering.k).toBe(12);
    expect(clustering.results.map((r) => r.k)).toEqual([1, 2, 3, 4, 5, 12]);
    expect(clustering.elbow.map((p) => p.k)).toEqual([1, 2, 3, 4, 5]);
    expect(points.map((p) => p.k)).toEqual([1, 2, 3, 4, 5]);
    expect(samePartition(clustering.results[5].labels, cutTree(averageFit.tree, { k: 12 }))).toBe(
      true,
    );
  });

  it('refuses a cut into more than 50 segments and names a height that gives at most 50', () => {
    let error: unknown = null;
    try {
      segment(averageFit, { cutHeight: cutHeightFor(averageFit.tree, 80)! });
    } catch (caught) {
      error = caught;
    }
    expect(isUserError(error) && error.code).toBe('bad-option');
    const text = (error as Error).message;
    expect(text).toMatch(/gives 80 segments: choose a height of at least [\d.]+ for at most 50\.$/);
    const sentence = isUserError(error) ? error.sentence : null;
    expect(sentence?.key).toBe('cutTooLow');
    expect(sentence?.params).toMatchObject({ count: 80, most: 50 });
    const suggested = Number(/at least ([\d.]+) for/.exec(text)![1]);
    expect(sentence?.params?.least).toBe(suggested);
    expect(clustersAtHeight(averageFit.tree, suggested)).toBeLessThanOrEqual(
      MAX_HEIGHT_CUT_SEGMENTS,
    );
    // The suggestion has two significant digits.
    expect(Number(suggested.toPrecision(2))).toBe(suggested);
  });

  it('rounds the height it suggests up, never down, whatever the tree', () => {
    for (const linkage of ['single', 'complete', 'average', 'ward'] as const) {
      for (const scale of [1, 7, 0.03, 450]) {
        const scaled = matrix.map((x) => x * scale);
        const fit = fitHierarchy(scaled, n, 2, linkage, 'euclidean', 0);
        let least: unknown = null;
        try {
          hierarchySegmentation({
            data: clusterDataOf(scaled, n, 2),
            fit,
            kMax: 5,
            cutHeight: 0,
            silhouette: () => null,
          });
        } catch (error) {
          if (isUserError(error)) least = error.sentence.params?.least;
        }
        expect(typeof least).toBe('number');
        const suggested = least as number;
        expect(suggested).toBeGreaterThanOrEqual(cutHeightFor(fit.tree, MAX_HEIGHT_CUT_SEGMENTS)!);
        expect(clustersAtHeight(fit.tree, suggested)).toBeLessThanOrEqual(MAX_HEIGHT_CUT_SEGMENTS);
      }
    }
  });

  it('notes a sampled tree, and a Ward tree built Euclidean for another distance', () => {
    const sampled = fitHierarchy(matrix, n, 2, 'ward', 'manhattan', 0, undefined, 60);
    const { clustering } = segment(sampled);
    expect(clustering.notes).toEqual([
      message('hierarchySampled', { rows: 60, total: 150, most: 60, ceiling: HIERARCHY_MOST_ROWS }),
      WARD_NOTE,
    ]);
    expect(clustering.notes.map(englishText)).toEqual([
      `Hierarchical clustering ran on a seeded sample of 60 of the 150 rows (the tree needs every pairwise distance, so it is built on at most 60 rows; you may choose up to 10,000); every other row joined the segment whose centre is nearest.`,
      'Ward linkage builds its tree with Euclidean distances only; the distance chosen measures the silhouette.',
    ]);
    expect(clustering.hierarchy?.treeRows).toBe(60);
    expect(clustering.results.every((r) => r.labels.length === n)).toBe(true);
    const euclidean = segment(fitHierarchy(matrix, n, 2, 'ward', 'euclidean', 0)).clustering;
    expect(euclidean.notes).toEqual([]);
  });

  it('works without a silhouette sample', () => {
    const { clustering } = segment(averageFit, { silhouette: () => null, kMax: 3 });
    expect(clustering.elbow.map((p) => p.silhouette)).toEqual([null, null, null]);
  });
});

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
});
