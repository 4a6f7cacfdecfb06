import { useRender } from './useRender';
import { selectIsStale, selectRfmSegmentSummary, selectShownK } from '../store/selectors';
import { useStore } from '../store/useStore';
import { formatCount } from './format';

/** The per-customer RFM table: everyone, one named segment, or one cluster. */
export function RfmExportPanel() {
  const rfmView = useStore((s) => s.rfmView);
  const render = useRender();
  const kView = useStore(selectShownK);
  const stale = useStore(selectIsStale);
  const download = useStore((s) => s.downloadRfm);
  const summary = useStore(selectRfmSegmentSummary);
  if (!rfmView) return null;
  const segments = (summary ?? []).filter((row) => row.customers > 0);
  const clusters = kView && !stale && kView.rfmCells !== null ? kView.profiles.segments : [];
  return (
    <div className="export">
      <button type="button" className="primary" onClick={() => void download({})}>
        Download the RFM table
      </button>
      <span className="hint">
        {' '}
        one row per customer: customer, recency, frequency, monetary, R, F, M, segment
        {clusters.length > 0 ? ' and cluster' : ''}
      </span>
      <h3>One file per RFM segment</h3>
      <ul className="export__list">
        {segments.map((row) => (
          <li key={row.segment}>
            <button type="button" onClick={() => void download({ segment: row.segment })}>
              Download {row.name} ({formatCount(row.customers)} customers)
            </button>
          </li>
        ))}
      </ul>
      {clusters.length > 0 && (
        <>
          <h3>One file per cluster</h3>
          <ul className="export__list">
            {clusters.map((cluster) => (
              <li key={cluster.id}>
                <button type="button" onClick={() => void download({ cluster: cluster.id })}>
                  Download cluster {cluster.id}: {render(cluster.label)} (
                  {formatCount(cluster.size)} customers)
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
