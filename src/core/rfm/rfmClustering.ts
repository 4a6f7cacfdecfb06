import type { FeatureWording } from '../profile/segmentLabels';
import { DEFAULT_CLEANING } from '../clean/cleanOptions';
import type { AnalysisOptions } from '../analysis/analysisOptions';
import { resultFor, type AnalysisResult } from '../analysis/analysisResult';
import { csvField } from '../export/exportCsv';
import type { RfmResult } from './rfm';
import { cellIndex, GRID_CELLS } from './rfmSegments';
import type { Column, Table } from '../read/table';

/** The per-customer table that clustering on RFM runs on: one row per customer. */
export const RFM_COLUMNS = { customer: 'customer', r: 'recency', f: 'frequency', m: 'monetary' };

/**
 * Clustering on RFM as the RFM issue defines it: log1p of frequency and monetary, then the
 * z-score; the customer id is an identifier; no row is dropped (two customers with the same
 * figures are two customers, and a big spender is the point, not an outlier to clip).
 */
export function rfmAnalysisOptions(base: AnalysisOptions): AnalysisOptions {
  return {
    ...base,
    kinds: { [RFM_COLUMNS.customer]: 'identifier' },
    features: [RFM_COLUMNS.r, RFM_COLUMNS.f, RFM_COLUMNS.m],
    oneHot: [],
    clean: {
      ...DEFAULT_CLEANING,
      duplicates: 'keep',
      outliers: 'none',
      log1p: [RFM_COLUMNS.f, RFM_COLUMNS.m],
    },
    scale: 'zscore',
    wording: RFM_WORDING,
    // Clusters on RFM are k-means: the cross-table with the named segments has no noise row.
    algorithm: 'kmeans',
    metric: 'euclidean',
  };
}

/** "High recency" would mean long ago: cluster labels speak of customers instead. */
export const RFM_WORDING: Record<string, FeatureWording> = {
  [RFM_COLUMNS.r]: {
    high: 'Lapsed',
    low: 'Recent',
    slightlyHigh: 'Fairly lapsed',
    slightlyLow: 'Fairly recent',
  },
  [RFM_COLUMNS.f]: {
    high: 'Frequent',
    low: 'Rare',
    slightlyHigh: 'Fairly frequent',
    slightlyLow: 'Fairly rare',
  },
  [RFM_COLUMNS.m]: {
    high: 'High spend',
    low: 'Low spend',
    slightlyHigh: 'Above-average spend',
    slightlyLow: 'Below-average spend',
  },
};

/**
 * The customers as a Table, so that the whole customer-file analysis (cleaning, scaling, PCA,
 * k-means, silhouette, profiles) runs on RFM unchanged. Its text is the CSV it stands for.
 */
export function rfmTable(rfm: RfmResult): Table {
  const c = rfm.customers.length;
  const lines: string[] = [];
  const start = new Uint32Array(c);
  const end = new Uint32Array(c);
  const line = new Uint32Array(c);
  let offset = 0;
  for (let i = 0; i < c; i++) {
    const text = `${csvField(rfm.customers[i])},${rfm.recency[i]},${rfm.frequency[i]},${rfm.monetary[i]}\n`;
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
    rowText: { chunks: [lines.join('')], chunkFirstRow: [0, c], start, end, line },
    dialect: { delimiter: ',', decimal: '.', hasHeader: true },
    encoding: 'utf-8',
    encodingReason: 'made from the RFM table',
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
  labels: Int32Array,
  rows: Int32Array,
  k: number,
  rfm: Pick<RfmResult, 'r' | 'f'>,
): Int32Array {
  const counts = new Int32Array(k * GRID_CELLS);
  for (let i = 0; i < labels.length; i++) {
    const customer = rows[i];
    if (labels[i] >= 0)
      counts[labels[i] * GRID_CELLS + cellIndex(rfm.r[customer], rfm.f[customer])]++;
  }
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
