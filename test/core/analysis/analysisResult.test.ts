import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ANALYSIS_OPTIONS,
  type AnalysisOptions,
} from '../../../src/core/analysis/analysisOptions';
import {
  resultFor,
  type AnalysisResult,
  type KResult,
} from '../../../src/core/analysis/analysisResult';
import { analyzeTable } from '../../../src/core/analysis/analyzeTable';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { generateCustomersCsv } from '../../../scripts/generators/customers';

const result = (k: number) => ({ k }) as KResult;

describe('resultFor', () => {
  it('finds the result for k, or null when that k was not computed', () => {
    const results = [result(1), result(2), result(3)];
    expect(resultFor({ results }, 2)).toBe(results[1]);
    expect(resultFor({ results }, 4)).toBeNull();
    expect(resultFor({ results: [] }, 1)).toBeNull();
  });

  it('finds a result by its k, not by its place (DBSCAN has one result, for its own k)', () => {
    const dbscan = [result(3)];
    expect(resultFor({ results: dbscan }, 3)).toBe(dbscan[0]);
    expect(resultFor({ results: dbscan }, 1)).toBeNull();
  });
});

/** The promises every AnalysisResult keeps, whatever the algorithm. */
function expectConsistent(analysis: AnalysisResult, records: number) {
  const n = analysis.rows.length;
  const d = analysis.features.length;
  expect(analysis.dropReason).toHaveLength(records);
  expect(analysis.cleaning.read).toBe(records);
  expect(analysis.cleaning.kept).toBe(n);
  for (const row of analysis.rows) expect(analysis.dropReason[row]).toBe(0);
  expect(analysis.scaledMatrix).toHaveLength(n * d);
  expect(analysis.projectionDims).toBe(Math.min(3, d));
  expect(analysis.scaling.center).toHaveLength(d);
  expect(resultFor(analysis, analysis.k)).not.toBeNull();
  const ks = analysis.results.map((r) => r.k);
  expect([...ks].sort((a, b) => a - b)).toEqual(ks);
  for (const kResult of analysis.results) {
    expect(kResult.labels).toHaveLength(n);
    expect(kResult.centroids).toHaveLength(kResult.k * d);
    expect(kResult.centroidsOriginal).toHaveLength(kResult.k * d);
    expect(kResult.sizes).toHaveLength(kResult.k);
    // Segments are numbered by size: 0 is the largest.
    for (let s = 1; s < kResult.k; s++)
      expect(kResult.sizes[s]).toBeLessThanOrEqual(kResult.sizes[s - 1]);
    const counted = new Array<number>(kResult.k).fill(0);
    for (const label of kResult.labels) if (label >= 0) counted[label]++;
    expect(counted).toEqual(Array.from(kResult.sizes));
    expect(kResult.profiles.segments.reduce((a, s) => a + s.size, 0)).toBe(n);
  }
}

describe('an AnalysisResult, as analyzeTable makes it', () => {
  const csv = generateCustomersCsv({ rows: 240, seed: 2 });
  const analyse = async (options: Partial<AnalysisOptions>) => {
    const table = await readCsv(textSource(csv));
    return {
      table,
      analysis: await analyzeTable(table, {
        ...DEFAULT_ANALYSIS_OPTIONS,
        nInit: 2,
        kMax: 5,
        ...options,
      }),
    };
  };

  it('k-means: one result per k of the elbow, the chosen one among them', async () => {
    const { table, analysis } = await analyse({});
    expectConsistent(analysis, table.rowCount);
    expect(analysis.algorithm).toBe('kmeans');
    expect(analysis.results.map((r) => r.k)).toEqual([1, 2, 3, 4, 5]);
    expect(analysis.elbow.map((p) => p.k)).toEqual([1, 2, 3, 4, 5]);
    expect([analysis.density, analysis.pointKinds, analysis.hierarchy]).toEqual([null, null, null]);
  });

  it('DBSCAN: one result, with its density summary and what each row is', async () => {
    const { table, analysis } = await analyse({ algorithm: 'dbscan', minPts: 5 });
    expectConsistent(analysis, table.rowCount);
    expect(analysis.results).toHaveLength(1);
    expect(analysis.density).not.toBeNull();
    expect(analysis.pointKinds).toHaveLength(analysis.rows.length);
    const noise = Array.from(analysis.results[0].labels).filter((label) => label === -1).length;
    expect(analysis.density!.noise).toBe(noise);
    expect(analysis.density!.clusters).toBe(analysis.results[0].k);
  });

  it('hierarchical: one result per k, and a cut height for each', async () => {
    const { table, analysis } = await analyse({ algorithm: 'hierarchical', k: 3 });
    expectConsistent(analysis, table.rowCount);
    expect(analysis.k).toBe(3);
    expect(analysis.hierarchy).not.toBeNull();
    expect(analysis.hierarchy!.cutHeights).toHaveLength(5);
    expect(analysis.hierarchy!.linkage).toBe('ward');
  });
});
