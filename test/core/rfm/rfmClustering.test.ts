import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../../src/core/analysis/analysisOptions';
import type { AnalysisResult } from '../../../src/core/analysis/analysisResult';
import { analyzeTable } from '../../../src/core/analysis/analyzeTable';
import { DEFAULT_CLEANING } from '../../../src/core/clean/cleanOptions';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { cellText, rowSourceText } from '../../../src/core/read/table';
import {
  clusterCellCounts,
  customerClusters,
  RFM_COLUMNS,
  RFM_WORDING,
  rfmAnalysisOptions,
  rfmTable,
} from '../../../src/core/rfm/rfmClustering';
import { cellIndex, GRID_CELLS, MEAN_CELLS, meanCell } from '../../../src/core/rfm/rfmSegments';
import { clusterSegmentTable } from '../../../src/core/rfm/rfmSummary';
import { generateTransactionsCsv } from '../../../scripts/generators/transactions';
import { englishText } from '../../../src/i18n/formatMessage';
import { defaultEnglishMap, handMadeRfm, rfmOf } from '../../support/rfm';

const THREE = handMadeRfm([
  { id: 'Smith, J', recency: 3, frequency: 2, monetary: 30.3, r: 5, f: 4 },
  { id: 'x"y', recency: 40, frequency: 1, monetary: 7, r: 2, f: 1 },
  { id: 'zoë', recency: 1, frequency: 9, monetary: 1234.5, r: 5, f: 5 },
]);

describe('rfmTable', () => {
  it('makes one row per customer: the id as text, recency, frequency and monetary as numbers', () => {
    const table = rfmTable(THREE);
    expect(table.columns.map((c) => c.name)).toEqual([
      RFM_COLUMNS.customer,
      RFM_COLUMNS.r,
      RFM_COLUMNS.f,
      RFM_COLUMNS.m,
    ]);
    expect(table.rowCount).toBe(3);
    expect(table.columns[0].texts).toEqual(['Smith, J', 'x"y', 'zoë']);
    expect([0, 1, 2].map((row) => cellText(table.columns[0], row))).toEqual(THREE.customers);
    expect(Array.from(table.columns[1].numbers)).toEqual([3, 40, 1]);
    expect(Array.from(table.columns[3].numbers)).toEqual([30.3, 7, 1234.5]);
    expect(table.columns[1].codes).toBeNull();
    expect(Array.from(table.rowStatus)).toEqual([0, 0, 0]);
    expect([table.issues, table.warnings, table.notes]).toEqual([[], [], []]);
  });

  it('copies the figures, so cleaning the table cannot change the RFM result', () => {
    const table = rfmTable(THREE);
    table.columns[1].numbers[0] = -1;
    expect(THREE.recency[0]).toBe(3);
  });

  it('writes money in its text as rfm.csv does, while clustering on the exact sums', () => {
    const sums = handMadeRfm([
      { id: 'a', recency: 3, frequency: 2, monetary: 412.98999999999995, r: 5, f: 4 },
      { id: 'b', recency: 9, frequency: 1, monetary: 1919.1400000000008, r: 2, f: 1 },
    ]);
    const table = rfmTable(sums);
    expect([0, 1].map((row) => rowSourceText(table.rowText, row))).toEqual([
      'a,3,2,412.99',
      'b,9,1,1919.14',
    ]);
    expect(Array.from(table.columns[3].numbers)).toEqual([412.98999999999995, 1919.1400000000008]);
  });

  it('keeps as its text the CSV it stands for, quoted where needed, from line 2', () => {
    const table = rfmTable(THREE);
    expect([0, 1, 2].map((row) => rowSourceText(table.rowText, row))).toEqual([
      '"Smith, J",3,2,30.3',
      '"x""y",40,1,7',
      'zoë,1,9,1234.5',
    ]);
    expect(Array.from(table.rowText.line)).toEqual([2, 3, 4]);
    expect(table.rowText.chunkFirstRow).toEqual([0, 3]);
    expect(table.byteLength).toBe((table.rowText.chunks[0] as string).length);
  });

  it('reads back from its own text as the same table', async () => {
    const table = rfmTable(THREE);
    const header = Object.values(RFM_COLUMNS).join(',');
    const read = await readCsv(textSource(`${header}\n${table.rowText.chunks[0]}`));
    expect(read.rowCount).toBe(3);
    read.columns.forEach((column, j) => {
      expect(column.name).toBe(table.columns[j].name);
      for (let row = 0; row < 3; row++)
        expect(cellText(column, row)).toBe(cellText(table.columns[j], row));
    });
  });

  it('is an empty table without customers', () => {
    const table = rfmTable(handMadeRfm([]));
    expect(table.rowCount).toBe(0);
    expect(table.columns.every((c) => c.numbers.length === 0)).toBe(true);
  });
});

