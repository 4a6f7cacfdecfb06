import { describe, expect, it } from 'vitest';
import { dbscan, NOISE } from '../../../../src/core/cluster/density/dbscan';
import {
  DBSCAN_MAX_ROWS,
  densityClusters,
  POINT_BORDER,
  POINT_CORE,
  POINT_JOINED,
  POINT_KIND_NAMES,
  POINT_NOISE,
} from '../../../../src/core/cluster/density/densityClustering';
import { kDistancePlot } from '../../../../src/core/cluster/density/kDistance';
import { NeighbourSearch } from '../../../../src/core/cluster/density/neighbours';
import { rowDistance, type DistanceMetric } from '../../../../src/core/cluster/distance';
import { adjustedRandIndex } from '../../../../src/core/cluster/quality/clusterMetrics';
import { takeRows } from '../../../../src/core/common/matrixRows';
import { createRandom, sampleIndices } from '../../../../src/core/common/random';
import { isUserError } from '../../../../src/core/common/userError';
import { threeBlobs } from '../../../support/clusterData';

describe('densityClusters', () => {
  it('above its row limit, runs on a sample and joins the other rows to the nearest core row', () => {
    const n = 3000;
    const matrix = threeBlobs(n, 5);
    const full = dbscan(matrix, n, 2, { eps: 0.3, minPts: 5, metric: 'euclidean' });
    const sampled = densityClusters(
      matrix,
      n,
      2,
      { eps: 0.3, minPts: 5, metric: 'euclidean', seed: 1 },
      undefined,
      1000,
    );
    expect(sampled.clusteredRows).toBe(1000);
    expect(sampled.joinedFromOutside).toBeGreaterThan(1500);
    // Three well-separated blobs: the sample finds the same ones.
    expect(sampled.clusters).toBe(3);
    expect(adjustedRandIndex(full.labels, sampled.labels)).toBeGreaterThan(0.95);
    // Each row's kind: core, border and noise for the sampled rows, joined for the others.
    const kinds = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) kinds[sampled.pointKinds[i]]++;
    expect(kinds[POINT_CORE]).toBe(sampled.coreRows);
    expect(kinds[POINT_JOINED]).toBe(sampled.joinedFromOutside);
    expect(kinds[POINT_NOISE]).toBe(sampled.noise);
    expect(kinds.reduce((a, b) => a + b, 0)).toBe(n);
    const whole = densityClusters(matrix, n, 2, {
      eps: 0.3,
      minPts: 5,
      metric: 'euclidean',
      seed: 1,
    });
    for (let i = 0; i < n; i++) {
      const expected =
        full.core[i] === 1 ? POINT_CORE : full.labels[i] === -1 ? POINT_NOISE : POINT_BORDER;
      if (whole.pointKinds[i] !== expected) throw new Error(`row ${i}: ${whole.pointKinds[i]}`);
    }
  });

  it('is DBSCAN itself on every row up to its limit', () => {
    const n = 600;
    const matrix = threeBlobs(n, 2);
    const settings = { eps: 0.25, minPts: 6, metric: 'manhattan' as const, seed: 0 };
    const found = densityClusters(matrix, n, 2, settings);
    const direct = dbscan(matrix, n, 2, settings);
    expect(Array.from(found.labels)).toEqual(Array.from(direct.labels));
    expect(found.clusters).toBe(direct.clusters);
    expect(found.noise).toBe(direct.noise);
    expect(found.coreRows).toBe(direct.core.reduce((a, b) => a + b, 0));
    expect(found).toMatchObject({ clusteredRows: n, joinedFromOutside: 0, eps: 0.25, minPts: 6 });
    expect(DBSCAN_MAX_ROWS).toBe(50_000);
  });

  it('uses the knee of the k-distance plot when no eps is given, and reports it either way', () => {
    const n = 450;
    const matrix = threeBlobs(n, 6);
    const plot = kDistancePlot(new NeighbourSearch(matrix, n, 2, 'euclidean'), n, 5, 3);
    const suggested = densityClusters(matrix, n, 2, {
      eps: null,
      minPts: 5,
      metric: 'euclidean',
      seed: 3,
    });
    expect(suggested.eps).toBe(plot.suggestedEps);
    expect(suggested.suggestedEps).toBe(plot.suggestedEps);
    expect(Array.from(suggested.kDistances)).toEqual(Array.from(plot.distances));
    expect(suggested.knee).toBe(plot.knee);
    const chosen = densityClusters(matrix, n, 2, {
      eps: 0.05,
      minPts: 5,
      metric: 'euclidean',
      seed: 3,
    });
    expect(chosen.eps).toBe(0.05);
    expect(chosen.suggestedEps).toBe(plot.suggestedEps);
  });

  it('asks for an eps, in a sentence, when most rows are identical', () => {
    const matrix = new Float64Array(200).fill(1);
    matrix[0] = 8;
    let error: unknown = null;
    try {
      densityClusters(matrix, 100, 2, { eps: null, minPts: 5, metric: 'euclidean', seed: 0 });
    } catch (caught) {
      error = caught;
    }
    expect(isUserError(error) && error.code).toBe('bad-option');
    expect((error as Error).message).toMatch(/enter an eps above 0/);
  });

  for (const metric of ['chebyshev', 'cosine'] as DistanceMetric[])
    it(`joins each row outside the sample to a core row within eps, or calls it noise (${metric})`, () => {
      // 100 scattered rows far away (noise, not core) before 900 rows in three blobs, shifted
      // off the origin so that cosine sees directions.
      const n = 1000;
      const d = 2;
      const matrix = new Float64Array(n * d);
      const random = createRandom(30);
      for (let i = 0; i < 200; i++) matrix[i] = 50 + 400 * random.next();
      matrix.set(
        threeBlobs(900, 12).map((x) => x + 1),
        200,
      );
      const eps = metric === 'cosine' ? 0.002 : 0.2;
      const seed = 4;
      const found = densityClusters(matrix, n, d, { eps, minPts: 5, metric, seed }, undefined, 330);
      // The sample is the seeded one; DBSCAN's own result on it is kept as it is.
      const rows = sampleIndices(n, 330, createRandom(seed ^ 0xdb5c));
      const onSample = dbscan(takeRows(matrix, d, rows), 330, d, { eps, minPts: 5, metric });
      const inSample = new Map(Array.from(rows, (row, s) => [row, s]));
      const distance = rowDistance(metric);
      let joined = 0;
      for (let i = 0; i < n; i++) {
        const s = inSample.get(i);
        if (s !== undefined) {
          expect(found.labels[i]).toBe(onSample.labels[s]);
          continue;
        }
        const coreNear = Array.from(rows).filter(
          (row, t) => onSample.core[t] === 1 && distance(matrix, i * d, matrix, row * d, d) <= eps,
        );
        if (coreNear.length === 0) {
          expect(found.labels[i]).toBe(NOISE);
          expect(found.pointKinds[i]).toBe(POINT_NOISE);
        } else {
          joined++;
          expect(found.pointKinds[i]).toBe(POINT_JOINED);
          expect(coreNear.map((row) => found.labels[row])).toContain(found.labels[i]);
        }
      }
      expect(joined).toBe(found.joinedFromOutside);
      expect(joined).toBeGreaterThan(0);
      expect(found.noise).toBe(found.labels.filter((label) => label === NOISE).length);
    });

  for (const maxRows of [DBSCAN_MAX_ROWS, 500])
    it(`reports progress that never goes back and ends at 1 (limit ${maxRows})`, () => {
      const fractions: number[] = [];
      densityClusters(
        threeBlobs(1500, 1),
        1500,
        2,
        { eps: 0.3, minPts: 5, metric: 'euclidean', seed: 0 },
        (f) => fractions.push(f),
        maxRows,
      );
      expect(fractions.at(-1)).toBe(1);
      expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    });

  it('names every kind of point', () => {
    expect(POINT_KIND_NAMES[POINT_NOISE]).toBe('noise');
    expect(POINT_KIND_NAMES[POINT_BORDER]).toBe('border');
    expect(POINT_KIND_NAMES[POINT_CORE]).toBe('core');
    expect(POINT_KIND_NAMES[POINT_JOINED]).toBe('joined');
  });
});
