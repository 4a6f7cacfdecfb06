import { prepareProfiles } from '../profile/profileContext';
import type { AnalysisOptions } from '../analysis/analysisOptions';
import type { AnalysisResult } from '../analysis/analysisResult';
import type { PipelineProgress } from '../common/progress';
import { UserError } from '../common/userError';
import {
  runClusterJob,
  type ClusterData,
  type ClusterExecutor,
  type ClusterOutcome,
  type KmeansSettings,
} from '../cluster/clusterJob';
import type { Clustering } from '../cluster/clustering';
import { compareLabellings, type AlgorithmComparison } from '../cluster/compareAlgorithms';
import { densityClusters, type DensityClustering } from '../cluster/density/densityClustering';
import { densitySegmentation } from '../cluster/density/densitySegmentation';
import { metricMessage } from '../cluster/distance';
import {
  checkTreeRows,
  fitHierarchy,
  fitAsAsked,
  hierarchyLabels,
  treeDependsOn,
  type HierarchyFit,
} from '../cluster/hierarchy/hierarchicalClustering';
import { hierarchySegmentation } from '../cluster/hierarchy/hierarchySegmentation';
import { kmeansElbow } from '../cluster/kmeans/kmeansElbow';
import type { ElbowPoint } from '../cluster/quality/chooseK';
import { SilhouetteSample } from '../cluster/quality/silhouette';
import { releaseReusableArrays } from '../common/reusableArrays';
import { fitPca, projectPca, type PcaResult } from '../features/pca';
import { clusterComponents, type ComponentChoice } from '../features/pcaComponents';
import {
  featureChoiceOf,
  prepareFeatures,
  type PreparedFeatures,
} from '../features/prepareFeatures';
import type { ColumnSummary } from '../read/inferColumns';
import type { Table } from '../read/table';
import { StageCache, stageKey } from './stageCache';
import { message, type Message } from '../common/message';
import { densityWarnings, elbowWarnings } from '../cluster/quality/clusteringWarnings';
import { shareableFloat64Array } from '../common/sharedArrays';

/** The cleaned and scaled features of a table, with what every clustering of them shares. */
export interface FeatureStage {
  key: string;
  prepared: PreparedFeatures;
  pca: PcaResult;
  /** Components the scatter shows: min(3, d, the components PCA found). */
  projectionDims: number;
  /** Numeric columns described in the profiles, and categorical ones whose top value is shown. */
  profiledNumeric: string[];
  profiledCategorical: string[];
  data: ClusterData;
  /** The principal components clustered on; null for every feature. */
  components: ComponentChoice | null;
}

export interface SegmentationHooks {
  onProgress?: PipelineProgress;
  /** Each k's point as soon as its clustering is done, so the elbow curve can fill in. */
  onElbowPoint?: (point: ElbowPoint) => void;
}

/**
 * Everything derived from one table (the file's rows, or the RFM customers), each stage
 * computed once for the options that decide it: the features, the silhouette sample, k-means
 * for each k, the merge tree, DBSCAN, and the whole segmentation. A change of algorithm or of
 * k reuses the features; the comparison reuses the segmentation's k-means.
 */
export class TableAnalysis {
  private readonly featureStages = new StageCache<FeatureStage>(1);
  private readonly silhouettes = new StageCache<SilhouetteSample | null>(1);
  private readonly kmeansRuns = new StageCache<Map<number, ClusterOutcome>>(1);
  private readonly trees = new StageCache<HierarchyFit>(1);
  private readonly densities = new StageCache<DensityClustering>(1);
  private readonly segmentations = new StageCache<AnalysisResult>(1);

  constructor(
    readonly table: Table,
    /** Column kinds already inferred (the file's, when it was read); null to infer them. */
    private readonly columns: ColumnSummary[] | null,
    /** Where k-means jobs run (default: one after another on this thread). */
    private readonly executor: () => ClusterExecutor | undefined = () => undefined,
  ) {}

  /** The analysis of these options, if it is the last one made. */
  known(options: AnalysisOptions): AnalysisResult | undefined {
    return this.segmentations.get(stageKey(options));
  }

