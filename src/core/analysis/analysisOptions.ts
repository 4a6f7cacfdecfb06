import { message, type Message } from '../common/message';
import { entriesByColumn } from '../common/columnChoices';
import type { ColumnWording } from '../profile/profileTypes';
import { DEFAULT_CLEANING, type Cleaning } from '../clean/cleanOptions';
import type { ColumnKind, ColumnSummary } from '../read/inferColumns';
import { KMEANS_DEFAULTS } from '../cluster/kmeans/kmeans';
import type { ScaleMethod } from '../features/scale';
import type { Linkage } from '../cluster/hierarchy/agglomerative';
import { HIERARCHY_DEFAULT_ROWS } from '../cluster/hierarchy/hierarchicalClustering';
import type { DistanceMetric } from '../cluster/distance';
import { DEFAULT_SILHOUETTE_SAMPLE } from '../cluster/quality/silhouette';

export interface AnalysisOptions {
  /** The user's corrections to the detected column kinds. */
  kinds: readonly KindChoice[];
  /** Numeric feature columns; null for every usable numeric column (not identifiers). */
  features: string[] | null;
  /** Categorical columns to one-hot encode into features. */
  oneHot: string[];
  clean: Cleaning;
  scale: ScaleMethod;
  /** The elbow runs k = 1..kMax. */
  kMax: number;
  /** The number of segments to show; null for the recommended one. */
  k: number | null;
  nInit: number;
  maxIter: number;
  seed: number;
  /** Rows in the silhouette sample (all rows when there are fewer). */
  silhouetteSample: number;
  /** Hartigan moves and centre swaps after Lloyd (see kmeans). */
  localSearch: boolean;
  /** Words for high and low values of features in segment labels (RFM: "Recent", "Lapsed"). */
  wording: ColumnWording[];
  algorithm: ClusteringAlgorithm;
  /** Distance for DBSCAN, hierarchical clustering and the silhouette (k-means is Euclidean). */
  metric: DistanceMetric;
  /** DBSCAN's neighbourhood radius; null for the knee of the k-distance plot. */
  eps: number | null;
  /** DBSCAN: rows within eps (the row itself included) that make a row a core row. */
  minPts: number;
  linkage: Linkage;
  /** Hierarchical: cut the tree at this height instead of into k segments; null for k. */
  cutHeight: number | null;
  /** Hierarchical: the most rows the merge tree is built on (a seeded sample above). */
  treeMaxRows: number;
  /**
   * What the clustering measures distances on: every feature ('all'), the first N principal
   * components, or 'auto' (every feature up to PCA_AUTO_FEATURES, else see clusterComponents).
   */
  pcaComponents: PcaComponents;
}

/** A column's kind as the user set it. */
export interface KindChoice {
  column: string;
  kind: ColumnKind;
}

export type PcaComponents = number | 'all' | 'auto';

export type ClusteringAlgorithm = 'kmeans' | 'dbscan' | 'hierarchical';
export const ALGORITHM_LABELS: Record<ClusteringAlgorithm, string> = {
  kmeans: 'k-means',
  dbscan: 'DBSCAN',
  hierarchical: 'Hierarchical',
};

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = {
  kinds: [],
  features: null,
  oneHot: [],
  clean: DEFAULT_CLEANING,
  scale: 'zscore',
  kMax: 10,
  k: null,
  nInit: KMEANS_DEFAULTS.nInit,
  maxIter: KMEANS_DEFAULTS.maxIter,
  seed: KMEANS_DEFAULTS.seed,
  silhouetteSample: DEFAULT_SILHOUETTE_SAMPLE,
  localSearch: true,
  wording: [],
  algorithm: 'kmeans',
  metric: 'euclidean',
  eps: null,
  // scikit-learn's default min_samples.
  minPts: 5,
  linkage: 'ward',
  cutHeight: null,
  treeMaxRows: HIERARCHY_DEFAULT_ROWS,
  pcaComponents: 'auto',
};

/** The kinds after the user's corrections. */
export function effectiveKinds(
  columns: readonly ColumnSummary[],
  overrides: readonly KindChoice[],
): ColumnKind[] {
  const chosen = entriesByColumn(overrides);
  return columns.map((column) => chosen.get(column.name)?.kind ?? column.kind);
}

/**
 * Numeric columns that are features by default: numeric, some values, not all the same, and not
 * named like a target or a model's output (clustering on `Churn` finds churn, not segments). The
 * one rule the page's ticks, the command line and the predict panel start from.
 */
export function defaultFeatures(
  columns: readonly ColumnSummary[],
  kinds: readonly ColumnKind[],
): string[] {
  return columns
    .filter(
      (column, j) =>
        kinds[j] === 'numeric' &&
        column.min !== null &&
        column.min !== column.max &&
        !column.likelyTarget,
    )
    .map((column) => column.name);
}

/** An identifier or a likely target that is not among the features, and why. */
export interface LeftOutColumn {
  name: string;
  kind: ColumnKind;
  likelyTarget: boolean;
  reason: Message;
}

/** A column of mostly numbers read as text (its note says how many cells are not numbers). */
function mostlyNumbersAsText(column: ColumnSummary, kind: ColumnKind): boolean {
  return kind === column.kind && column.note?.key === 'kindMostlyNumbers';
}

/**
 * The identifiers, the columns named like a target or a model output, and the columns of mostly
 * numbers read as text that the analysis does not cluster on, with the reason the Columns table
 * shows: what the command line and the report list.
 */
export function identifiersAndTargetsLeftOut(
  columns: readonly ColumnSummary[],
  kinds: readonly ColumnKind[],
  features: readonly string[],
): LeftOutColumn[] {
  const used = new Set(features);
  return columns.flatMap((column, j) =>
    (kinds[j] === 'identifier' || column.likelyTarget || mostlyNumbersAsText(column, kinds[j])) &&
    !used.has(column.name)
      ? [
          {
            name: column.name,
            kind: kinds[j],
            likelyTarget: column.likelyTarget,
            reason:
              column.note !== null && (column.kind === kinds[j] || column.likelyTarget)
                ? column.note
                : message('leftOutIdentifierKind'),
          },
        ]
      : [],
  );
}