describe('rfmAnalysisOptions', () => {
  it('clusters on recency and log1p of frequency and monetary, z-scored, with k-means', () => {
    const options = rfmAnalysisOptions({ ...DEFAULT_ANALYSIS_OPTIONS, kMax: 7, k: 4, seed: 9 });
    expect(options.features).toEqual(['recency', 'frequency', 'monetary']);
    expect(options.kinds).toEqual([{ column: 'customer', kind: 'identifier' }]);
    expect(options.oneHot).toEqual([]);
    expect(options.clean).toEqual({
      ...DEFAULT_CLEANING,
      duplicates: 'keep',
      outliers: 'none',
      log1p: ['frequency', 'monetary'],
    });
    expect([options.scale, options.algorithm, options.metric]).toEqual([
      'zscore',
      'kmeans',
      'euclidean',
    ]);
    expect(options.wording).toBe(RFM_WORDING);
    // What the user chose for the clustering itself is kept.
    expect([options.kMax, options.k, options.seed]).toEqual([7, 4, 9]);
  });

  it('clusters on recency and log1p of frequency only without money', () => {
    const options = rfmAnalysisOptions(DEFAULT_ANALYSIS_OPTIONS, false);
    expect(options.features).toEqual(['recency', 'frequency']);
    expect(options.clean.log1p).toEqual(['frequency']);
  });

  it('replaces what the customer-file analysis chose about columns and cleaning', () => {
    const options = rfmAnalysisOptions({
      ...DEFAULT_ANALYSIS_OPTIONS,
      kinds: [{ column: 'spend', kind: 'numeric' }],
      features: ['spend'],
      oneHot: ['region'],
      clean: { ...DEFAULT_CLEANING, missing: 'mean', outliers: 'iqr' },
      algorithm: 'dbscan',
      metric: 'manhattan',
    });
    expect(options.kinds).toEqual([{ column: 'customer', kind: 'identifier' }]);
    expect(options.clean.missing).toBe('drop');
    expect(options.clean.outliers).toBe('none');
    expect([options.algorithm, options.metric]).toEqual(['kmeans', 'euclidean']);
  });

  it('words labels as customers, not as the feature names', () => {
    expect(RFM_WORDING.map((entry) => entry.column)).toEqual(['recency', 'frequency', 'monetary']);
    const recency = RFM_WORDING.find((entry) => entry.column === RFM_COLUMNS.r)!.wording;
    expect(recency).toEqual({
      high: 'rfmLapsed',
      low: 'rfmRecent',
      slightlyHigh: 'rfmFairlyLapsed',
      slightlyLow: 'rfmFairlyRecent',
    });
    expect(Object.values(recency).map((key) => englishText({ key }))).toEqual([
      'Lapsed',
      'Recent',
      'Fairly lapsed',
      'Fairly recent',
    ]);
    for (const { wording } of RFM_WORDING)
      for (const key of Object.values(wording))
        expect(englishText({ key })).not.toMatch(/recency|frequency|monetary/i);
  });
});

