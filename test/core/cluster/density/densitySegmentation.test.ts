import { describe, expect, it } from 'vitest';
import { generateCustomersCsv } from '../../../../scripts/generators/customers';
import { resultFor } from '../../../../src/core/analysis/analysisResult';
import { silhouetteOf } from '../../../../src/core/cluster/clustering';
import { NOISE } from '../../../../src/core/cluster/density/dbscan';
import {
  DBSCAN_MAX_ROWS,
  densityClusters,
  type DensityClustering,
} from '../../../../src/core/cluster/density/densityClustering';
import { densitySegmentation } from '../../../../src/core/cluster/density/densitySegmentation';
import { SilhouetteSample } from '../../../../src/core/cluster/quality/silhouette';
import { isUserError } from '../../../../src/core/common/userError';
import { textSource } from '../../../../src/core/read/byteSource';
import { segmentFile } from '../../../support/segmentFile';
import { clusterDataOf, samePartition } from '../../../support/clusterData';
import { createRandom } from '../../../../src/core/common/random';
import { message } from '../../../../src/core/common/message';
import { englishText } from '../../../../src/i18n/formatMessage';

const csv = generateCustomersCsv({ rows: 1200, seed: 21, duplicates: 0 });

// Blobs of 30, 100 and 60 rows, in that order (so discovery order is not size order), and
// four far-away rows.
const n = 194;
const matrix = (() => {
  const random = createRandom(7);
  const all = new Float64Array(n * 2);
  const blobs: [number, number, number][] = [
    [30, 0, 0],
    [100, 4, 0],
    [60, 0, 4],
  ];
  let row = 0;
  for (const [size, x, y] of blobs)
    for (let i = 0; i < size; i++, row++) {
      all[2 * row] = x + 0.5 * random.next();
      all[2 * row + 1] = y + 0.5 * random.next();
    }
  all.set([40, 40, -40, 40, 40, -40, -40, -40], 2 * row);
  return all;
})();
const data = clusterDataOf(matrix, n, 2);
const settings = { eps: 0.3, minPts: 5, metric: 'euclidean' as const, seed: 0 };

function segmentationOf(found: DensityClustering) {
  let samples = 0;
  const sample = new SilhouetteSample(matrix, n, 2);
  const clustering = densitySegmentation({
    data,
    found,
    silhouette: () => {
      samples++;
      return sample;
    },
  });
  return { clustering, sample, samples };
}

