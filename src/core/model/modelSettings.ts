import type { AnalysisOptions } from '../analysis/analysisOptions';
import { firstPerColumn } from '../common/columnChoices';
import { HIERARCHY_DEFAULT_ROWS } from '../cluster/hierarchy/hierarchicalClustering';
import type { RfmSettings } from '../rfm/rfm';
import type { SegmentMap } from '../rfm/rfmSegments';
import type { ReadChoice } from '../session/datasetSummary';
import type { SegmentationRequest } from '../session/session';
import type { ModelFile, StoredMapping, StoredOptions, StoredRfmSettings } from './modelFile';

/** The analysis options as a model file stores them: per-column records as lists of pairs. */
export function storeOptions(options: AnalysisOptions): StoredOptions {
  const { clean } = options;
  return {
    kinds: options.kinds.map(({ column, kind }) => ({ column, kind })),
    features: options.features === null ? null : [...options.features],
    oneHot: [...options.oneHot],
    clean: {
      duplicates: clean.duplicates,
      missing: clean.missing,
      missingByColumn: clean.missingByColumn.map(({ column, strategy }) => ({ column, strategy })),
      missingConstant: clean.missingConstant,
      outliers: clean.outliers,
      outlierAction: clean.outlierAction,
      zThreshold: clean.zThreshold,
      iqrFactor: clean.iqrFactor,
      log1p: [...clean.log1p],
      padShortRows: clean.padShortRows,
      missingCodes: clean.missingCodes.map(({ column, value }) => ({ column, value })),
    },
    scale: options.scale,
    kMax: options.kMax,
    k: options.k,
    nInit: options.nInit,
    maxIter: options.maxIter,
    seed: options.seed,
    silhouetteSample: options.silhouetteSample,
    localSearch: options.localSearch,
    wording: options.wording.map(({ column, wording }) => ({ column, ...wording })),
    algorithm: options.algorithm,
    metric: options.metric,
    eps: options.eps,
    minPts: options.minPts,
    linkage: options.linkage,
    cutHeight: options.cutHeight,
    treeMaxRows: options.treeMaxRows,
    pcaComponents: options.pcaComponents,
  };
}

export function restoreOptions(stored: StoredOptions): AnalysisOptions {
  const { clean } = stored;
  return {
    kinds: firstPerColumn(stored.kinds).map(({ column, kind }) => ({ column, kind })),
    features: stored.features === null ? null : [...stored.features],
    oneHot: [...stored.oneHot],
    clean: {
      duplicates: clean.duplicates,
      missing: clean.missing,
      missingByColumn: firstPerColumn(clean.missingByColumn).map(({ column, strategy }) => ({
        column,
        strategy,
      })),
      missingConstant: clean.missingConstant,
      outliers: clean.outliers,
      outlierAction: clean.outlierAction,
      zThreshold: clean.zThreshold,
      iqrFactor: clean.iqrFactor,
      log1p: [...clean.log1p],
      padShortRows: clean.padShortRows,
      missingCodes: (clean.missingCodes ?? []).map(({ column, value }) => ({ column, value })),
    },
    scale: stored.scale,
    kMax: stored.kMax,
    k: stored.k,
    nInit: stored.nInit,
    maxIter: stored.maxIter,
    seed: stored.seed,
    silhouetteSample: stored.silhouetteSample,
    localSearch: stored.localSearch,
    wording: stored.wording.map(({ column, ...wording }) => ({ column, wording })),
    algorithm: stored.algorithm,
    metric: stored.metric,
    eps: stored.eps,
    minPts: stored.minPts,
    linkage: stored.linkage,
    cutHeight: stored.cutHeight,
    treeMaxRows: stored.treeMaxRows ?? HIERARCHY_DEFAULT_ROWS,
    pcaComponents: stored.pcaComponents,
  };
}

export function storeRfmSettings(settings: RfmSettings): StoredRfmSettings {
  return {
    mapping: storeMapping(settings.mapping),
    dateOrder: settings.dateOrder,
    snapshot: settings.snapshot,
  };
}

export function storeMapping(mapping: RfmSettings['mapping']): StoredMapping {
  return {
    customer: mapping.customer ?? '',
    date: mapping.date ?? '',
    order: mapping.order,
    quantity: mapping.amount === null ? mapping.quantity : null,
    price: mapping.amount === null ? mapping.price : null,
    amount: mapping.amount,
  };
}

export function restoreRfmSettings(stored: StoredRfmSettings): RfmSettings {
  return {
    mapping: { ...stored.mapping, item: null, description: null },
    dateOrder: stored.dateOrder,
    snapshot: stored.snapshot,
  };
}

/** What "Open a saved analysis" needs to run the same analysis again on its file. */
export interface RestoredAnalysis {
  read: ReadChoice;
  request: SegmentationRequest;
  k: number;
  /** The user's segment names (null: the analysis' label). */
  names: (string | null)[];
  /** RFM models: the named segments as the user left them. */
  rfmMap: SegmentMap | null;
}

export function restoreAnalysis(model: ModelFile): RestoredAnalysis {
  const { read } = model.source;
  return {
    read: { encoding: read.encoding, delimiter: read.delimiter, decimal: read.decimal },
    request: {
      options: restoreOptions(model.settings.options),
      rfm: model.settings.rfm === null ? null : restoreRfmSettings(model.settings.rfm),
    },
    k: model.settings.k,
    names: model.segments.map((segment) => segment.name),
    rfmMap:
      model.rfm === null
        ? null
        : {
            scheme: model.rfm.map.scheme,
            names: [...model.rfm.map.names],
            cells: [...model.rfm.map.cells],
          },
  };
}
