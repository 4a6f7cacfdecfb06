import type { ClusterData, ComponentBasis } from '../cluster/clusterJob';
import { effectiveKinds, type AnalysisOptions } from '../analysis/analysisOptions';
import { resultFor, type AnalysisResult, type KResult } from '../analysis/analysisResult';
import {
  DROPPED_OUTLIER,
  KEPT,
  missingStrategies,
  type CleanResult,
  type MissingStrategy,
} from '../clean/cleanOptions';
import { numbersWithoutCodes, strategyFill } from '../clean/missingValues';
import { POINT_CORE } from '../cluster/density/densityClustering';
import { treeMetric } from '../cluster/hierarchy/hierarchicalClustering';
import { UserError } from '../common/userError';
import type { PreparedFeatures } from '../features/prepareFeatures';
import { requireColumn, type Table } from '../read/table';
import type { RfmResult, RfmSettings } from '../rfm/rfm';
import { defaultSegmentMap, type SegmentMap } from '../rfm/rfmSegments';
import type { AnalysisSession, SegmentationRequest } from '../session/session';
import { APP_VERSION } from './appVersion';
import {
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  PRIVACY_NOTE_CORE_ROWS,
  PRIVACY_NOTE_NONE,
  type ModelClustering,
  type ModelColumn,
  type ModelFile,
  type ModelSegment,
  type NumericStep,
  type OneHotStep,
  type Preparation,
  type RfmModel,
} from './modelFile';
import { storeMapping, storeOptions, storeRfmSettings } from './modelSettings';
import { meanOf, scoreCuts } from './rfmCuts';

export interface SaveModelOptions {
  /** RFM models: the named segments as the user left them (default: the R-by-F grid's ten). */
  rfmMap?: SegmentMap;
  /** When it is saved (ms, UTC); now by default. */
  savedAt?: number;
}

/**
 * The model file of a segmentation into k segments: the settings, every cleaning step as
 * fitted, the scaling, the clustering's centres (DBSCAN: its core rows), the segments with
 * their labels and the user's names (`names[s]`, null for the label), and for a segmentation
 * of RFM customers the RFM rules too.
 */
export async function saveModel(
  session: AnalysisSession,
  request: SegmentationRequest,
  k: number,
  names: readonly (string | null)[],
  options: SaveModelOptions = {},
): Promise<ModelFile> {
  const analysis = await session.segmentation(request);
  const result = resultFor(analysis, k);
  if (result === null) throw new UserError('bad-option', 'exportNoSegmentation', { k });
  const { options: used, stage } = session.featureStage(request);
  const { prepared } = stage;
  const { basis } = stage.data;
  const preparation = {
    ...preparationOf(featureTable(session, request), prepared, used),
    pca:
      basis === null
        ? null
        : {
            count: basis.count,
            components: Array.from(basis.components),
            mean: Array.from(basis.mean),
          },
  };
  const clustering = clusteringOf(analysis, result, used, stage.data, (centres) =>
    Array.from(inClusterSpace(centres, result.k, basis)),
  );
  const rfm = request.rfm === null ? null : rfmModelOf(session, request.rfm, options.rfmMap);
  const cores = clustering.algorithm === 'dbscan' ? clustering.coreSegments.length : 0;
  const { table } = session;
  return {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    appVersion: APP_VERSION,
    savedAt: options.savedAt ?? Date.now(),
    privacy: { customerRows: cores, note: cores > 0 ? PRIVACY_NOTE_CORE_ROWS : PRIVACY_NOTE_NONE },
    source: {
      // The file's name, without the folders it was read from.
      fileName: session.fileName.replace(/^.*[\\/]/, ''),
      rows: table.rowCount,
      read: {
        encoding: table.encoding,
        delimiter: table.dialect.delimiter,
        decimal: table.dialect.decimal,
        hasHeader: table.dialect.hasHeader,
      },
    },
    columns: modelColumns(session, request, preparation),
    settings: {
      options: storeOptions(request.options),
      rfm: request.rfm === null ? null : storeRfmSettings(request.rfm),
      k,
    },
    rfm,
    preparation,
    clustering,
    segments: segmentsOf(result, prepared.n, names),
  };
}