describe('densitySegmentation', () => {
  it('makes one result whose k is the clusters found, noise kept as -1', () => {
    const found = densityClusters(matrix, n, 2, settings);
    const before = Array.from(found.labels);
    const { clustering, sample, samples } = segmentationOf(found);
    expect(found.clusters).toBe(3);
    expect(clustering.k).toBe(3);
    expect(clustering.results).toHaveLength(1);
    const [result] = clustering.results;
    expect(result.k).toBe(3);
    // DBSCAN's own labels are left as they were; the result numbers segments by size.
    expect(Array.from(found.labels)).toEqual(before);
    expect(samePartition(result.labels, found.labels)).toBe(true);
    for (let i = 0; i < n; i++) expect(result.labels[i] === NOISE).toBe(found.labels[i] === NOISE);
    expect([...result.sizes]).toEqual([100, 60, 30]);
    expect(Array.from(result.labels.subarray(0, 3))).toEqual([2, 2, 2]);
    expect(Array.from(found.labels.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(result.profiles.segments[0]).toMatchObject({
      id: -1,
      label: message('labelNoise'),
      size: found.noise,
    });
    // One elbow point, scored on the sample asked for once.
    expect(samples).toBe(1);
    expect(clustering.elbow).toHaveLength(1);
    expect(clustering.elbow[0].k).toBe(3);
    expect(clustering.elbow[0].inertia).toBe(result.inertia);
    expect(clustering.elbow[0].silhouette).toBe(silhouetteOf(sample, result.labels, 3, n));
    expect(clustering.elbow[0].silhouette).not.toBeNull();
  });

  it('says what DBSCAN found and passes its figures on', () => {
    const found = densityClusters(matrix, n, 2, settings);
    const { clustering } = segmentationOf(found);
    expect(found.noise).toBe(4);
    expect(clustering.recommendation).toEqual({
      k: 3,
      elbowK: null,
      silhouetteK: null,
      reason: message('reasonDbscan', {
        clusters: 3,
        eps: 0.3,
        minPts: 5,
        noise: 4,
        share: 4 / n,
      }),
    });
    expect(englishText(clustering.recommendation.reason)).toBe(
      'DBSCAN found 3 segments at eps 0.3 with 5 minimum points; 4 rows (2.1%) are noise.',
    );
    expect(clustering.density).toEqual({
      eps: 0.3,
      suggestedEps: found.suggestedEps,
      minPts: 5,
      clusters: 3,
      noise: 4,
      coreRows: found.coreRows,
      kDistances: found.kDistances,
      knee: found.knee,
      clusteredRows: n,
      maxRows: DBSCAN_MAX_ROWS,
      joinedFromOutside: 0,
    });
    expect(clustering.pointKinds).toBe(found.pointKinds);
    expect(clustering.hierarchy).toBeNull();
    expect(clustering.notes).toEqual([]);
  });

  it('speaks of one segment in the singular, and has no silhouette for it', () => {
    const found = densityClusters(matrix, n, 2, { ...settings, eps: 20 });
    const { clustering } = segmentationOf(found);
    expect(clustering.k).toBe(1);
    expect(englishText(clustering.recommendation.reason)).toMatch(
      /^DBSCAN found 1 segment at eps 20 /,
    );
    expect(clustering.elbow[0].silhouette).toBeNull();
  });

  it('notes when DBSCAN ran on a sample of the rows', () => {
    const found = densityClusters(matrix, n, 2, settings, undefined, 100);
    const { clustering } = segmentationOf(found);
    expect(clustering.notes).toEqual([
      message('dbscanSampled', { rows: 100, total: 194, most: DBSCAN_MAX_ROWS }),
    ]);
    expect(englishText(clustering.notes[0])).toMatch(
      /^DBSCAN ran on a seeded sample of 100 of the 194 rows \(it takes up to 50,000 rows/,
    );
    expect(clustering.density?.joinedFromOutside).toBe(found.joinedFromOutside);
  });

  it('says what to change when every row is noise', () => {
    const found = densityClusters(matrix, n, 2, { ...settings, eps: 0.0001 });
    expect(found.clusters).toBe(0);
    let error: unknown = null;
    try {
      segmentationOf(found);
    } catch (caught) {
      error = caught;
    }
    expect(isUserError(error) && error.code).toBe('no-clusters');
    expect(isUserError(error) && error.sentence).toEqual(
      message('dbscanAllNoise', { eps: 0.0001, minPts: 5, suggested: found.suggestedEps }),
    );
    expect((error as Error).message).toBe(
      `At eps 0.0001 with 5 minimum points every row is noise: raise eps (the k-distance plot suggests ${found.suggestedEps}) or lower the minimum points.`,
    );
  });
});

describe('analysis with DBSCAN', () => {
  it('gives one result with the clusters found, noise as -1 and a k-distance plot', async () => {
    const { analysis } = await segmentFile(textSource(csv), {
      analysis: { algorithm: 'dbscan', eps: 0.6, minPts: 5 },
    });
    const density = analysis.density!;
    expect(analysis.results).toHaveLength(1);
    expect(analysis.k).toBe(density.clusters);
    const result = resultFor(analysis, analysis.k)!;
    const noise = result.labels.filter((label) => label === NOISE).length;
    expect(noise).toBe(density.noise);
    expect(noise).toBeGreaterThan(0);
    expect(result.profiles.segments[0]).toMatchObject({
      id: -1,
      label: message('labelNoise'),
      size: noise,
    });
    expect(Array.from(result.sizes).reduce((a, b) => a + b, 0) + noise).toBe(analysis.rows.length);
    expect(density.kDistances.length).toBe(Math.min(2000, analysis.rows.length));
    expect(analysis.elbow[0].silhouette).not.toBeNull();
  });

  it('says in a sentence what to change when every row is noise', async () => {
    await expect(
      segmentFile(textSource(csv), { analysis: { algorithm: 'dbscan', eps: 0.0001 } }),
    ).rejects.toThrow(/every row is noise: raise eps \(the k-distance plot suggests [\d.]+\)/);
  });
});
