import type { ColumnWording } from '../profile/profileTypes';
import { DEFAULT_CLEANING } from '../clean/cleanOptions';
import type { AnalysisOptions } from '../analysis/analysisOptions';
import { resultFor, type AnalysisResult } from '../analysis/analysisResult';
import { csvField } from '../export/exportCsv';
import type { RfmResult } from './rfm';
import { formatMoney } from './rfmExport';
import { SCHEME_CELLS, type SegmentScheme } from './rfmSegments';
import type { Column, Table } from '../read/table';
import { message } from '../common/message';
import type { SegmentLabels } from '../cluster/segmentLabels';

/** The per-customer table that clustering on RFM runs on: one row per customer. */
export const RFM_COLUMNS = { customer: 'customer', r: 'recency', f: 'frequency', m: 'monetary' };

/**
 * Clustering on RFM as the RFM issue defines it: log1p of frequency and monetary, then the
 * z-score; the customer id is an identifier; no row is dropped (two customers with the same
 * figures are two customers, and a big spender is the point, not an outlier to clip). Without
 * money (`hasMoney` false) the clusters are on recency and log1p of frequency only.
 */
export function rfmAnalysisOptions(base: AnalysisOptions, hasMoney = true): AnalysisOptions {
  const money = hasMoney ? [RFM_COLUMNS.m] : [];
  return {
    ...base,
    kinds: [{ column: RFM_COLUMNS.customer, kind: 'identifier' }],
    features: [RFM_COLUMNS.r, RFM_COLUMNS.f, ...money],
    oneHot: [],
    clean: {
      ...DEFAULT_CLEANING,
      duplicates: 'keep',
      outliers: 'none',
      log1p: [RFM_COLUMNS.f, ...money],
    },
    scale: 'zscore',
    wording: RFM_WORDING,
    // Clusters on RFM are k-means: the cross-table with the named segments has no noise row.
    algorithm: 'kmeans',
    metric: 'euclidean',
  };
}

/** "High recency" would mean long ago: cluster labels speak of customers instead. */
export const RFM_WORDING: ColumnWording[] = [
  {
    column: RFM_COLUMNS.r,
    wording: {
      high: 'rfmLapsed',
      low: 'rfmRecent',
      slightlyHigh: 'rfmFairlyLapsed',
      slightlyLow: 'rfmFairlyRecent',
    },
  },
  {
    column: RFM_COLUMNS.f,
    wording: {
      high: 'rfmFrequent',
      low: 'rfmRare',
      slightlyHigh: 'rfmFairlyFrequent',
      slightlyLow: 'rfmFairlyRare',
    },
  },
  {
    column: RFM_COLUMNS.m,
    wording: {
      high: 'rfmHighSpend',
      low: 'rfmLowSpend',
      slightlyHigh: 'rfmAboveAverageSpend',
      slightlyLow: 'rfmBelowAverageSpend',
    },
  },
];

/**
 * The customers as a Table, so that the whole customer-file analysis (cleaning, scaling, PCA,
 * k-means, silhouette, profiles) runs on RFM unchanged. Its text is the CSV it stands for, money
 * written as rfm.csv writes it (412.99, not the sum's 412.98999999999995).
 */
export function rfmTable(rfm: RfmResult): Table {
  const c = rfm.customers.length;
  const lines: string[] = [];
  const start = new Uint32Array(c);
  const end = new Uint32Array(c);
  const line = new Uint32Array(c);
  let offset = 0;
  for (let i = 0; i < c; i++) {
    const text = `${csvField(rfm.customers[i])},${rfm.recency[i]},${rfm.frequency[i]},${formatMoney(rfm.monetary[i])}\n`;
    lines.push(text);
    start[i] = offset;
    offset += text.length;
    end[i] = offset;
    line[i] = i + 2;
  }
  const numeric = (name: string, values: Float64Array): Column => ({
    name,
    numbers: values,
    codes: null,
    texts: [],
    textCounts: [],
    missingCount: 0,
    numberCount: c,
    unit: null,
  });
  const customer: Column = {
    name: RFM_COLUMNS.customer,
    numbers: new Float64Array(c).fill(NaN),
    codes: Int32Array.from({ length: c }, (_, i) => i),
    texts: rfm.customers,
    textCounts: new Array<number>(c).fill(1),
    missingCount: 0,
    numberCount: 0,
    unit: null,
  };
  return {
    columns: [
      customer,
      numeric(RFM_COLUMNS.r, Float64Array.from(rfm.recency)),
      numeric(RFM_COLUMNS.f, Float64Array.from(rfm.frequency)),
      numeric(RFM_COLUMNS.m, Float64Array.from(rfm.monetary)),
    ],
    rowCount: c,
    rowStatus: new Uint8Array(c),
    issues: [],
    warnings: [],
    rowText: { chunks: [lines.join('')], chunkFirstRow: [0, c], start, end, line, file: null },
    dialect: { delimiter: ',', decimal: '.', hasHeader: true },
    encoding: 'utf-8',
    encodingReason: message('encodingRfmTable'),
    notes: [],
    blankLines: 0,
    byteLength: offset,
  };
}

/**
 * Customers per (cluster, R-by-F cell), k x 25, for the analysed rows (`rows` are their customers): with the segment map on the page this becomes the
 * cross-table of clusters against named segments, whatever the user renames or moves.
 */
export function clusterCellCounts(
  labels: SegmentLabels,
  rows: Int32Array,
  k: number,
  rfm: Pick<RfmResult, 'cells'>,
  scheme: SegmentScheme,
): Int32Array {
  const cells = SCHEME_CELLS[scheme];
  const cellOf = rfm.cells[scheme];
  const counts = new Int32Array(k * cells);
  for (let i = 0; i < labels.length; i++)
    if (labels[i] >= 0) counts[labels[i] * cells + cellOf[rows[i]]]++;
  return counts;
}

/** Each customer's cluster (-1 for a customer the clustering left out, which does not happen). */
export function customerClusters(
  analysis: AnalysisResult,
  k: number,
  customers: number,
): Int32Array {
  const clusters = new Int32Array(customers).fill(-1);
  const labels = resultFor(analysis, k)!.labels;
  for (let i = 0; i < labels.length; i++) clusters[analysis.rows[i]] = labels[i];
  return clusters;
}