/** The table the segmentation's rows come from (the file, or the RFM customers). */
function featureTable(session: AnalysisSession, request: SegmentationRequest): Table {
  return session.featureStage(request).table;
}

function preparationOf(
  table: Table,
  prepared: PreparedFeatures,
  options: AnalysisOptions,
): Preparation {
  const { cleaned, scaled } = prepared;
  const { clean } = options;
  const strategyOf = missingStrategies(clean);
  // The rows kept when the fills were computed: every row analysed or later set aside as an outlier.
  const reasonAtFill = Uint8Array.from(cleaned.dropReason, (r) =>
    r === DROPPED_OUTLIER ? KEPT : r,
  );
  const numeric = cleaned.fitted.map((fitted): NumericStep => {
    const strategy = strategyOf(fitted.name);
    let fill: number | null = null;
    if (strategy !== 'drop') {
      fill = Number.isNaN(fitted.fill)
        ? strategyFill(
            numbersWithoutCodes(
              table.columns[requireColumn(table, fitted.name, 'bad-option')].numbers,
              fitted.missingCodes,
            ),
            reasonAtFill,
            strategy,
            clean.missingConstant,
          )
        : fitted.fill;
      if (!Number.isFinite(fill))
        throw new UserError('bad-model', 'modelNoFill', { column: fitted.name });
    }
    const dropping =
      clean.outliers !== 'none' &&
      clean.outlierAction === 'drop' &&
      fitted.outlierLow <= fitted.outlierHigh;
    return {
      column: fitted.name,
      fill,
      log1p: fitted.log,
      clip: Number.isFinite(fitted.low) ? [fitted.low, fitted.high] : null,
      dropOutside: dropping ? [fitted.outlierLow, fitted.outlierHigh] : null,
      ...(fitted.missingCodes.length > 0 ? { missingCodes: [...fitted.missingCodes] } : {}),
    };
  });
  return {
    padShortRows: clean.padShortRows,
    duplicates: clean.duplicates,
    numeric,
    oneHot: oneHotSteps(cleaned, strategyOf),
    kept: Array.from(scaled.kept),
    featureNames: prepared.features.map((f) => f.name),
    scale: {
      method: scaled.method,
      center: Array.from(scaled.center),
      scale: Array.from(scaled.scale),
      mean: Array.from(scaled.mean),
      std: Array.from(scaled.std),
    },
    // Set by saveModel when the clustering ran on principal components.
    pca: null,
  };
}

/**
 * Each one-hot column's categories (in feature order) and what a missing cell becomes: the most
 * frequent category, or "(missing)" with the constant strategy (no feature when the saved file
 * had no such category), or a row set aside with the "drop" policy.
 */
function oneHotSteps(
  cleaned: CleanResult,
  strategyOf: (name: string) => MissingStrategy,
): OneHotStep[] {
  const steps: OneHotStep[] = [];
  for (const feature of cleaned.features) {
    if (feature.transform !== 'onehot') continue;
    let step = steps.at(-1);
    if (step === undefined || step.column !== feature.column) {
      step = { column: feature.column, categories: [], fill: null };
      steps.push(step);
    }
    step.categories.push(feature.category ?? '');
  }
  for (const step of steps) {
    const strategy = strategyOf(step.column);
    step.fill =
      strategy === 'drop'
        ? null
        : strategy === 'constant'
          ? step.categories.indexOf('(missing)')
          : step.categories.length > 0
            ? 0
            : -1;
  }
  return steps;
}

/**
 * Centres in the space the clustering measured distances in: the scaled features, or their first
 * principal components (the outcome gives centroids back in feature space; see ClusterData).
 */
function inClusterSpace(
  centres: Float64Array,
  k: number,
  basis: ComponentBasis | null,
): Float64Array {
  if (basis === null) return centres;
  const { count, components, mean, featureCount: d } = basis;
  const projected = new Float64Array(k * count);
  for (let c = 0; c < k; c++)
    for (let p = 0; p < count; p++) {
      let sum = 0;
      for (let j = 0; j < d; j++) sum += (centres[c * d + j] - mean[j]) * components[p * d + j];
      projected[c * count + p] = sum;
    }
  return projected;
}

