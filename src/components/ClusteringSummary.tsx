import type { ClusteringAlgorithm } from '../core/analysis/analysisOptions';
import { useStore } from '../store/useStore';
import { DBSCAN_MAX_ROWS, HIERARCHY_MAX_ROWS, METRIC_LABELS } from '../store/vocabulary';
import { formatCount } from './format';

/** The clustering settings in one sentence, with the row limits that apply to this file. */
export function ClusteringSummary({ algorithm }: { algorithm: ClusteringAlgorithm }) {
  const options = useStore((s) => s.options);
  const view = useStore((s) => s.view);
  const rows = useStore((s) => s.dataset?.rowCount ?? 0);
  const silhouette = `silhouette on up to ${options.silhouetteSample.toLocaleString('en-US')} rows`;
  // Clusters on RFM are Euclidean whatever was chosen for customer files (rfmAnalysisOptions).
  const transactions = useStore((s) => s.mode === 'transactions');
  const distance = METRIC_LABELS[transactions ? 'euclidean' : options.metric];
  if (algorithm === 'dbscan') {
    const eps =
      options.eps === null
        ? `the suggested eps${view?.density ? ` (${view.density.suggestedEps})` : ''}`
        : `eps ${options.eps}`;
    return (
      <>
        DBSCAN with {eps}, {options.minPts} minimum points, {distance} distance, {silhouette}.
        DBSCAN takes up to {formatCount(DBSCAN_MAX_ROWS)} rows in reasonable time
        {rows > DBSCAN_MAX_ROWS
          ? `; this file has more, so it runs on a seeded sample and the other rows join the segment of a core row within eps (or noise).`
          : '.'}
      </>
    );
  }
  if (algorithm === 'hierarchical') {
    return (
      <>
        Hierarchical clustering, {options.linkage} linkage,{' '}
        {options.linkage === 'ward' && distance !== METRIC_LABELS.euclidean
          ? `Euclidean distance (Ward builds its tree with Euclidean distances only; ${distance} distance measures the silhouette),`
          : `${distance} distance,`}{' '}
        {options.cutHeight === null
          ? `cut into k = 1 to ${options.kMax} segments`
          : `tree cut at height ${options.cutHeight}`}
        , {silhouette}. The tree needs every pairwise distance, so it is built on at most{' '}
        {formatCount(HIERARCHY_MAX_ROWS)} rows
        {rows > HIERARCHY_MAX_ROWS
          ? ': a seeded sample of this file, the other rows joining the segment with the nearest centre.'
          : '.'}
      </>
    );
  }
  return (
    <>
      k-means for k = 1 to {options.kMax}, best of {options.nInit}{' '}
      {options.nInit === 1 ? 'start' : 'starts'} each, {silhouette}
      {distance === METRIC_LABELS.euclidean ? '' : ` with ${distance} distance`}, seed{' '}
      {options.seed}.
    </>
  );
}
