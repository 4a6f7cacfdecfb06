import type { AnalysisOptions, ClusteringAlgorithm } from '../analysis/analysisOptions';
import type { AnalysisResult, DensitySummary, HierarchySummary } from '../analysis/analysisResult';
import type { CleanReport, FeatureSource } from '../clean/cleanOptions';
import type { DistanceMetric } from '../cluster/distance';
import type { ElbowPoint, Recommendation } from '../cluster/quality/chooseK';
import { projectPca, projectRows } from '../features/pca';
import type { Profiles } from '../profile/profileTypes';
import { sampleForScatter } from '../profile/sampleForScatter';
import { columnIndex, type Table } from '../read/table';
import type { RfmResult } from '../rfm/rfm';
import { clusterCellCounts } from '../rfm/rfmClustering';
import type { Message } from '../common/message';
import type { SegmentScheme } from '../rfm/rfmSegments';
import type { SegmentLabels } from '../cluster/segmentLabels';

export interface ScatterAxis {
  id: string;
  label: string;
}

/** What the scatter needs for one k: a stratified sample of rows, on every axis. */
export interface ScatterData {
  /** Sampled rows' segments. */
  labels: SegmentLabels;
  /** For each axis, the sampled rows' coordinates (axis-major: axes x points). */
  coordinates: Float64Array;
  /** For each axis, each segment's centre (axes x k). */
  centres: Float64Array;
}

/** The segmentation into k segments, as the page shows it. */
export interface SegmentsAtK {
  k: number;
  sizes: number[];
  inertia: number;
  profiles: Profiles;
  scatter: ScatterData;
  /** RFM only: customers per (cluster, cell) of each scheme, for the cluster-by-segment table. */
  rfmCells: Record<SegmentScheme, number[]> | null;
}

/** A segmentation as the page receives it: every k's results, small enough to cross threads. */
export interface SegmentationView {
  features: FeatureSource[];
  cleaning: CleanReport;
  scaling: { method: string; warnings: Message[] };
  notes: Message[];
  pca: { ratios: number[]; cumulative: number[]; loadings: number[][]; featureNames: string[] };
  elbow: ElbowPoint[];
  /** Fewer rows than the largest k asked for: the range shrank (a warning for the page). */
  kRangeNote: Message | null;
  /** What is weak about the clustering, for the clustering summary (clusteringWarnings.ts). */
  clusterWarnings: Message[];
  silhouetteSampleSize: number;
  recommendation: Recommendation;
  k: number;
  analysedRows: number;
  axes: ScatterAxis[];
  perK: SegmentsAtK[];
  settings: { nInit: number; kMax: number; silhouetteSample: number; seed: number };
  algorithm: ClusteringAlgorithm;
  metric: DistanceMetric;
  density: DensitySummary | null;
  hierarchy: HierarchySummary | null;
}

/** The scree chart and its table show at most this many components. */
export const SCREE_COMPONENTS = 20;

/** The scatter never draws more points than this (a stratified sample of every segment). */
export const SCATTER_POINTS = 2000;

export function segmentationView(
  table: Table,
  analysis: AnalysisResult,
  options: AnalysisOptions,
  rfm: RfmResult | null,
): SegmentationView {
  const pcaDims = analysis.projectionDims;
  const d = analysis.pca.d;
  const shownComponents = Math.min(analysis.pca.count, SCREE_COMPONENTS);
  const axes: ScatterAxis[] = [
    ...Array.from({ length: pcaDims }, (_, c) => ({
      id: `pc${c + 1}`,
      label: `PC${c + 1} (${(analysis.pca.explainedVarianceRatio[c] * 100).toFixed(1)}%)`,
    })),
    ...analysis.profiledNumeric.map((name) => ({ id: `feature:${name}`, label: name })),
  ];
  const featureColumns = analysis.profiledNumeric.map(
    (name) => table.columns[columnIndex(table, name)].numbers,
  );
  // One scratch array for every k's sample (n indices each: 4 MB at a million rows).
  const scratch = new Int32Array(analysis.rows.length);
  const perK = analysis.results.map((result): SegmentsAtK => {
    const sample = sampleForScatter(result.labels, SCATTER_POINTS, options.seed, scratch);
    const m = sample.length;
    const labels = new Int32Array(m);
    const coordinates = new Float64Array(axes.length * m);
    const onComponents = projectRows(analysis.scaledMatrix, sample, analysis.pca, pcaDims);
    for (let s = 0; s < m; s++) {
      const r = sample[s];
      labels[s] = result.labels[r];
      for (let c = 0; c < pcaDims; c++) coordinates[c * m + s] = onComponents[s * pcaDims + c];
      featureColumns.forEach(
        (values, f) => (coordinates[(pcaDims + f) * m + s] = values[analysis.rows[r]]),
      );
    }
    const centres = new Float64Array(axes.length * result.k);
    const projected = projectPca(result.centroids, result.k, analysis.pca, pcaDims);
    for (let c = 0; c < result.k; c++) {
      for (let p = 0; p < pcaDims; p++) centres[p * result.k + c] = projected[c * pcaDims + p];
      const profile = result.profiles.segments.find((segment) => segment.id === c);
      analysis.profiledNumeric.forEach((name, f) => {
        centres[(pcaDims + f) * result.k + c] =
          profile?.features.find((x) => x.feature === name)?.mean ?? NaN;
      });
    }
    return {
      k: result.k,
      sizes: Array.from(result.sizes),
      inertia: result.inertia,
      profiles: result.profiles,
      scatter: { labels, coordinates, centres },
      rfmCells:
        rfm === null
          ? null
          : {
              'rf-grid': Array.from(
                clusterCellCounts(result.labels, analysis.rows, result.k, rfm, 'rf-grid'),
              ),
              'rfm-mean': Array.from(
                clusterCellCounts(result.labels, analysis.rows, result.k, rfm, 'rfm-mean'),
              ),
            },
    };
  });
  return {
    features: analysis.features,
    cleaning: analysis.cleaning,
    scaling: { method: analysis.scaling.method, warnings: analysis.scaling.warnings },
    notes: analysis.notes,
    pca: {
      ratios: Array.from(analysis.pca.explainedVarianceRatio.subarray(0, shownComponents)),
      cumulative: Array.from(analysis.pca.cumulativeRatio.subarray(0, shownComponents)),
      loadings: Array.from({ length: shownComponents }, (_, c) =>
        Array.from(analysis.pca.components.subarray(c * d, c * d + d)),
      ),
      featureNames: analysis.features.map((f) => f.name),
    },
    elbow: analysis.elbow,
    kRangeNote: analysis.kRangeNote,
    clusterWarnings: analysis.clusterWarnings,
    silhouetteSampleSize: analysis.silhouetteSampleSize,
    recommendation: analysis.recommendation,
    k: analysis.k,
    analysedRows: analysis.rows.length,
    axes,
    perK,
    settings: {
      nInit: options.nInit,
      kMax: options.kMax,
      silhouetteSample: options.silhouetteSample,
      seed: options.seed,
    },
    algorithm: analysis.algorithm,
    metric: analysis.metric,
    density: analysis.density,
    hierarchy: analysis.hierarchy,
  };
}

/** The arrays of a view, for transfer across threads (they move instead of being copied). */
export function segmentationViewBuffers(view: SegmentationView): ArrayBuffer[] {
  return view.perK.flatMap(
    (k) =>
      [
        k.scatter.labels.buffer,
        k.scatter.coordinates.buffer,
        k.scatter.centres.buffer,
      ] as ArrayBuffer[],
  );
}
