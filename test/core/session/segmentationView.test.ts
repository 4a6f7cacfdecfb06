import { beforeAll, describe, expect, it } from 'vitest';
import { generateCustomersCsv } from '../../../scripts/generators/customers';
import type { AnalysisResult } from '../../../src/core/analysis/analysisResult';
import { projectPca } from '../../../src/core/features/pca';
import { sampleForScatter } from '../../../src/core/profile/sampleForScatter';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { columnIndex, type Table } from '../../../src/core/read/table';
import { computeRfm } from '../../../src/core/rfm/rfm';
import {
  clusterCellCounts,
  rfmAnalysisOptions,
  rfmTable,
} from '../../../src/core/rfm/rfmClustering';
import { GRID_CELLS, MEAN_CELLS } from '../../../src/core/rfm/rfmSegments';
import {
  SCATTER_POINTS,
  segmentationView,
  segmentationViewBuffers,
  type SegmentationView,
} from '../../../src/core/session/segmentationView';
import { TableAnalysis } from '../../../src/core/session/tableAnalysis';
import { ordersCsv, ordersRfm, quickOptions } from '../../support/sessionData';

// More rows than the scatter draws, so that it samples.
const csv = generateCustomersCsv({ rows: 2600, seed: 8, duplicates: 0 });
const options = quickOptions({ kMax: 3, nInit: 1, seed: 4 });

let table: Table;
let analysis: AnalysisResult;
let view: SegmentationView;
beforeAll(async () => {
  table = await readCsv(textSource(csv));
  analysis = await new TableAnalysis(table, null).segment(options);
  view = segmentationView(table, analysis, options, null);
});