function clusteringOf(
  analysis: AnalysisResult,
  result: KResult,
  options: AnalysisOptions,
  data: ClusterData,
  centresOf: (centres: Float64Array) => number[],
): ModelClustering {
  const { matrix, d } = data;
  if (analysis.algorithm === 'hierarchical')
    return {
      algorithm: 'hierarchical',
      linkage: options.linkage,
      metric: treeMetric(options.linkage, options.metric),
      centres: centresOf(result.centroids),
    };
  if (analysis.algorithm === 'dbscan') {
    const kinds = analysis.pointKinds!;
    const { labels } = result;
    // Clusters in the order DBSCAN found them: by their first core row.
    const first = new Int32Array(result.k).fill(-1);
    const cores: number[] = [];
    for (let r = 0; r < labels.length; r++) {
      if (kinds[r] !== POINT_CORE) continue;
      cores.push(r);
      if (first[labels[r]] === -1) first[labels[r]] = r;
    }
    cores.sort((a, b) => first[labels[a]] - first[labels[b]] || a - b);
    const values: number[] = [];
    for (const r of cores) for (let j = 0; j < d; j++) values.push(matrix[r * d + j]);
    let noise = 0;
    for (let r = 0; r < labels.length; r++) if (labels[r] < 0) noise++;
    return {
      algorithm: 'dbscan',
      metric: options.metric,
      eps: analysis.density!.eps,
      minPts: analysis.density!.minPts,
      noise,
      cores: values,
      coreSegments: cores.map((r) => labels[r]),
    };
  }
  return { algorithm: 'kmeans', metric: 'euclidean', centres: centresOf(result.centroids) };
}

function segmentsOf(
  result: KResult,
  analysed: number,
  names: readonly (string | null)[],
): ModelSegment[] {
  const labels = new Map(result.profiles.segments.map((s) => [s.id, s.label]));
  return Array.from({ length: result.k }, (_, id) => {
    const name = names[id]?.trim() ?? '';
    return {
      id,
      size: result.sizes[id],
      share: analysed > 0 ? result.sizes[id] / analysed : 0,
      label: labels.get(id)!,
      name: name.length > 0 ? name : null,
    };
  });
}

function rfmModelOf(
  session: AnalysisSession,
  settings: RfmSettings,
  map: SegmentMap = defaultSegmentMap('rf-grid'),
): RfmModel {
  const { rfm } = session.linesAndRfm(settings);
  // The model scores new files against money cut points and means: without money it has none.
  if (!rfm.hasMoney) throw new UserError('bad-mapping', 'rfmModelNeedsMoney');
  return {
    mapping: storeMapping(settings.mapping),
    dateOrder: rfm.dateOrder,
    snapshot:
      settings.snapshot === null
        ? { rule: 'after-last-order' }
        : { rule: 'fixed', at: settings.snapshot },
    ...(settings.cancellations === 'off' ? { cancellations: 'off' as const } : {}),
    customers: rfm.customers.length,
    cuts: {
      recency: scoreCuts(rfm.recency, false),
      frequency: scoreCuts(rfm.frequency, true),
      monetary: scoreCuts(rfm.monetary, true),
    },
    means: {
      recency: meanOf(rfm.recency),
      frequency: meanOf(rfm.frequency),
      monetary: meanOf(rfm.monetary),
    },
    map: {
      scheme: map.scheme,
      names: [...map.names],
      cells: [...map.cells],
      sizes: namedSizes(rfm, map),
    },
  };
}

function namedSizes(rfm: RfmResult, map: SegmentMap): number[] {
  const sizes = new Array<number>(map.names.length).fill(0);
  for (const cell of rfm.cells[map.scheme]) sizes[map.cells[cell]]++;
  return sizes;
}

/** The file's columns the model reads, with the kinds the analysis used. */
function modelColumns(
  session: AnalysisSession,
  request: SegmentationRequest,
  preparation: Preparation,
): ModelColumn[] {
  const kinds = effectiveKinds(session.columns, request.options.kinds);
  const names =
    request.rfm === null
      ? [...preparation.numeric.map((s) => s.column), ...preparation.oneHot.map((s) => s.column)]
      : Object.values(storeMapping(request.rfm.mapping)).filter((n): n is string => n !== null);
  return names.map((name) => {
    const j = session.columns.findIndex((c) => c.name === name);
    return { name, kind: kinds[j] };
  });
}