  features(options: AnalysisOptions, onProgress?: PipelineProgress): FeatureStage {
    const choice = featureChoiceOf(options);
    const key = stageKey(choice, options.wording, options.pcaComponents);
    return this.featureStages.obtain(key, () => {
      // A new feature matrix makes every clustering of the old one obsolete.
      this.silhouettes.clear();
      this.kmeansRuns.clear();
      this.trees.clear();
      this.densities.clear();
      this.segmentations.clear();
      const prepared = prepareFeatures(this.table, choice, onProgress, this.columns ?? undefined);
      const { scaled, features, n, d, cleaned, columns, kinds } = prepared;
      const pca = fitPca(scaled.matrix, n, d, (f) => onProgress?.('pca', f));
      // The scatter's axes: no more components than PCA found.
      const projectionDims = Math.min(3, d, pca.count);
      const profiledNumeric = [
        ...new Set(features.filter((f) => f.transform !== 'onehot').map((f) => f.column)),
      ];
      const profiledCategorical = columns
        .filter((_, j) => kinds[j] === 'categorical')
        .map((c) => c.name);
      const components = clusterComponents(pca, options.pcaComponents);
      const data: ClusterData = {
        ...(components === null
          ? { matrix: scaled.matrix, d, basis: null }
          : {
              matrix: projectPca(
                scaled.matrix,
                n,
                pca,
                components.count,
                shareableFloat64Array(n * Math.min(components.count, pca.count)),
              ),
              d: components.count,
              basis: {
                count: components.count,
                components: pca.components.slice(0, components.count * d),
                mean: pca.mean,
                featureCount: d,
              },
            }),
        n,
        center: scaled.center,
        scale: scaled.scale,
        transforms: features.map((f) => f.transform),
        profile: prepareProfiles({
          table: this.table,
          rows: cleaned.rows,
          numeric: profiledNumeric,
          categorical: profiledCategorical,
          wording: options.wording,
          // Every 0/1 column, clustered on or not (a Churn flag is what a marketer looks for).
          flags: columns.filter((_, j) => kinds[j] === 'numeric').map((c) => c.name),
        }),
      };
      return {
        key,
        prepared,
        pca,
        projectionDims,
        profiledNumeric,
        profiledCategorical,
        data,
        components,
      };
    });
  }

  /** The silhouette sample of these features under the options' distance, size and seed. */
  private silhouette(
    stage: FeatureStage,
    options: AnalysisOptions,
    onProgress?: PipelineProgress,
  ): SilhouetteSample | null {
    const { matrix, n, d } = stage.data;
    const key = stageKey(stage.key, options.silhouetteSample, options.seed, options.metric);
    return this.silhouettes.obtain(key, () =>
      n >= 3
        ? new SilhouetteSample(
            matrix,
            n,
            d,
            options.silhouetteSample,
            options.seed,
            (f) => onProgress?.('silhouette', f),
            options.metric,
          )
        : null,
    );
  }

  private kmeansOutcomes(stage: FeatureStage, settings: KmeansSettings) {
    return this.kmeansRuns.obtain(stageKey(stage.key, settings), () => new Map());
  }

  private tree(stage: FeatureStage, options: AnalysisOptions, onProgress?: PipelineProgress) {
    const { matrix, n, d } = stage.data;
    const { linkage, metric, seed, treeMaxRows } = options;
    checkTreeRows(treeMaxRows);
    const fit = this.trees.obtain(
      stageKey(stage.key, ...treeDependsOn(n, linkage, metric, seed, treeMaxRows)),
      () =>
        fitHierarchy(
          matrix,
          n,
          d,
          linkage,
          metric,
          seed,
          (f) => onProgress?.('cluster', 0.8 * f),
          treeMaxRows,
        ),
    );
    return fitAsAsked(fit, metric, treeMaxRows);
  }