describe('segmentationView', () => {
  it('has an axis for each of the first three components and for each profiled column', () => {
    const ratios = analysis.pca.explainedVarianceRatio;
    expect(view.axes.slice(0, 3)).toEqual([
      { id: 'pc1', label: `PC1 (${(ratios[0] * 100).toFixed(1)}%)` },
      { id: 'pc2', label: `PC2 (${(ratios[1] * 100).toFixed(1)}%)` },
      { id: 'pc3', label: `PC3 (${(ratios[2] * 100).toFixed(1)}%)` },
    ]);
    expect(view.axes.slice(3)).toEqual(
      analysis.profiledNumeric.map((name) => ({ id: `feature:${name}`, label: name })),
    );
  });

  it('draws a seeded, stratified sample of at most 2,000 rows for every k', () => {
    expect(analysis.rows.length).toBeGreaterThan(SCATTER_POINTS);
    expect(view.perK.map((k) => k.k)).toEqual([1, 2, 3]);
    for (const [i, perK] of view.perK.entries()) {
      const result = analysis.results[i];
      const sample = sampleForScatter(result.labels, SCATTER_POINTS, options.seed);
      const m = sample.length;
      expect(m).toBe(SCATTER_POINTS);
      expect(Array.from(perK.scatter.labels)).toEqual(Array.from(sample, (r) => result.labels[r]));
      expect(perK.scatter.coordinates.length).toBe(view.axes.length * m);
      expect(perK.sizes).toEqual(Array.from(result.sizes));
      expect(perK.inertia).toBe(result.inertia);
      expect(perK.profiles).toBe(result.profiles);
      expect(perK.rfmCells).toBeNull();
    }
  });

  it('places each sampled row on the components and on its own values', () => {
    const perK = view.perK[2];
    const sample = sampleForScatter(analysis.results[2].labels, SCATTER_POINTS, options.seed);
    const m = sample.length;
    const dims = analysis.projectionDims;
    const spend = table.columns[columnIndex(table, 'annual_spend')].numbers;
    const spendAxis = view.axes.findIndex((axis) => axis.id === 'feature:annual_spend');
    // Every row's projection, as projectPca gives it, in single precision as the scatter keeps it.
    const n = analysis.rows.length;
    const all = projectPca(
      analysis.scaledMatrix,
      n,
      analysis.pca,
      dims,
      new Float32Array(n * dims),
    );
    for (const s of [0, 1, 777, m - 1]) {
      const r = sample[s];
      for (let c = 0; c < dims; c++)
        expect(perK.scatter.coordinates[c * m + s]).toBe(all[r * dims + c]);
      expect(perK.scatter.coordinates[spendAxis * m + s]).toBe(spend[analysis.rows[r]]);
    }
  });

  it('projects each segment’s centre as projectPca would, and gives its mean on each column', () => {
    for (const perK of view.perK) {
      const result = analysis.results[perK.k - 1];
      const k = result.k;
      const dims = analysis.projectionDims;
      const projected = projectPca(result.centroids, k, analysis.pca, dims);
      expect(perK.scatter.centres.length).toBe(view.axes.length * k);
      for (let c = 0; c < k; c++) {
        for (let p = 0; p < dims; p++)
          expect(perK.scatter.centres[p * k + c]).toBe(projected[c * dims + p]);
        const profile = result.profiles.segments.find((segment) => segment.id === c)!;
        analysis.profiledNumeric.forEach((name, f) =>
          expect(perK.scatter.centres[(dims + f) * k + c]).toBe(
            profile.features.find((x) => x.feature === name)!.mean,
          ),
        );
      }
    }
  });

  it('carries the analysis’ figures the page shows', () => {
    const d = analysis.pca.d;
    expect(view.pca.ratios).toEqual(Array.from(analysis.pca.explainedVarianceRatio));
    expect(view.pca.cumulative).toEqual(Array.from(analysis.pca.cumulativeRatio));
    expect(view.pca.loadings).toHaveLength(d);
    expect(view.pca.loadings[1]).toEqual(Array.from(analysis.pca.components.subarray(d, 2 * d)));
    expect(view.pca.featureNames).toEqual(analysis.features.map((f) => f.name));
    expect(view).toMatchObject({
      features: analysis.features,
      cleaning: analysis.cleaning,
      scaling: { method: 'zscore', warnings: analysis.scaling.warnings },
      notes: analysis.notes,
      elbow: analysis.elbow,
      kRangeNote: null,
      silhouetteSampleSize: analysis.silhouetteSampleSize,
      recommendation: analysis.recommendation,
      k: analysis.k,
      analysedRows: analysis.rows.length,
      settings: { nInit: 1, kMax: 3, silhouetteSample: 5000, seed: 4 },
      algorithm: 'kmeans',
      metric: 'euclidean',
      density: null,
      hierarchy: null,
    });
  });

  it('hands over every scatter array’s buffer, so they move between threads', () => {
    const buffers = segmentationViewBuffers(view);
    expect(buffers).toHaveLength(3 * view.perK.length);
    view.perK.forEach((perK, i) => {
      expect(buffers[3 * i]).toBe(perK.scatter.labels.buffer);
      expect(buffers[3 * i + 1]).toBe(perK.scatter.coordinates.buffer);
      expect(buffers[3 * i + 2]).toBe(perK.scatter.centres.buffer);
    });
    expect(new Set(buffers).size).toBe(buffers.length);
  });

  it('draws every row of a small analysis', async () => {
    const small = await readCsv(textSource('x,y\n1,2\n3,1\n5,9\n8,8\n'));
    const smallOptions = quickOptions({ kMax: 2 });
    const result = await new TableAnalysis(small, null).segment(smallOptions);
    const smallView = segmentationView(small, result, smallOptions, null);
    // Two features: two components.
    expect(smallView.axes.map((axis) => axis.id)).toEqual(['pc1', 'pc2', 'feature:x', 'feature:y']);
    expect(smallView.perK[1].scatter.labels.length).toBe(4);
    expect(Array.from(smallView.perK[1].scatter.coordinates.subarray(8, 12))).toEqual([1, 3, 5, 8]);
  });

  it('counts an RFM clustering’s customers per cluster and cell of each scheme', async () => {
    const rfm = computeRfm(await readCsv(textSource(ordersCsv)), ordersRfm);
    const customers = rfmTable(rfm);
    const rfmOptions = rfmAnalysisOptions(quickOptions({ kMax: 3 }));
    const result = await new TableAnalysis(customers, null).segment(rfmOptions);
    const rfmView = segmentationView(customers, result, rfmOptions, rfm);
    for (const perK of rfmView.perK) {
      const labels = result.results[perK.k - 1].labels;
      expect(perK.rfmCells).toEqual({
        'rf-grid': Array.from(clusterCellCounts(labels, result.rows, perK.k, rfm, 'rf-grid')),
        'rfm-mean': Array.from(clusterCellCounts(labels, result.rows, perK.k, rfm, 'rfm-mean')),
      });
      expect(perK.rfmCells!['rf-grid']).toHaveLength(perK.k * GRID_CELLS);
      expect(perK.rfmCells!['rfm-mean']).toHaveLength(perK.k * MEAN_CELLS);
      for (const cells of Object.values(perK.rfmCells!))
        expect(cells.reduce((a, b) => a + b, 0)).toBe(rfm.customers.length);
    }
    expect(rfmView.axes.slice(3).map((axis) => axis.id)).toEqual([
      'feature:recency',
      'feature:frequency',
      'feature:monetary',
    ]);
  });
});

describe('segmentationView of a wide file whose rows lie on one line', () => {
  it('has only the component PCA found, and every coordinate is a number', async () => {
    // 300 features (past the covariance path), each a multiple of the row number: rank one.
    const header = Array.from({ length: 300 }, (_, j) => `f${j}`).join(',');
    const lines = Array.from({ length: 6 }, (_, i) =>
      Array.from({ length: 300 }, (_, j) => i * (j + 1)).join(','),
    );
    const wide = await readCsv(textSource([header, ...lines].join('\n')));
    const narrowOptions = quickOptions({ kMax: 2, nInit: 1, seed: 1 });
    const result = await new TableAnalysis(wide, null).segment(narrowOptions);
    expect(result.pca.count).toBe(1);
    expect(result.projectionDims).toBe(1);
    const shown = segmentationView(wide, result, narrowOptions, null);
    expect(shown.axes[0].id).toBe('pc1');
    expect(shown.axes[1].id).toBe('feature:f0');
    for (const perK of shown.perK)
      for (const value of perK.scatter.coordinates) expect(Number.isNaN(value)).toBe(false);
  });
});
