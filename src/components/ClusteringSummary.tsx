import { useTranslation } from 'react-i18next';
import type { ClusteringAlgorithm } from '../core/analysis/analysisOptions';
import type { Linkage } from '../core/cluster/hierarchy/agglomerative';
import { useStore } from '../store/useStore';
import {
  DBSCAN_MAX_ROWS,
  HIERARCHY_FEWEST_ROWS,
  HIERARCHY_MOST_ROWS,
  treeMatrixMegabytes,
} from '../store/vocabulary';
import { METRIC_NAMES } from './clusteringNames';
import { useRenderNode, type UiKey } from './richText';

/** A linkage as a sentence names it ("average linkage", "平均连接"). */
export const LINKAGE_NAMES = {
  ward: 'ui.clustering.linkageName.ward',
  complete: 'ui.clustering.linkageName.complete',
  average: 'ui.clustering.linkageName.average',
  single: 'ui.clustering.linkageName.single',
} as const satisfies Record<Linkage, UiKey>;

/** The clustering settings in a sentence or two, with the row limits that apply to this file. */
export function ClusteringSummary({ algorithm }: { algorithm: ClusteringAlgorithm }) {
  const { t } = useTranslation();
  const options = useStore((s) => s.options);
  const suggestedEps = useStore((s) => s.view?.density?.suggestedEps ?? null);
  // The rows analysed once there are results (cleaning sets some aside), the file's rows before.
  const rows = useStore((s) => s.view?.analysedRows ?? s.dataset?.rowCount ?? 0);
  // Clusters on RFM are Euclidean whatever was chosen for customer files (rfmAnalysisOptions).
  const transactions = useStore((s) => s.mode === 'transactions');
  const metric = transactions ? 'euclidean' : options.metric;
  const distance = t(METRIC_NAMES[metric]);
  const sample = options.silhouetteSample;
  const gap = t('ui.common.sentenceGap');
  if (algorithm === 'dbscan') {
    const settings = { minPts: options.minPts, distance, sample };
    return (
      <>
        {options.eps !== null
          ? t('ui.summary.dbscanEps', { ...settings, eps: options.eps })
          : suggestedEps !== null
            ? t('ui.summary.dbscanSuggested', { ...settings, eps: suggestedEps })
            : t('ui.summary.dbscan', settings)}
        {gap}
        {t(rows > DBSCAN_MAX_ROWS ? 'ui.summary.dbscanSampled' : 'ui.summary.dbscanLimit', {
          most: DBSCAN_MAX_ROWS,
        })}
      </>
    );
  }
  if (algorithm === 'hierarchical') {
    const cut =
      options.cutHeight === null
        ? t('ui.summary.cutIntoK', { kMax: options.kMax })
        : t('ui.summary.cutAtHeight', { height: options.cutHeight });
    const settings = { linkage: t(LINKAGE_NAMES[options.linkage]), distance, cut, sample };
    const most = options.treeMaxRows;
    const limits = { most, fewest: HIERARCHY_FEWEST_ROWS, ceiling: HIERARCHY_MOST_ROWS };
    const megabytes = treeMatrixMegabytes(Math.min(rows, most), options.linkage);
    return (
      <>
        {options.linkage === 'ward' && metric !== 'euclidean'
          ? t('ui.summary.hierarchicalWard', settings)
          : t('ui.summary.hierarchical', settings)}
        {gap}
        {megabytes === null
          ? t(
              rows > most ? 'ui.summary.hierarchySampledSingle' : 'ui.summary.hierarchyLimitSingle',
              limits,
            )
          : t(rows > most ? 'ui.summary.hierarchySampled' : 'ui.summary.hierarchyLimit', {
              ...limits,
              megabytes,
            })}
      </>
    );
  }
  const settings = { kMax: options.kMax, nInit: options.nInit, sample, seed: options.seed };
  return (
    <>
      {metric === 'euclidean'
        ? t('ui.summary.kmeans', settings)
        : t('ui.summary.kmeansDistance', { ...settings, distance })}
    </>
  );
}

/** What is weak about the clustering shown (the core's warnings), each with what to change. */
export function ClusteringWarnings() {
  const { t } = useTranslation();
  const render = useRenderNode();
  const warnings = useStore((s) => s.view?.clusterWarnings ?? null);
  if (warnings === null || warnings.length === 0) return null;
  return (
    <ul className="notes" aria-label={t('ui.summary.warnings')}>
      {warnings.map((warning) => (
        <li key={warning.key}>{render(warning)}</li>
      ))}
    </ul>
  );
}