  private density(stage: FeatureStage, options: AnalysisOptions, onProgress?: PipelineProgress) {
    const { matrix, n, d } = stage.data;
    const settings = {
      eps: options.eps,
      minPts: options.minPts,
      metric: options.metric,
      seed: options.seed,
    };
    return this.densities.obtain(stageKey(stage.key, settings), () =>
      densityClusters(matrix, n, d, settings, (f) => onProgress?.('cluster', f)),
    );
  }

  /**
   * The segmentation: features, then k-means for every k of the elbow with its quality indices
   * and the recommended k (or DBSCAN, or one merge tree cut for every k), and profiles for every
   * k (so that changing k on the page is instant).
   */
  async segment(options: AnalysisOptions, hooks: SegmentationHooks = {}): Promise<AnalysisResult> {
    const key = stageKey(options);
    const known = this.segmentations.get(key);
    if (known) {
      for (const point of known.elbow) hooks.onElbowPoint?.(point);
      return known;
    }
    const { onProgress } = hooks;
    const stage = this.features(options, onProgress);
    const { prepared, data } = stage;
    const { n } = prepared;
    if (options.k !== null && options.k > n) {
      throw new UserError('too-few-rows', 'tooFewRowsForK', { rows: n, k: options.k });
    }
    const notes = [...prepared.notes];
    if (stage.components !== null)
      notes.push(
        message('clusteredOnComponents', {
          count: stage.components.count,
          features: prepared.d,
          share: stage.components.share,
          auto: options.pcaComponents === 'auto' ? 'yes' : 'no',
        }),
      );
    const kMax = Math.max(1, Math.min(options.kMax, n));
    const kRangeNote = kMax < options.kMax ? message('kRangeShrank', { rows: n, kMax }) : null;
    if (kRangeNote) notes.push(kRangeNote);
    const silhouette = () => this.silhouette(stage, options, onProgress);
    let clustering: Clustering;
    if (options.algorithm === 'dbscan') {
      clustering = densitySegmentation({
        data,
        found: this.density(stage, options, onProgress),
        silhouette,
        onProgress,
      });
    } else if (options.algorithm === 'hierarchical') {
      clustering = hierarchySegmentation({
        data,
        fit: this.tree(stage, options, onProgress),
        kMax,
        cutHeight: options.cutHeight,
        silhouette,
        onElbowPoint: hooks.onElbowPoint,
        onProgress,
      });
    } else {
      const settings = kmeansSettingsOf(options);
      clustering = await kmeansElbow({
        data,
        settings,
        kMax,
        known: this.kmeansOutcomes(stage, settings),
        silhouette,
        executor: this.executor(),
        onElbowPoint: hooks.onElbowPoint,
        onProgress,
      });
    }
    // Per-k scratch arrays are not needed until the next clustering.
    releaseReusableArrays();
    notes.push(...clustering.notes);
    const clusterWarnings = warningsOf(clustering, options, kMax, kRangeNote !== null, n);
    onProgress?.('profile', 1);
    const { cleaned, scaled, features, columns } = prepared;
    const result: AnalysisResult = {
      columns,
      features,
      profiledNumeric: stage.profiledNumeric,
      profiledCategorical: stage.profiledCategorical,
      rows: cleaned.rows,
      dropReason: cleaned.dropReason,
      dropDetail: cleaned.dropDetail,
      cleaning: cleaned.report,
      scaling: {
        method: scaled.method,
        mean: scaled.mean,
        std: scaled.std,
        center: scaled.center,
        scale: scaled.scale,
        warnings: scaled.warnings,
      },
      pca: stage.pca,
      scaledMatrix: scaled.matrix,
      projectionDims: stage.projectionDims,
      elbow: clustering.elbow,
      kRangeNote,
      silhouetteSampleSize: this.silhouette(stage, options)?.size ?? 0,
      recommendation: clustering.recommendation,
      clusterWarnings,
      k: clustering.k ?? options.k ?? clustering.recommendation.k,
      algorithm: options.algorithm,
      metric: options.metric,
      density: clustering.density,
      pointKinds: clustering.pointKinds,
      hierarchy: clustering.hierarchy,
      results: clustering.results,
      notes: [...this.table.notes, ...notes, ...scaled.warnings],
    };
    return this.segmentations.set(key, result);
  }