describe('clusterCellCounts', () => {
  it('counts the analysed customers per cluster and R-by-F cell, leaving noise out', () => {
    // Analysed rows are customers 2, 0 and 1; customer 1 is noise.
    const counts = clusterCellCounts(
      Int32Array.from([0, 1, -1]),
      Int32Array.from([2, 0, 1]),
      2,
      THREE,
      'rf-grid',
    );
    expect(counts).toHaveLength(2 * GRID_CELLS);
    expect(counts[cellIndex(5, 5)]).toBe(1);
    expect(counts[GRID_CELLS + cellIndex(5, 4)]).toBe(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('counts per cluster and cell of R, F and M against the mean under that scheme', () => {
    // Means: recency 14.67 days, frequency 4 orders, monetary 423.93: customer 0 is R high
    // only, customer 2 is high on all three.
    const counts = clusterCellCounts(
      Int32Array.from([0, 1, -1]),
      Int32Array.from([2, 0, 1]),
      2,
      THREE,
      'rfm-mean',
    );
    expect(counts).toHaveLength(2 * MEAN_CELLS);
    expect(counts[meanCell(true, true, true)]).toBe(1);
    expect(counts[MEAN_CELLS + meanCell(true, false, false)]).toBe(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
  });
});

describe('customerClusters', () => {
  it('gives each customer the cluster of its row for k, and -1 to a customer not analysed', () => {
    // Only the rows and the per-k labels are read.
    const analysis = {
      rows: Int32Array.from([0, 2]),
      results: [
        { k: 1, labels: Int32Array.from([0, 0]) },
        { k: 2, labels: Int32Array.from([1, 0]) },
      ],
    } as unknown as AnalysisResult;
    expect(Array.from(customerClusters(analysis, 2, 3))).toEqual([1, -1, 0]);
    expect(Array.from(customerClusters(analysis, 1, 3))).toEqual([0, -1, 0]);
  });
});

describe('clustering on RFM', () => {
  it('clusters customers on log1p(frequency), log1p(monetary) and recency, and cross-tabulates', async () => {
    const rfm = await rfmOf(generateTransactionsCsv({ customers: 150, seed: 5 }));
    const analysis = await analyzeTable(
      rfmTable(rfm),
      rfmAnalysisOptions({ ...DEFAULT_ANALYSIS_OPTIONS, nInit: 3, kMax: 6 }),
    );
    expect(analysis.features.map((f) => `${f.transform}:${f.column}`)).toEqual([
      'none:recency',
      'log1p:frequency',
      'log1p:monetary',
    ]);
    expect(analysis.rows.length).toBe(rfm.customers.length);
    const k = 4;
    const { labels } = analysis.results[k - 1];
    const cells = clusterCellCounts(labels, analysis.rows, k, rfm, 'rf-grid');
    const table = clusterSegmentTable(cells, k, defaultEnglishMap('rf-grid'));
    expect(table.flat().reduce((a, b) => a + b, 0)).toBe(rfm.customers.length);
    const eight = clusterCellCounts(labels, analysis.rows, k, rfm, 'rfm-mean');
    const byMean = clusterSegmentTable(eight, k, defaultEnglishMap('rfm-mean'));
    expect(byMean.map((row) => row.reduce((a, b) => a + b, 0))).toEqual(
      table.map((row) => row.reduce((a, b) => a + b, 0)),
    );
    // Labels speak of customers ("Recent, Frequent"), never of "High recency".
    for (const segment of analysis.results[k - 1].profiles.segments) {
      const label = englishText(segment.label);
      expect(label).toMatch(/Recent|Lapsed|Frequent|Rare|spend|Typical/);
      expect(label).not.toMatch(/recency|frequency|monetary/);
    }
    const clusters = customerClusters(analysis, k, rfm.customers.length);
    expect(Math.min(...clusters)).toBe(0);
    expect(table.map((row) => row.reduce((a, b) => a + b, 0))).toEqual(
      Array.from(analysis.results[k - 1].sizes),
    );
  });
});
