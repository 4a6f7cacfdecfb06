import type { DatasetSummary } from '../session/datasetSummary';
import type { RfmSettings } from '../rfm/rfm';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from './analysisOptions';

/**
 * Above this many rows the clustering starts with 3 restarts per k (the settings the million-row
 * benchmark uses): each restart is refined by the local search, and more would only slow the
 * page down. Small files, where restarts are cheap and local optima many, get 10.
 */
export const MANY_ROWS = 5_000;

/**
 * The silhouette costs the square of its sample. Below LARGE_FILE_ROWS the sample is 2,000 rows
 * (a silhouette within about 0.01 of the 5,000-row one) so that the page answers within a
 * second; above, the clustering dominates anyway and the sample is the full 5,000.
 */
export const LARGE_FILE_ROWS = 100_000;
export const QUICK_SILHOUETTE_SAMPLE = 2_000;

export type ClusterDefaults = Pick<AnalysisOptions, 'nInit' | 'silhouetteSample'>;

/**
 * Restarts and silhouette sample for clustering this many rows (customers, for RFM): the one
 * rule the page and the command line both follow, so that they recommend the same k.
 */
export function clusterDefaultsFor(rows: number): ClusterDefaults {
  return {
    nInit: rows > MANY_ROWS ? 3 : DEFAULT_ANALYSIS_OPTIONS.nInit,
    silhouetteSample:
      rows >= LARGE_FILE_ROWS ? DEFAULT_ANALYSIS_OPTIONS.silhouetteSample : QUICK_SILHOUETTE_SAMPLE,
  };
}

/**
 * The rows a clustering is expected to have before it runs: the file's rows, or, for RFM, the
 * distinct values of the customer column (the page chooses its options before RFM is computed).
 */
export function clusterRowsOf(dataset: DatasetSummary, rfm: RfmSettings | null): number {
  if (rfm === null) return dataset.rowCount;
  const column = dataset.columns.find((c) => c.name === rfm.mapping.customer);
  return column?.unique ?? dataset.rowCount;
}