  /**
   * k-means, hierarchical and DBSCAN side by side on the rows and options of a segmentation
   * (k segments for the first two; DBSCAN with its eps, the suggested one when none is set).
   * Whatever the segmentation already computed (the features, k-means at k, the tree, DBSCAN,
   * the silhouette sample) is reused.
   */
  compare(options: AnalysisOptions, k: number, onProgress?: PipelineProgress): AlgorithmComparison {
    const stage = this.features(options, onProgress);
    const { matrix, n, d } = stage.data;
    const segments = Math.max(1, Math.min(k, n));
    const report =
      (from: number, to: number): PipelineProgress =>
      (name, f) =>
        onProgress?.(name, from + (to - from) * f);
    const settings = kmeansSettingsOf(options);
    const outcomes = this.kmeansOutcomes(stage, settings);
    let kmeansOutcome = outcomes.get(segments);
    if (kmeansOutcome === undefined) {
      kmeansOutcome = runClusterJob(stage.data, segments, settings, (f) =>
        onProgress?.('cluster', 0.3 * f),
      );
      outcomes.set(segments, kmeansOutcome);
    }
    const fit = this.tree(stage, options, report(0.3, 0.6));
    const hierarchical = hierarchyLabels(fit, matrix, n, d, segments);
    const found = this.density(stage, options, report(0.6, 0.9));
    const silhouette =
      this.silhouette(stage, options, onProgress) ??
      new SilhouetteSample(matrix, n, d, options.silhouetteSample, options.seed);
    const comparison = compareLabellings(
      matrix,
      n,
      d,
      [
        {
          algorithm: 'kmeans',
          settings: message('compareKmeans', { k: segments, nInit: options.nInit }),
          labels: kmeansOutcome.labels,
          clusters: segments,
        },
        {
          algorithm: 'hierarchical',
          settings: hierarchySettings(fit, options, segments),
          labels: hierarchical,
          clusters: segments,
        },
        {
          algorithm: 'dbscan',
          settings: message(options.eps === null ? 'compareDbscanSuggested' : 'compareDbscan', {
            eps: found.eps,
            minPts: found.minPts,
            metric: metricMessage(options.metric),
          }),
          labels: found.labels,
          clusters: found.clusters,
        },
      ],
      silhouette,
      options.metric,
    );
    releaseReusableArrays();
    onProgress?.('profile', 1);
    return comparison;
  }
}

export function kmeansSettingsOf(options: AnalysisOptions): KmeansSettings {
  return {
    nInit: options.nInit,
    maxIter: options.maxIter,
    seed: options.seed,
    localSearch: options.localSearch,
  };
}

function hierarchySettings(fit: HierarchyFit, options: AnalysisOptions, k: number): Message {
  const settings = message(
    fit.metric !== options.metric ? 'compareHierarchyWard' : 'compareHierarchy',
    { linkage: fit.linkage, metric: metricMessage(fit.metric), k },
  );
  return fit.sampled
    ? message('compareHierarchySampled', { settings, rows: fit.rows.length })
    : settings;
}

/**
 * What is weak about a clustering: DBSCAN's result (judged on its one point), or an elbow's
 * recommendation (a tree cut at a typed height has no range to widen).
 */
function warningsOf(
  clustering: Clustering,
  options: AnalysisOptions,
  kMax: number,
  rangeShrank: boolean,
  rows: number,
): Message[] {
  const density = clustering.density;
  if (density !== null)
    return densityWarnings({
      eps: density.eps,
      suggested: options.eps === null,
      minPts: density.minPts,
      clusters: density.clusters,
      noise: density.noise,
      rows,
      silhouette: clustering.elbow[0]?.silhouette ?? null,
    });
  const cutAtHeight = options.algorithm === 'hierarchical' && options.cutHeight !== null;
  return elbowWarnings(
    clustering.elbow,
    clustering.recommendation,
    kMax,
    rangeShrank || cutAtHeight,
  );
}
